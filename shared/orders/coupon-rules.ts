/**
 * Whether coupons may be used on an order (product document 4b). What they take off is
 * pricing's business (pricing.ts); these rules only say yes or why not. Times are epoch ms.
 */

/** A coupon as stored (coupons table); the kinds are the shop API's COUPON_KINDS. */
export interface Coupon {
  code: string;
  kind: 'percentage' | 'fixed' | 'threshold';
  percentOff: number | null;
  amountOffFen: number | null;
  /** Items total (before discounts) the order must reach; 0 for none. Any kind may have one. */
  thresholdFen: number;
  startsAt: number | null;
  endsAt: number | null;
  totalLimit: number | null;
  perCustomerLimit: number | null;
  /** Uses so far by every customer (live redemptions: those of cancelled unpaid orders are given back). */
  usedCount: number;
  active: boolean;
}

export type CouponRefusalCode =
  | 'coupon_inactive'
  | 'coupon_not_started'
  | 'coupon_expired'
  | 'coupon_threshold_not_met'
  | 'coupon_used_up'
  | 'coupon_customer_limit_reached'
  | 'coupons_not_combinable';

export interface CouponRefusal {
  /** The coupon's code. */
  code: string;
  reason: CouponRefusalCode;
}

export interface CouponCheckContext {
  now: number;
  /** Items total before any discount: thresholds are judged on what the customer put in the cart. */
  itemsTotalFen: number;
  /** Uses of this coupon by this customer so far. */
  customerUses: number;
}

/**
 * Whether one coupon may be used now: window is [startsAt, endsAt) (starts inclusive, ends
 * exclusive); threshold compares items total BEFORE any discount (>=); usedCount >= totalLimit →
 * used up; customerUses >= perCustomerLimit → limit reached.
 *
 * When several reasons hold, the one that no change to the cart can cure is given first (switched
 * off, outside its window, used up), and the threshold last: it is the one the customer can fix by
 * adding to the cart, so it should only be offered when it would really help.
 */
export function checkCoupon(coupon: Coupon, ctx: CouponCheckContext): CouponRefusalCode | null {
  if (!coupon.active) return 'coupon_inactive';
  if (coupon.startsAt != null && ctx.now < coupon.startsAt) return 'coupon_not_started';
  if (coupon.endsAt != null && ctx.now >= coupon.endsAt) return 'coupon_expired';
  if (coupon.totalLimit != null && coupon.usedCount >= coupon.totalLimit) return 'coupon_used_up';
  if (coupon.perCustomerLimit != null && ctx.customerUses >= coupon.perCustomerLimit) return 'coupon_customer_limit_reached';
  if (ctx.itemsTotalFen < coupon.thresholdFen) return 'coupon_threshold_not_met';
  return null;
}

export interface CouponSetContext {
  now: number;
  itemsTotalFen: number;
  customerUses: (code: string) => number;
}

/**
 * Checks a whole set in the order given: at most one coupon of each kind (a second of a kind →
 * coupons_not_combinable on that one); returns every refusal, not just the first.
 *
 * Only a coupon that passes its own check holds its kind's place: an expired coupon is refused as
 * expired, and a good one of the same kind after it is not refused as well, so dropping the
 * refused codes always leaves a set that is accepted. The same code twice is a second of its kind.
 */
export function checkCoupons(coupons: readonly Coupon[], ctx: CouponSetContext): CouponRefusal[] {
  const refusals: CouponRefusal[] = [];
  const kindsTaken = new Set<Coupon['kind']>();
  for (const coupon of coupons) {
    const own = checkCoupon(coupon, { now: ctx.now, itemsTotalFen: ctx.itemsTotalFen, customerUses: ctx.customerUses(coupon.code) });
    if (own) refusals.push({ code: coupon.code, reason: own });
    else if (kindsTaken.has(coupon.kind)) refusals.push({ code: coupon.code, reason: 'coupons_not_combinable' });
    else kindsTaken.add(coupon.kind);
  }
  return refusals;
}
