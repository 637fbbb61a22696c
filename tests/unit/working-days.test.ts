import { describe, expect, it } from 'vitest';
import { refundArrivalDays } from '../../client/components/returns/refund-arrival';
import { addWorkingDays } from '../../shared/time/working-days';

describe('addWorkingDays', () => {
  // 2026-12-04 is a Friday.
  it.each([
    ['2026-12-04', 0, '2026-12-04'],
    ['2026-12-01', 1, '2026-12-02'],
    ['2026-12-01', 3, '2026-12-04'],
    ['2026-12-04', 1, '2026-12-07'],
    ['2026-12-05', 1, '2026-12-07'],
    ['2026-12-06', 1, '2026-12-07'],
    ['2026-12-03', 3, '2026-12-08'],
    ['2026-12-04', 5, '2026-12-11'],
    ['2026-12-30', 2, '2027-01-01'],
    ['2027-02-26', 1, '2027-03-01'],
  ])('%s + %i working days is %s', (day, count, expected) => {
    expect(addWorkingDays(day, count)).toBe(expected);
  });
});

describe('refundArrivalDays', () => {
  const paid = (completedAt: number | null, status: 'succeeded' | 'pending' = 'succeeded') => ({
    amountFen: 1000,
    status,
    completedAt,
    reference: 'SIM-1',
    usualArrival: { minWorkingDays: 1, maxWorkingDays: 3 },
  });
  // Friday 2026-12-04 23:30 in Shanghai is still Friday there, but 15:30 UTC.
  const fridayNightShanghai = Date.UTC(2026, 11, 4, 15, 30);

  it('counts working days from the day it was paid on the shop’s calendar', () => {
    expect(refundArrivalDays(paid(fridayNightShanghai), 'Asia/Shanghai')).toEqual({ from: '2026-12-07', to: '2026-12-09' });
  });
  it('a paid moment after midnight in Shanghai is the next day there', () => {
    // Saturday 00:30 in Shanghai: Monday to Wednesday all the same, from Saturday.
    expect(refundArrivalDays(paid(Date.UTC(2026, 11, 4, 16, 30)), 'Asia/Shanghai')).toEqual({ from: '2026-12-07', to: '2026-12-09' });
    // Thursday 23:30 UTC is Friday 07:30 in Shanghai.
    expect(refundArrivalDays(paid(Date.UTC(2026, 11, 3, 23, 30)), 'Asia/Shanghai')).toEqual({ from: '2026-12-07', to: '2026-12-09' });
    expect(refundArrivalDays(paid(Date.UTC(2026, 11, 3, 23, 30)), 'UTC')).toEqual({ from: '2026-12-04', to: '2026-12-08' });
  });
  it('says nothing before the money is paid or without the provider’s estimate', () => {
    expect(refundArrivalDays(paid(null, 'pending'), 'Asia/Shanghai')).toBeNull();
    expect(refundArrivalDays({ ...paid(fridayNightShanghai), usualArrival: null }, 'Asia/Shanghai')).toBeNull();
  });
});
