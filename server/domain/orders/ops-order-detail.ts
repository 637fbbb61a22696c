import type { Kysely } from 'kysely';
import type { OpsOrderDetail } from '../../../shared/api/ops-orders';
import type { Database } from '../../db/schema';
import { listStockLedger } from '../stock/ops-stock-ledger';
import { maskName, maskPhone } from '../tracking/masking';
import { loadShopOrder } from './order-view';

/** More than any real order's stock lines (reservation, release or shipment per line, returns). */
const LEDGER_LINES = 500;

/** A phone number as the lists show it; any other address (a future channel's) down to its first letter. */
const maskRecipient = (recipient: string) => (/^\+?\d[\d -]*$/.test(recipient) ? maskPhone(recipient) : maskName(recipient));

/**
 * Everything staff need to answer a customer about one order: the order as the shop sees it,
 * the stock it reserved, released or shipped (oldest first, as it happened), the money taken
 * and given back, and every message the customer was sent or is due.
 */
export async function loadOpsOrderDetail(db: Kysely<Database>, orderNo: string, publicUrl: string): Promise<OpsOrderDetail> {
  const order = await loadShopOrder(db, { orderNo }, publicUrl);
  const { id } = await db.selectFrom('orders').select('id').where('order_no', '=', orderNo).executeTakeFirstOrThrow();
  const [ledger, payments, refunds, notifications] = await Promise.all([
    listStockLedger(db, { orderId: id, limit: LEDGER_LINES }),
    db.selectFrom('payments').select(['provider', 'provider_reference', 'amount_fen', 'paid_at']).where('order_id', '=', id).orderBy('id').execute(),
    db.selectFrom('refunds').select(['amount_fen', 'status', 'created_at', 'completed_at']).where('order_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('notifications')
      .select(['template', 'channel', 'recipient', 'status', 'attempts', 'body', 'sent_at', 'created_at', 'last_error'])
      .where('order_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  return {
    order,
    ledger: ledger.reverse(),
    payments: payments.map((p) => ({ provider: p.provider, reference: p.provider_reference, amountFen: p.amount_fen, paidAt: p.paid_at })),
    refunds: refunds.map((r) => ({ amountFen: r.amount_fen, status: r.status, createdAt: r.created_at, completedAt: r.completed_at })),
    notifications: notifications.map((n) => ({
      template: n.template,
      channel: n.channel,
      recipient: maskRecipient(n.recipient),
      status: n.status,
      attempts: n.attempts,
      body: n.body,
      sentAt: n.sent_at,
      createdAt: n.created_at,
      lastError: n.last_error,
    })),
  };
}
