import type { OrderStatus } from '../../../shared/api/shop';
import type { CustomerOrderView } from '../../../shared/api/customer-order';

type Tone = 'progress' | 'delivered' | 'attention' | 'idle';

/** The status card's colour: waiting for the customer to pay asks for attention; a cancelled order is over. */
export const ORDER_STATUS_TONES: Record<OrderStatus, Tone> = {
  pending_payment: 'attention',
  paid: 'progress',
  shipped: 'delivered',
  cancelled: 'idle',
};

/** The sentence under the status: a message key and what fills it. Only the verified view knows the details. */
export type OrderStatusHint = { key: 'pay_by'; at: number } | { key: 'pay_by_passed' | 'paid' | 'shipped' } | { key: 'cancelled_reason'; reason: string };

export function orderStatusHint(view: CustomerOrderView, now: number): OrderStatusHint | null {
  if (!view.verified) return null;
  switch (view.status) {
    case 'pending_payment':
      if (view.payBy === null) return null;
      return view.payBy > now ? { key: 'pay_by', at: view.payBy } : { key: 'pay_by_passed' };
    case 'paid':
    case 'shipped':
      return { key: view.status };
    case 'cancelled':
      return view.cancelReason ? { key: 'cancelled_reason', reason: view.cancelReason } : null;
  }
}

/** The discount not explained by the coupons listed (a shop's own promotion): shown on its own line when there is one. */
export function otherDiscountFen(breakdown: { discountFen: number; coupons: Array<{ discountFen: number }> }): number {
  return breakdown.discountFen - breakdown.coupons.reduce((sum, c) => sum + c.discountFen, 0);
}

/** What the total is to the customer: paid, still to pay, or (cancelled unpaid) neither, just the order's total. */
export function totalKind(order: { paidAt: number | null; status: OrderStatus }): 'total_paid' | 'total_due' | 'total_order' {
  if (order.paidAt !== null) return 'total_paid';
  return order.status === 'pending_payment' ? 'total_due' : 'total_order';
}
