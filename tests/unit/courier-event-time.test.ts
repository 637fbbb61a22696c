import { describe, expect, it } from 'vitest';
import { eventTimeOf, FUTURE_TOLERANCE_MS } from '../../server/domain/courier/event-time';

const NOW = Date.UTC(2026, 11, 4, 8, 0, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('the time an event is recorded at, from the phone clock', () => {
  it.each([
    { name: 'in the past, honest phone', device: NOW - 30 * MIN, sentAt: NOW, occurredAt: NOW - 30 * MIN, evidence: null },
    { name: 'hours in the past (offline all morning)', device: NOW - 5 * 60 * MIN, sentAt: NOW, occurredAt: NOW - 5 * 60 * MIN, evidence: null },
    { name: 'within the tolerance ahead', device: NOW + FUTURE_TOLERANCE_MS, sentAt: NOW, occurredAt: NOW + FUTURE_TOLERANCE_MS, evidence: null },
    { name: 'just past the tolerance, honest send time', device: NOW + FUTURE_TOLERANCE_MS + 1, sentAt: NOW, occurredAt: NOW, evidence: NOW + FUTURE_TOLERANCE_MS + 1 },
    { name: 'phone two days ahead, made 20 min ago', device: NOW + 2 * DAY - 20 * MIN, sentAt: NOW + 2 * DAY, occurredAt: NOW - 20 * MIN, evidence: NOW + 2 * DAY - 20 * MIN },
    { name: 'phone two days ahead, lead under-measured', device: NOW + 2 * DAY, sentAt: NOW + DAY, occurredAt: NOW, evidence: NOW + 2 * DAY },
    { name: 'phone 30 min fast, made 40 min ago (reads 10 min ago): the lead comes off too', device: NOW - 10 * MIN, sentAt: NOW + 30 * MIN, occurredAt: NOW - 40 * MIN, evidence: NOW - 10 * MIN },
    { name: 'phone 30 min fast, made 20 min ago (reads 10 min ahead)', device: NOW + 10 * MIN, sentAt: NOW + 30 * MIN, occurredAt: NOW - 20 * MIN, evidence: NOW + 10 * MIN },
    { name: 'phone 30 s fast: within the tolerance, believed', device: NOW - 5 * MIN, sentAt: NOW + 30_000, occurredAt: NOW - 5 * MIN, evidence: null },
    { name: 'phone behind at sending, event in the future', device: NOW + DAY, sentAt: NOW - DAY, occurredAt: NOW, evidence: NOW + DAY },
    { name: 'phone hours behind: its past times are kept (flagged by the batch skew)', device: NOW - 5 * 60 * MIN, sentAt: NOW - 3 * 60 * MIN, occurredAt: NOW - 5 * 60 * MIN, evidence: null },
  ])('$name', ({ device, sentAt, occurredAt, evidence }) => {
    const time = eventTimeOf(device, sentAt, NOW);
    expect(time).toEqual({ occurredAt, deviceOccurredAt: evidence });
    expect(time.occurredAt).toBeLessThanOrEqual(NOW + FUTURE_TOLERANCE_MS);
  });
});
