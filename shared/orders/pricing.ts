import type { Coupon } from './coupon-rules';
import { DEFAULT_SHIPPING_RULE, shippingFee, type ShippingRule } from './shipping-fee';

/**
 * An order's money from the catalog (product document 4b): the server prices every line itself,
 * and a price the shop sent is only compared, never used.
 */

export interface CatalogLine {
  sku: string;
  quantity: number;
  catalogPriceFen: number;
  category: string;
  /** The unit price the shop sent, when it sent one. */
  claimedPriceFen?: number;
}

export interface PriceChange {
  sku: string;
  claimedPriceFen: number;
  /** The catalog's price now. */
  priceFen: number;
}

/** Lines whose price the shop sent and which differ from the catalog (refused 409 price_changed). */
export function findPriceChanges(lines: readonly CatalogLine[]): PriceChange[] {
  const changes: PriceChange[] = [];
  for (const line of lines) {
    if (line.claimedPriceFen != null && line.claimedPriceFen !== line.catalogPriceFen) {
      changes.push({ sku: line.sku, claimedPriceFen: line.claimedPriceFen, priceFen: line.catalogPriceFen });
    }
  }
  return changes;
}

export interface PricedLine {
  sku: string;
  quantity: number;
  unitPriceFen: number;
  lineTotalFen: number;
}

export interface CouponDiscount {
  code: string;
  discountFen: number;
}

export interface PriceBreakdown {
  lines: PricedLine[];
  itemsTotalFen: number;
  /** Each coupon's share, in the order the coupons were given. */
  coupons: CouponDiscount[];
  discountFen: number;
  shippingFen: number;
  totalFen: number;
}

export interface PriceOrderInput {
  lines: readonly CatalogLine[];
  /** Coupons checkCoupons accepted: pricing does not judge them again. */
  coupons: readonly Coupon[];
  province: string;
}

/**
 * Prices with already-checked coupons: fixed and threshold discounts first (each off the items
 * total), then a percentage off what is left, rounded down to the fen (Math.floor: the shop never
 * gives a fraction away, the customer sees whole fen); the discount never exceeds the items total;
 * shipping from shippingFee on goods after discount; total = items − discount + shipping.
 *
 * Amounts before the percentage is the usual order in Chinese shops (满减 then 折扣) and the one
 * cheaper for the shop; an amount that would take the goods below zero is cut to what is left, and
 * that cut amount is what the coupon is recorded as giving (refunds spread the recorded discount).
 */
export function priceOrder(input: PriceOrderInput, rule: ShippingRule = DEFAULT_SHIPPING_RULE): PriceBreakdown {
  const lines = input.lines.map((line) => ({
    sku: line.sku,
    quantity: line.quantity,
    unitPriceFen: line.catalogPriceFen,
    lineTotalFen: line.catalogPriceFen * line.quantity,
  }));
  const itemsTotalFen = lines.reduce((sum, line) => sum + line.lineTotalFen, 0);

  // By position, not by coupon: the same coupon object may be listed twice.
  const given = input.coupons.map(() => 0);
  let left = itemsTotalFen;
  const takeOff = (index: number, wanted: number) => {
    const off = Math.min(wanted, left);
    given[index] = off;
    left -= off;
  };
  input.coupons.forEach((coupon, index) => {
    if (coupon.kind !== 'percentage') takeOff(index, coupon.amountOffFen ?? 0);
  });
  input.coupons.forEach((coupon, index) => {
    if (coupon.kind === 'percentage') takeOff(index, Math.floor((left * (coupon.percentOff ?? 0)) / 100));
  });

  const coupons = input.coupons.map((coupon, index) => ({ code: coupon.code, discountFen: given[index] ?? 0 }));
  const discountFen = itemsTotalFen - left;
  const shippingFen = shippingFee(
    { goodsAfterDiscountFen: left, province: input.province, categories: input.lines.map((line) => line.category) },
    rule,
  );
  return { lines, itemsTotalFen, coupons, discountFen, shippingFen, totalFen: left + shippingFen };
}
