import type { DemoOrderItem } from './demo-model';
import { DEMO_PRODUCTS, pickBasket } from './demo-products';
import { weighted, type Random } from './random';

/**
 * Baskets and what was paid for them, in integer fen: paid = items − discount + shipping,
 * with the coupon and free-shipping habits of Chinese shops (满减 thresholds, 包邮 over ¥99).
 */
const LINE_COUNTS = weighted<number>([[1, 60], [2, 27], [3, 10], [4, 3]]);
const QUANTITIES = weighted<number>([[1, 80], [2, 15], [3, 5]]);
const FLAT_SHIPPING_FEN = [600, 800, 1000, 1200] as const;
const FREE_SHIPPING_FROM_FEN = 9900;
const COLD_CHAIN_SHIPPING_FEN = 1500;

export function makeOrderItems(random: Random): DemoOrderItem[] {
  return pickBasket(random, LINE_COUNTS.pick(random)).map((product) => ({
    productId: product.id,
    quantity: QUANTITIES.pick(random),
    unitPriceFen: product.priceFen,
  }));
}

/** 满减: the biggest "spend X, save Y" step the basket reaches. */
function thresholdCoupon(itemsTotalFen: number): number {
  if (itemsTotalFen >= 30000) return 4000;
  if (itemsTotalFen >= 20000) return 2500;
  if (itemsTotalFen >= 10000) return 1000;
  if (itemsTotalFen >= 5000) return 500;
  return 0;
}

export interface OrderMoney {
  itemsTotalFen: number;
  discountFen: number;
  shippingFen: number;
  paidTotalFen: number;
}

export function priceOrder(random: Random, items: readonly DemoOrderItem[]): OrderMoney {
  const itemsTotalFen = items.reduce((sum, item) => sum + item.quantity * item.unitPriceFen, 0);
  const r = random.next();
  let discountFen = 0;
  if (r < 0.35) discountFen = thresholdCoupon(itemsTotalFen);
  // A store-wide 5 % off, rounded down to the fen so the shop never gives away a fraction.
  else if (r < 0.45) discountFen = Math.floor(itemsTotalFen * 0.05);
  const afterDiscount = itemsTotalFen - discountFen;
  const hasFresh = items.some((item) => DEMO_PRODUCTS[item.productId - 1]?.category === 'fresh_food');
  let shippingFen = 0;
  if (afterDiscount < FREE_SHIPPING_FROM_FEN && !random.chance(0.55)) {
    shippingFen = hasFresh ? COLD_CHAIN_SHIPPING_FEN : random.pick(FLAT_SHIPPING_FEN);
  }
  return { itemsTotalFen, discountFen, shippingFen, paidTotalFen: afterDiscount + shippingFen };
}
