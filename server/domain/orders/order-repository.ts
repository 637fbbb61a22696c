import type { Kysely, Selectable } from 'kysely';
import type { Database, OrderTable } from '../../db/schema';
import { placeholderNumber } from '../stock/document-numbers';

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

/**
 * Writes a new order waiting for payment and numbers it from its id (unique by construction);
 * paid_at stays 0 until it is paid (see the 2026-12-05-90 migration).
 */
export async function insertPendingOrder(
  trx: Kysely<Database>,
  order: {
    customerId: number;
    recipient: { name: string; phone: string; address: { province: string; city: string; district: string; street: string } };
    price: { itemsTotalFen: number; discountFen: number; shippingFen: number; totalFen: number };
    createdAt: number;
    payBy: number;
    apiKeyId: number | null;
    number: (id: number) => string;
  },
): Promise<number> {
  const { id } = await trx
    .insertInto('orders')
    .values({
      order_no: placeholderNumber(),
      customer_id: order.customerId,
      status: 'pending_payment',
      items_total_fen: order.price.itemsTotalFen,
      discount_fen: order.price.discountFen,
      shipping_fen: order.price.shippingFen,
      paid_total_fen: order.price.totalFen,
      paid_at: 0,
      recipient_name: order.recipient.name,
      recipient_phone: order.recipient.phone,
      ...order.recipient.address,
      created_at: order.createdAt,
      updated_at: order.createdAt,
      pay_by: order.payBy,
      api_key_id: order.apiKeyId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.updateTable('orders').set({ order_no: order.number(id) }).where('id', '=', id).execute();
  return id;
}

export async function insertOrderLine(trx: Kysely<Database>, line: { orderId: number; productId: number; quantity: number; unitPriceFen: number; warehouseId: number }): Promise<void> {
  await trx
    .insertInto('order_items')
    .values({ order_id: line.orderId, product_id: line.productId, quantity: line.quantity, unit_price_fen: line.unitPriceFen, warehouse_id: line.warehouseId })
    .execute();
}
