import { describe, expect, it } from 'vitest';
import { formatDeductionFen, formatFen } from '../../client/components/returns/return-money';
import { calendarDayLabel } from '../../client/components/returns/return-day-label';
import { pickupSlotLabel } from '../../client/components/returns/return-slot-label';

describe('money on screen, from integer fen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [1234, '¥12.34'],
    [123_456, '¥1,234.56'],
    [100_000_000, '¥1,000,000.00'],
    [-1000, '−¥10.00'],
    [-7, '−¥0.07'],
    // 0.1 + 0.2 style float trouble can't happen: 3333 fen is exactly ¥33.33.
    [3333, '¥33.33'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s, which is not whole fen', (fen) => {
    expect(() => formatFen(fen)).toThrow(RangeError);
  });

  it.each([
    [1000, '−¥10.00'],
    [-1000, '−¥10.00'],
    [0, '¥0.00'],
  ])('a deduction of %i fen reads %s', (fen, text) => {
    expect(formatDeductionFen(fen)).toBe(text);
  });
});

describe('a pickup slot in words, in the given time zone', () => {
  const hour = 3_600_000;
  // Wednesday 10 June 2026, 10:00 in Shanghai (02:00 UTC).
  const now = Date.UTC(2026, 5, 10, 2, 0);
  const slot = (dayOffset: number, startHourShanghai: number, hours = 3) => {
    const start = Date.UTC(2026, 5, 10 + dayOffset, startHourShanghai - 8, 0);
    return { start, end: start + hours * hour };
  };

  it.each([
    ['zh-CN', slot(0, 14), '今天 14:00–17:00'],
    ['en', slot(0, 14), 'Today, 14:00–17:00'],
    ['zh-CN', slot(1, 9), '明天 09:00–12:00'],
    ['en', slot(1, 9), 'Tomorrow, 09:00–12:00'],
    ['zh-CN', slot(2, 9), '6月12日周五 09:00–12:00'],
    ['en', slot(2, 9), 'Fri, Jun 12, 09:00–12:00'],
    // Just after midnight in Shanghai is still the previous day in UTC: the zone decides "tomorrow".
    ['en', slot(1, 0, 2), 'Tomorrow, 00:00–02:00'],
    ['en', slot(0, 19), 'Today, 19:00–22:00'],
  ] as const)('%s %j → %s', (locale, s, text) => {
    expect(pickupSlotLabel(s, locale, now, 'Asia/Shanghai')).toBe(text);
  });

  it('names the day in the zone it is shown in', () => {
    // 23:00 UTC on the 10th is 07:00 on the 11th in Shanghai: tomorrow there, still today in UTC.
    const late = { start: Date.UTC(2026, 5, 10, 23, 0), end: Date.UTC(2026, 5, 11, 1, 0) };
    expect(pickupSlotLabel(late, 'en', now, 'Asia/Shanghai')).toBe('Tomorrow, 07:00–09:00');
    expect(pickupSlotLabel(late, 'en', now, 'UTC')).toBe('Today, 23:00–01:00');
  });
});

describe('a pickup slot that is history', () => {
  it('is named by its date, never as today or tomorrow', () => {
    const start = Date.UTC(2026, 5, 11, 6, 0);
    const slot = { start, end: start + 4 * 3_600_000 };
    expect(pickupSlotLabel(slot, 'zh-CN', null, 'Asia/Shanghai')).toBe('6月11日周四 14:00–18:00');
    expect(pickupSlotLabel(slot, 'en', null, 'Asia/Shanghai')).toBe('Thu, Jun 11, 14:00–18:00');
  });
});

describe('a shop-calendar day in words', () => {
  it.each([
    ['2026-12-16', 'zh-CN', '12月16日周三'],
    ['2026-12-16', 'en', 'Wed, Dec 16'],
    ['2027-01-01', 'en', 'Fri, Jan 1'],
  ])('%s in %s → %s', (day, locale, text) => {
    expect(calendarDayLabel(day, locale)).toBe(text);
  });

  it('keeps anything that is not a day as it came', () => {
    expect(calendarDayLabel('someday', 'en')).toBe('someday');
  });
});
