import { paidPrices, type OrderMoney } from './paid-prices';

export interface ReturnLineQuantity {
  orderItemId: number;
  quantity: number;
}

export interface RefundInput {
  order: OrderMoney;
  /** Units of each line in other live returns or already returned: they took the first units. */
  alreadyReturned: readonly ReturnLineQuantity[];
  /**
   * Units that other returns have taken back for good (no longer cancellable): whether this
   * return empties the order is decided on these, so a return the customer can still cancel
   * never earns the shipping refund. Defaults to `alreadyReturned` (a quote's preview).
   */
  returnedForGood?: readonly ReturnLineQuantity[];
  items: readonly ReturnLineQuantity[];
  sellerFault: boolean;
  method: 'pickup' | 'dropoff';
  returnShippingFeeFen: number;
  alreadyRefundedFen: number;
}

export interface RefundLine {
  orderItemId: number;
  quantity: number;
  /** List price of these units before discounts. */
  listFen: number;
  /** Their share of the order's discounts and coupons. */
  discountFen: number;
  /** What they cost the customer: listFen − discountFen. */
  paidFen: number;
}

/** The refund, in fen, as the customer sees it before submitting and as it is stored. */
export interface RefundBreakdown {
  lines: RefundLine[];
  itemsFen: number;
  /** The order's shipping fee, back when a seller-fault return empties the order. */
  shippingRefundFen: number;
  /** Return shipping deducted from a no-reason courier pickup. */
  returnShippingFeeFen: number;
  /** Taken off so the refunds of an order never pass what it paid. */
  cappedFen: number;
  totalFen: number;
}

const quantityOf = (list: readonly ReturnLineQuantity[], orderItemId: number) =>
  list.filter((l) => l.orderItemId === orderItemId).reduce((sum, l) => sum + l.quantity, 0);

/**
 * Refund for returning `items`. Assumes eligibility passed (quantities fit); the caller checks
 * that first. Pure integer arithmetic: what the customer is shown is what they get back.
 */
export function refundBreakdown(input: RefundInput): RefundBreakdown {
  const prices = paidPrices(input.order);
  const lines: RefundLine[] = [];
  for (const item of input.items) {
    const line = prices.find((p) => p.orderItemId === item.orderItemId);
    if (!line || item.quantity <= 0) continue;
    const first = quantityOf(input.alreadyReturned, item.orderItemId);
    const paidFen = line.unitPaidFen.slice(first, first + item.quantity).reduce((a, b) => a + b, 0);
    const unitList = line.listFen / line.unitPaidFen.length;
    const listFen = unitList * item.quantity;
    lines.push({ orderItemId: item.orderItemId, quantity: item.quantity, listFen, discountFen: listFen - paidFen, paidFen });
  }
  const itemsFen = lines.reduce((sum, l) => sum + l.paidFen, 0);
  const returnedElsewhere = input.returnedForGood ?? input.alreadyReturned;
  const emptiesOrder = input.order.lines.every(
    (l) => quantityOf(returnedElsewhere, l.orderItemId) + quantityOf(input.items, l.orderItemId) >= l.quantity,
  );
  const shippingRefundFen = input.sellerFault && emptiesOrder ? input.order.shippingFen : 0;
  const fee = !input.sellerFault && input.method === 'pickup' ? input.returnShippingFeeFen : 0;
  const returnShippingFeeFen = Math.min(fee, itemsFen + shippingRefundFen);
  const beforeCap = itemsFen + shippingRefundFen - returnShippingFeeFen;
  const available = Math.max(0, input.order.paidTotalFen - input.alreadyRefundedFen);
  const totalFen = Math.min(beforeCap, available);
  return { lines, itemsFen, shippingRefundFen, returnShippingFeeFen, cappedFen: beforeCap - totalFen, totalFen };
}
