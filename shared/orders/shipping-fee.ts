import { provinceIn } from './province-names';

/** What an order's delivery costs the customer, in fen (product document 4b). */
export interface ShippingRule {
  /** 包邮: goods at or above this, after discounts, ship free (outside remote provinces). */
  freeFromFen: number;
  standardFen: number;
  /** Remote provinces pay this whatever the order's size: the carriers charge the shop for it. */
  remoteFen: number;
  remoteProvinces: readonly string[];
  /** Refrigerated delivery, charged under the free threshold when any line needs it. */
  coldChainFen: number;
  coldChainCategories: readonly string[];
}

export const DEFAULT_SHIPPING_RULE: ShippingRule = {
  freeFromFen: 9900,
  standardFen: 800,
  remoteFen: 2000,
  remoteProvinces: ['新疆维吾尔自治区', '西藏自治区', '青海省', '内蒙古自治区', '宁夏回族自治区', '甘肃省', '海南省'],
  coldChainFen: 1500,
  coldChainCategories: ['fresh_food'],
};

export interface ShippingInput {
  /** Items total less every coupon: the free threshold is what the customer really pays for goods. */
  goodsAfterDiscountFen: number;
  province: string;
  /** The categories of the order's lines (repeats are fine). */
  categories: readonly string[];
}

/**
 * The shipping fee. When several fees apply (a remote province and a cold-chain line) the
 * highest is charged, not their sum: one parcel makes one trip, and the dearer service covers it.
 */
export function shippingFee(input: ShippingInput, rule: ShippingRule = DEFAULT_SHIPPING_RULE): number {
  const remote = provinceIn(input.province, rule.remoteProvinces);
  const free = input.goodsAfterDiscountFen >= rule.freeFromFen;
  const coldChain = input.categories.some((category) => rule.coldChainCategories.includes(category));
  const fees: number[] = [0];
  if (remote) fees.push(rule.remoteFen);
  if (!free) fees.push(coldChain ? rule.coldChainFen : rule.standardFen);
  return Math.max(...fees);
}
