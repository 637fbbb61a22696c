/**
 * What each unit of an order actually cost the customer, in integer fen. Order-level discounts
 * and coupons are spread over the lines in proportion to their value (largest remainder), then
 * over the units of each line, so the parts always add up to exactly what was paid: a refund of
 * every unit, in any number of partial returns, is never a fen more or less than the payment.
 */

export interface OrderLine {
  orderItemId: number;
  quantity: number;
  unitPriceFen: number;
}

export interface OrderMoney {
  lines: readonly OrderLine[];
  shippingFen: number;
  /** Everything the customer paid: items after discounts, plus shipping. */
  paidTotalFen: number;
}

export interface LinePaidPrices {
  orderItemId: number;
  listFen: number;
  discountFen: number;
  /** Paid price of unit 1, 2, …; earlier units carry the odd fen, so returns take them first. */
  unitPaidFen: number[];
}

/** Splits `amount` over `weights` in proportion, by largest remainder; ties go to the earlier part. */
export function splitProportionally(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  // BigInt: amount × weight can pass 2^53 for large orders.
  const exact = weights.map((w) => BigInt(amount) * BigInt(w));
  const parts = exact.map((e) => Number(e / BigInt(total)));
  const remainders = exact.map((e, i) => ({ i, r: e % BigInt(total) }));
  let left = amount - parts.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

export function paidPrices(order: OrderMoney): LinePaidPrices[] {
  const lists = order.lines.map((l) => l.quantity * l.unitPriceFen);
  const listTotal = lists.reduce((a, b) => a + b, 0);
  const itemsPaid = Math.max(0, Math.min(listTotal, order.paidTotalFen - order.shippingFen));
  const discounts = splitProportionally(listTotal - itemsPaid, lists);
  return order.lines.map((line, i) => {
    const linePaid = lists[i]! - discounts[i]!;
    const base = Math.floor(linePaid / line.quantity);
    const extra = linePaid - base * line.quantity;
    return {
      orderItemId: line.orderItemId,
      listFen: lists[i]!,
      discountFen: discounts[i]!,
      unitPaidFen: Array.from({ length: line.quantity }, (_, u) => base + (u < extra ? 1 : 0)),
    };
  });
}
