import type { Kysely } from 'kysely';
import { AppError, conflict, notFound } from '../../app-error';
import { lockOrder } from '../../db/row-lock';
import type { Database } from '../../db/schema';
import type { PaymentProvider } from '../payments/payment-provider';
import { findRefundByKey, type Refund } from '../refunds/refund-repository';
import { claimRefund, payRefund, settleRefund } from '../refunds/refund-service';
import type { StockActor } from '../stock/stock-actor';
import { moveStock } from '../stock/stock-ledger';
import { enqueueOrderNotification } from '../notifications/notification-outbox';
import { releaseRedemptions } from '../orders/coupon-repository';
import { settleWavesOfOrder } from '../fulfilment/wave-service';
import { hasPackedParcel } from '../fulfilment/wave-repository';
import { ORDER_FACTS_CHANGED } from '../orders/order-facts-changed';

export interface Cancellation {
  reason: string;
  actor: StockActor;
  /** The staff member behind the refund, when staff cancelled. */
  staffId: number | null;
  now: number;
  /** The payment deadline's cancellation: only an order still waiting to be paid. */
  onlyUnpaid?: boolean;
}

const refundKey = (orderNo: string) => `cancel:${orderNo}`;

/**
 * Cancels an order that has not shipped: its reserved stock goes back, its coupon uses are
 * given back, and a paid order is refunded in full. The status change inside the
 * transaction is the exactly-once guard: a deadline job and a staff member cancelling at the
 * same moment release the stock once. The refund follows the three steps of refund-service;
 * if the provider fails, cancelling again finishes it.
 */
export async function cancelOrder(db: Kysely<Database>, payments: PaymentProvider, orderNo: string, cancellation: Cancellation): Promise<void> {
  const pending = await db.transaction().execute((trx) => cancelInTransaction(trx, orderNo, cancellation));
  if (!pending) return;
  const paid = await payRefund(payments, pending, orderNo);
  await db.transaction().execute(async (trx) => {
    if (!(await settleRefund(trx, pending, paid, payments.name, cancellation.now))) return;
    const { recipient_phone } = await trx.selectFrom('orders').select('recipient_phone').where('id', '=', pending.orderId).executeTakeFirstOrThrow();
    await enqueueOrderNotification(trx, { orderId: pending.orderId, orderNo, recipientPhone: recipient_phone, event: 'order_refunded', params: { amountFen: paid.amountFen }, at: cancellation.now });
  });
}

/** Why an order was cancelled, as the customer's message says it. */
const REASON_WORDS: Record<string, string> = { payment_deadline: '超时未付款', shop_cancelled: '商家取消' };

/** The cancellation itself; returns the refund still to pay (a paid order), or null. */
async function cancelInTransaction(trx: Kysely<Database>, orderNo: string, c: Cancellation): Promise<Refund | null> {
  const found = await trx.selectFrom('orders').select('id').where('order_no', '=', orderNo).executeTakeFirst();
  if (!found) throw notFound('order_not_found', `No order ${orderNo}`);
  await lockOrder(trx, found.id);
  const order = await trx.selectFrom('orders').select(['id', 'status', 'paid_total_fen', 'recipient_phone']).where('id', '=', found.id).executeTakeFirstOrThrow();
  if (c.onlyUnpaid && order.status !== 'pending_payment') throw conflict('order_not_waiting_for_payment', 'The order is no longer waiting for payment');
  if (order.status === 'cancelled') {
    // Cancelled before but the refund did not go through: this press finishes it.
    const refund = await findRefundByKey(trx, refundKey(orderNo));
    if (refund?.status === 'pending') return refund;
    throw conflict('order_already_cancelled', 'The order is already cancelled');
  }
  if (order.status !== 'pending_payment' && order.status !== 'paid') throw conflict('order_already_shipped', 'The order has shipped; ask for a return instead');
  // A split order with one part packed has units on their way: its stock is no longer all reserved.
  if (await hasPackedParcel(trx, order.id)) throw conflict('order_already_shipped', 'Part of the order has been packed and is on its way; ask for a return instead');

  await trx
    .updateTable('orders')
    .set({ status: 'cancelled', cancelled_at: c.now, cancel_reason: c.reason, updated_at: c.now, pay_by: null, ...ORDER_FACTS_CHANGED })
    .where('id', '=', order.id)
    .execute();
  const items = await trx.selectFrom('order_items').select(['product_id', 'warehouse_id', 'quantity']).where('order_id', '=', order.id).orderBy('id').execute();
  for (const item of items) {
    if (item.warehouse_id === null) continue;
    await moveStock(trx, { warehouseId: item.warehouse_id, productId: item.product_id, kind: 'release', quantity: item.quantity, orderId: order.id, reason: c.reason, actor: c.actor }, c.now);
  }
  await releaseRedemptions(trx, order.id, c.now);
  // In a pick wave: its lines leave the wave's remaining work.
  await settleWavesOfOrder(trx, order.id, c.now);
  const paid = order.status === 'paid';
  await enqueueOrderNotification(trx, {
    orderId: order.id,
    orderNo,
    recipientPhone: order.recipient_phone,
    event: 'order_cancelled',
    params: { reason: REASON_WORDS[c.reason] ?? c.reason, ...(paid ? { amountFen: order.paid_total_fen } : {}) },
    at: c.now,
  });
  if (!paid) return null;
  return claimRefund(trx, { orderId: order.id, returnId: null, claimId: null, idempotencyKey: refundKey(orderNo), wantedFen: order.paid_total_fen, requestedBy: c.staffId }, c.now);
}

/**
 * Orders whose time to pay ran out, cancelled with their stock released. Safe to run from
 * several app instances at once and again after a restart: each cancellation's guard lets
 * one of them through. Returns how many this run cancelled.
 */
export async function cancelOverdueOrders(db: Kysely<Database>, payments: PaymentProvider, now: number, limit = 200): Promise<number> {
  const overdue = await db
    .selectFrom('orders')
    .select('order_no')
    .where('status', '=', 'pending_payment')
    .where('pay_by', '<=', now)
    .orderBy('pay_by')
    .limit(limit)
    .execute();
  let cancelled = 0;
  for (const { order_no } of overdue) {
    try {
      await cancelOrder(db, payments, order_no, { reason: 'payment_deadline', actor: { type: 'system', id: null }, staffId: null, now, onlyUnpaid: true });
      cancelled += 1;
    } catch (err) {
      // Another instance, staff or a payment got there first: nothing left to do here.
      if (!(err instanceof AppError && err.code === 'order_not_waiting_for_payment')) throw err;
    }
  }
  return cancelled;
}
