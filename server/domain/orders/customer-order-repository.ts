import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** A line of an order as the customer sees it: the product's names in both languages and the price it was sold at. */
export interface OrderLineRecord {
  sku: string;
  nameZh: string;
  /** Empty for products from before English names. */
  nameEn: string;
  quantity: number;
  unitPriceFen: number;
}

export async function findOrderLines(db: Kysely<Database>, orderId: number): Promise<OrderLineRecord[]> {
  const rows = await db
    .selectFrom('order_items')
    .innerJoin('products', 'products.id', 'order_items.product_id')
    .select(['products.sku', 'products.name', 'products.name_en', 'order_items.quantity', 'order_items.unit_price_fen'])
    .where('order_items.order_id', '=', orderId)
    .orderBy('order_items.id')
    .execute();
  return rows.map((r) => ({ sku: r.sku, nameZh: r.name, nameEn: r.name_en, quantity: r.quantity, unitPriceFen: r.unit_price_fen }));
}

/** The coupons the order was priced with, in the order they were applied. */
export async function findOrderCoupons(db: Kysely<Database>, orderId: number): Promise<Array<{ code: string; discountFen: number }>> {
  const rows = await db
    .selectFrom('coupon_redemptions')
    .innerJoin('coupons', 'coupons.id', 'coupon_redemptions.coupon_id')
    .select(['coupons.code', 'coupon_redemptions.discount_fen'])
    .where('coupon_redemptions.order_id', '=', orderId)
    .orderBy('coupon_redemptions.id')
    .execute();
  return rows.map((r) => ({ code: r.code, discountFen: r.discount_fen }));
}

/** Whether any parcel is on its way to the customer for this order (return legs do not count). */
export async function hasDeliveryShipments(db: Kysely<Database>, orderId: number): Promise<boolean> {
  const row = await db.selectFrom('shipments').select('id').where('order_id', '=', orderId).where('leg', '=', 'delivery').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * What the payment provider has paid back to the customer for this order: confirmed refunds
 * only (a refund still waiting for the provider is not money back yet). Read here rather than
 * through refunds/, which builds on orders/.
 */
export async function sumRefundedToCustomer(db: Kysely<Database>, orderId: number): Promise<number> {
  const row = await db
    .selectFrom('refunds')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('fen'))
    .where('order_id', '=', orderId)
    .where('status', '=', 'succeeded')
    .executeTakeFirstOrThrow();
  return Number(row.fen);
}
