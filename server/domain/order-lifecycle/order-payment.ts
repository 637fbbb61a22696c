import type { Kysely } from 'kysely';
import { AppError, conflict } from '../../app-error';
import { lockOrder } from '../../db/row-lock';
import type { Database } from '../../db/schema';
import { PaymentProviderError, type ChargeReceipt, type PaymentProvider } from '../payments/payment-provider';
import { claimRefund, payRefund, settleRefund } from '../refunds/refund-service';
import { enqueueOrderNotification } from '../notifications/notification-outbox';
import { enqueueWebhookEvent } from '../webhooks/webhook-outbox';
import { ORDER_FACTS_CHANGED } from '../orders/order-facts-changed';

export type PaymentOutcome = 'applied' | 'already_paid' | 'order_cancelled';

interface OrderToPay {
  id: number;
  orderNo: string;
  status: string;
  totalFen: number;
  payBy: number | null;
  recipientPhone: string;
}

export async function findOrderToPay(db: Kysely<Database>, orderNo: string): Promise<OrderToPay | null> {
  const row = await db.selectFrom('orders').select(['id', 'order_no', 'status', 'paid_total_fen', 'pay_by', 'recipient_phone']).where('order_no', '=', orderNo).executeTakeFirst();
  return row ? { id: row.id, orderNo: row.order_no, status: row.status, totalFen: row.paid_total_fen, payBy: row.pay_by, recipientPhone: row.recipient_phone } : null;
}

/**
 * Books a payment the provider took, in the caller's transaction. The status change is the
 * guard: only an order still waiting moves to paid, so a charge answered twice, a
 * notification repeated, or a payment racing the deadline's cancellation is applied once.
 */
export async function recordPayment(trx: Kysely<Database>, order: OrderToPay, receipt: ChargeReceipt, provider: string, paidAt: number): Promise<PaymentOutcome> {
  await lockOrder(trx, order.id);
  const moved = await trx
    .updateTable('orders')
    .set({ status: 'paid', paid_at: paidAt, updated_at: paidAt, pay_by: null, ...ORDER_FACTS_CHANGED })
    .where('id', '=', order.id)
    .where('status', '=', 'pending_payment')
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) {
    const now = await trx.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow();
    return now.status === 'cancelled' ? 'order_cancelled' : 'already_paid';
  }
  await trx
    .insertInto('payments')
    .values({ order_id: order.id, provider, provider_reference: receipt.reference, amount_fen: receipt.amountFen, paid_at: paidAt, created_at: paidAt })
    .execute();
  // Paid → confirmed: the customer is told, by a message written with the payment.
  await enqueueOrderNotification(trx, { orderId: order.id, orderNo: order.orderNo, recipientPhone: order.recipientPhone, event: 'order_confirmed', params: { amountFen: receipt.amountFen }, at: paidAt });
  await enqueueWebhookEvent(trx, 'order.confirmed', { orderNo: order.orderNo, amountFen: receipt.amountFen, paidAt }, paidAt);
  return 'applied';
}

/**
 * Money that arrived for an order already cancelled (the customer paid as the deadline ran
 * out) goes straight back, through the refund path every refund takes (paid once per key).
 */
export async function refundLatePayment(db: Kysely<Database>, payments: PaymentProvider, order: OrderToPay, receipt: ChargeReceipt, now: number): Promise<void> {
  const refund = await db.transaction().execute((trx) =>
    claimRefund(trx, { orderId: order.id, returnId: null, claimId: null, idempotencyKey: `late-payment:${receipt.reference}`, wantedFen: receipt.amountFen, requestedBy: null }, now),
  );
  const paid = await payRefund(payments, refund, order.orderNo);
  await db.transaction().execute((trx) => settleRefund(trx, refund, paid, payments.name, now));
}

/**
 * The shop's "pay now" with the provider behind the interface (the simulated one here): the
 * charge is asked with the order's own key, so a retried request pays once.
 */
export async function payOrder(db: Kysely<Database>, payments: PaymentProvider, orderNo: string, now: number): Promise<PaymentOutcome> {
  const order = await findOrderToPay(db, orderNo);
  if (!order) throw new AppError(404, 'order_not_found', `No order ${orderNo}`);
  if (order.status === 'cancelled') throw conflict('order_cancelled', 'The order was cancelled; it cannot be paid');
  if (order.status !== 'pending_payment') throw conflict('order_already_paid', 'The order is already paid');
  if (order.payBy !== null && now >= order.payBy) throw conflict('payment_deadline_passed', 'The time to pay this order has run out; it is being cancelled');
  let receipt: ChargeReceipt;
  try {
    receipt = await payments.charge({ idempotencyKey: `charge:${order.orderNo}`, orderNo: order.orderNo, amountFen: order.totalFen });
  } catch (err) {
    if (err instanceof PaymentProviderError) throw new AppError(503, 'payment_provider_failed', `The payment provider did not take the payment: ${err.message}. Nothing was paid; try again.`, undefined);
    throw err;
  }
  const outcome = await db.transaction().execute((trx) => recordPayment(trx, order, receipt, payments.name, now));
  if (outcome === 'order_cancelled') {
    await refundLatePayment(db, payments, order, receipt, now);
    throw conflict('order_cancelled', 'The order was cancelled as it was being paid; the payment has been refunded');
  }
  return outcome;
}
