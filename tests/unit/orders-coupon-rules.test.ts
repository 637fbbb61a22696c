import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CouponKind } from '../../shared/api/shop';
import { checkCoupon, checkCoupons, type Coupon } from '../../shared/orders/coupon-rules';

const START = Date.UTC(2026, 11, 1);
const END = Date.UTC(2026, 11, 12);

const coupon = (over: Partial<Coupon> = {}): Coupon => ({
  code: 'C',
  kind: 'fixed',
  percentOff: null,
  amountOffFen: 1000,
  thresholdFen: 0,
  startsAt: null,
  endsAt: null,
  totalLimit: null,
  perCustomerLimit: null,
  usedCount: 0,
  active: true,
  ...over,
});

const ctx = { now: START + 1000, itemsTotalFen: 10_000, customerUses: 0 };

describe('checkCoupon', () => {
  it.each([
    { name: 'a plain active coupon', c: coupon(), at: {}, result: null },
    { name: 'switched off', c: coupon({ active: false }), at: {}, result: 'coupon_inactive' },
    { name: '1 ms before it starts', c: coupon({ startsAt: START, endsAt: END }), at: { now: START - 1 }, result: 'coupon_not_started' },
    { name: 'exactly when it starts (inclusive)', c: coupon({ startsAt: START, endsAt: END }), at: { now: START }, result: null },
    { name: '1 ms before it ends', c: coupon({ startsAt: START, endsAt: END }), at: { now: END - 1 }, result: null },
    { name: 'exactly when it ends (exclusive)', c: coupon({ startsAt: START, endsAt: END }), at: { now: END }, result: 'coupon_expired' },
    { name: 'long after it ended', c: coupon({ endsAt: END }), at: { now: END + 86_400_000 }, result: 'coupon_expired' },
    { name: 'no start: open since forever', c: coupon({ endsAt: END }), at: { now: 0 }, result: null },
    { name: 'no end: open for ever', c: coupon({ startsAt: START }), at: { now: END * 10 }, result: null },
    { name: 'threshold exactly reached', c: coupon({ kind: 'threshold', thresholdFen: 10_000 }), at: { itemsTotalFen: 10_000 }, result: null },
    { name: 'threshold 1 fen short', c: coupon({ kind: 'threshold', thresholdFen: 10_000 }), at: { itemsTotalFen: 9_999 }, result: 'coupon_threshold_not_met' },
    { name: 'a percentage coupon with a threshold, 1 fen short', c: coupon({ kind: 'percentage', percentOff: 10, amountOffFen: null, thresholdFen: 5000 }), at: { itemsTotalFen: 4999 }, result: 'coupon_threshold_not_met' },
    { name: 'no threshold on an empty cart', c: coupon(), at: { itemsTotalFen: 0 }, result: null },
    { name: 'total cap: one use left (limit − 1 used)', c: coupon({ totalLimit: 100, usedCount: 99 }), at: {}, result: null },
    { name: 'total cap: limit used', c: coupon({ totalLimit: 100, usedCount: 100 }), at: {}, result: 'coupon_used_up' },
    { name: 'total cap: over the limit (a lowered cap)', c: coupon({ totalLimit: 100, usedCount: 150 }), at: {}, result: 'coupon_used_up' },
    { name: 'no total cap', c: coupon({ usedCount: 1_000_000 }), at: {}, result: null },
    { name: 'per customer: limit − 1 used', c: coupon({ perCustomerLimit: 2 }), at: { customerUses: 1 }, result: null },
    { name: 'per customer: limit used', c: coupon({ perCustomerLimit: 2 }), at: { customerUses: 2 }, result: 'coupon_customer_limit_reached' },
    { name: 'per customer: once, not used yet', c: coupon({ perCustomerLimit: 1 }), at: { customerUses: 0 }, result: null },
    { name: 'no per-customer cap', c: coupon(), at: { customerUses: 50 }, result: null },
    { name: 'switched off beats out of window', c: coupon({ active: false, endsAt: END }), at: { now: END }, result: 'coupon_inactive' },
    { name: 'expired beats used up', c: coupon({ endsAt: END, totalLimit: 1, usedCount: 1 }), at: { now: END }, result: 'coupon_expired' },
    { name: 'used up beats the customer’s cap', c: coupon({ totalLimit: 1, usedCount: 1, perCustomerLimit: 1 }), at: { customerUses: 1 }, result: 'coupon_used_up' },
    { name: 'the customer’s cap beats the threshold', c: coupon({ perCustomerLimit: 1, thresholdFen: 20_000 }), at: { customerUses: 1 }, result: 'coupon_customer_limit_reached' },
  ])('$name → $result', ({ c, at, result }) => {
    expect(checkCoupon(c, { ...ctx, ...at })).toBe(result);
  });

  it('names the same kinds as the shop API', () => {
    expectTypeOf<Coupon['kind']>().toEqualTypeOf<CouponKind>();
  });
});

describe('checkCoupons', () => {
  const pct = (code: string, over: Partial<Coupon> = {}) => coupon({ code, kind: 'percentage', percentOff: 10, amountOffFen: null, ...over });
  const fixed = (code: string, over: Partial<Coupon> = {}) => coupon({ code, kind: 'fixed', ...over });
  const thr = (code: string, over: Partial<Coupon> = {}) => coupon({ code, kind: 'threshold', thresholdFen: 5000, ...over });
  const uses: Record<string, number> = { ONCE_USED: 1 };
  const setCtx = { now: START + 1000, itemsTotalFen: 10_000, customerUses: (code: string) => uses[code] ?? 0 };

  it.each([
    { name: 'none', set: [], refusals: [] },
    { name: 'one of each kind combine', set: [pct('P'), fixed('F'), thr('T')], refusals: [] },
    { name: 'two fixed: the second is refused', set: [fixed('F1'), fixed('F2')], refusals: [{ code: 'F2', reason: 'coupons_not_combinable' }] },
    {
      name: 'two percentages among others: the later one',
      set: [pct('P1'), thr('T'), pct('P2')],
      refusals: [{ code: 'P2', reason: 'coupons_not_combinable' }],
    },
    {
      name: 'three thresholds: the second and third',
      set: [thr('T1'), thr('T2'), thr('T3')],
      refusals: [{ code: 'T2', reason: 'coupons_not_combinable' }, { code: 'T3', reason: 'coupons_not_combinable' }],
    },
    { name: 'the same code twice', set: [fixed('F'), fixed('F')], refusals: [{ code: 'F', reason: 'coupons_not_combinable' }] },
    {
      name: 'a refused coupon does not hold its kind’s place',
      set: [fixed('OLD', { endsAt: START }), fixed('NEW')],
      refusals: [{ code: 'OLD', reason: 'coupon_expired' }],
    },
    {
      name: 'a second of a kind that fails on its own gives its own reason',
      set: [fixed('F1'), fixed('F2', { active: false })],
      refusals: [{ code: 'F2', reason: 'coupon_inactive' }],
    },
    {
      name: 'every refusal, in the order given',
      set: [thr('BIG', { thresholdFen: 10_001 }), pct('GONE', { totalLimit: 5, usedCount: 5 }), fixed('F1'), fixed('F2'), pct('SOON', { startsAt: END })],
      refusals: [
        { code: 'BIG', reason: 'coupon_threshold_not_met' },
        { code: 'GONE', reason: 'coupon_used_up' },
        { code: 'F2', reason: 'coupons_not_combinable' },
        { code: 'SOON', reason: 'coupon_not_started' },
      ],
    },
    {
      name: 'each coupon is judged on this customer’s uses of that code',
      set: [fixed('ONCE_USED', { perCustomerLimit: 1 }), pct('FRESH', { perCustomerLimit: 1 })],
      refusals: [{ code: 'ONCE_USED', reason: 'coupon_customer_limit_reached' }],
    },
  ])('$name', ({ set, refusals }) => {
    expect(checkCoupons(set, setCtx)).toEqual(refusals);
  });

  it('judges every coupon on the items total before discounts', () => {
    // Two coupons whose discounts together would take the cart below the second's threshold.
    const set = [fixed('F', { amountOffFen: 3000 }), thr('T', { thresholdFen: 10_000, amountOffFen: 2000 })];
    expect(checkCoupons(set, { ...setCtx, itemsTotalFen: 10_000 })).toEqual([]);
    expect(checkCoupons(set, { ...setCtx, itemsTotalFen: 9_999 })).toEqual([{ code: 'T', reason: 'coupon_threshold_not_met' }]);
  });
});
