import { describe, expect, it } from 'vitest';
import { attemptChoiceProblem, attemptOptions } from '../../shared/tracking/attempt-choices';

const TZ = 'Asia/Shanghai';
// Friday 2026-12-04, 15:00 in Shanghai.
const attempt = Date.UTC(2026, 11, 4, 7, 0);
const sameEvening = Date.UTC(2026, 11, 4, 12, 0);

describe('attemptOptions', () => {
  it.each([
    // reason, plan, planned day, choices offered, instructions help
    ['recipient_unavailable', 'reattempt', '2026-12-05', true, true],
    ['no_access', 'reattempt', '2026-12-05', true, true],
    ['vehicle_breakdown', 'reattempt', '2026-12-05', true, false],
    ['out_of_time', 'reattempt', '2026-12-05', true, false],
    ['unsafe_location', 'hold', null, true, true],
    ['address_incomplete', 'review', null, false, false],
    ['refused', 'return_to_sender', null, false, false],
    [null, 'reattempt', '2026-12-05', true, false],
  ] as const)('%s: %s on %s, choices %s, instructions %s', (reason, plan, plannedDay, choosable, instructions) => {
    const options = attemptOptions(reason, attempt, sameEvening, TZ);
    expect(options.plan).toBe(plan);
    expect(options.plannedDay).toBe(plannedDay);
    expect(options.canHold).toBe(choosable);
    expect(options.days).toEqual(choosable ? ['2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09'] : []);
    expect(options.canChangeInstructions).toBe(instructions);
  });

  it('counts the days on offer from today, not from an old attempt', () => {
    const threeDaysLater = Date.UTC(2026, 11, 7, 2, 0);
    const options = attemptOptions('recipient_unavailable', attempt, threeDaysLater, TZ);
    expect(options.plannedDay).toBe('2026-12-08');
    expect(options.days[0]).toBe('2026-12-08');
  });

  it('uses the shop’s calendar: 01:00 in Shanghai is already the next day there', () => {
    const lateAttempt = Date.UTC(2026, 11, 4, 17, 0); // Saturday 01:00 in Shanghai
    expect(attemptOptions('recipient_unavailable', lateAttempt, lateAttempt, TZ).plannedDay).toBe('2026-12-06');
    expect(attemptOptions('recipient_unavailable', lateAttempt, lateAttempt, 'UTC').plannedDay).toBe('2026-12-05');
  });
});

describe('attemptChoiceProblem', () => {
  const reattempt = attemptOptions('recipient_unavailable', attempt, sameEvening, TZ);
  const noHelp = attemptOptions('vehicle_breakdown', attempt, sameEvening, TZ);
  const refused = attemptOptions('refused', attempt, sameEvening, TZ);
  it.each([
    [reattempt, { kind: 'redeliver', day: '2026-12-07', withInstructions: true }, null],
    [reattempt, { kind: 'redeliver', day: '2026-12-04', withInstructions: false }, 'day_not_offered'],
    [reattempt, { kind: 'redeliver', day: '2026-12-10', withInstructions: false }, 'day_not_offered'],
    [reattempt, { kind: 'redeliver', withInstructions: false }, 'day_not_offered'],
    [reattempt, { kind: 'hold', withInstructions: false }, null],
    [noHelp, { kind: 'redeliver', day: '2026-12-05', withInstructions: false }, null],
    [noHelp, { kind: 'redeliver', day: '2026-12-05', withInstructions: true }, 'instructions_not_offered'],
    [refused, { kind: 'redeliver', day: '2026-12-05', withInstructions: false }, 'choice_not_offered'],
    [refused, { kind: 'hold', withInstructions: false }, 'choice_not_offered'],
  ] as const)('%#', (options, choice, problem) => {
    expect(attemptChoiceProblem(options, choice)).toBe(problem);
  });
});
