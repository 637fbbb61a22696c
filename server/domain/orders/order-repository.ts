import type { Kysely, Selectable } from 'kysely';
import type { Database, OrderTable } from '../../db/schema';

/** An order as placed: who receives it, where, and what was paid (integer fen). */
export interface Order {
  id: number;
  orderNo: string;
  customerId: number;
  status: string;
  itemsTotalFen: number;
  discountFen: number;
  shippingFen: number;
  paidTotalFen: number;
  /** Null while the order waits for payment. */
  paidAt: number | null;
  recipientName: string;
  recipientPhone: string;
  address: { province: string; city: string; district: string; street: string };
  createdAt: number;
  /** The payment deadline of an order waiting to be paid; null on orders without one. */
  payBy: number | null;
  cancelledAt: number | null;
  cancelReason: string | null;
}

export function toOrder(row: Selectable<OrderTable>): Order {
  return {
    id: row.id,
    orderNo: row.order_no,
    customerId: row.customer_id,
    status: row.status,
    itemsTotalFen: row.items_total_fen,
    discountFen: row.discount_fen,
    shippingFen: row.shipping_fen,
    paidTotalFen: row.paid_total_fen,
    paidAt: row.paid_at > 0 ? row.paid_at : null,
    recipientName: row.recipient_name,
    recipientPhone: row.recipient_phone,
    address: { province: row.province, city: row.city, district: row.district, street: row.street },
    createdAt: row.created_at,
    payBy: row.pay_by,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
  };
}

/** The order a shipment or return belongs to: it exists, or the database is broken. */
export async function requireOrder(db: Kysely<Database>, orderId: number): Promise<Order> {
  return toOrder(await db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow());
}

/** The order with this number, or null. */
export async function findOrderByNo(db: Kysely<Database>, orderNo: string): Promise<Order | null> {
  const row = await db.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirst();
  return row ? toOrder(row) : null;
}
