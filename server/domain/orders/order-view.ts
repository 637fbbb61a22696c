import type { Kysely } from 'kysely';
import type { OrderStatus, ShopOrderView } from '../../../shared/api/shop';
import { notFound } from '../../app-error';
import type { Database } from '../../db/schema';

/** The order as the shop API answers it: status, money, lines and where they ship from, shipments. */
export async function loadShopOrder(db: Kysely<Database>, by: { orderNo: string } | { id: number }, publicUrl = ''): Promise<ShopOrderView> {
  let query = db.selectFrom('orders').selectAll();
  query = 'id' in by ? query.where('id', '=', by.id) : query.where('order_no', '=', by.orderNo);
  const order = await query.executeTakeFirst();
  if (!order) throw notFound('order_not_found', `No order ${'id' in by ? by.id : by.orderNo}`);

  const [lines, coupons, shipments, refunded] = await Promise.all([
    db
      .selectFrom('order_items as i')
      .innerJoin('products as p', 'p.id', 'i.product_id')
      .leftJoin('warehouses as w', 'w.id', 'i.warehouse_id')
      .select(['i.id', 'p.sku', 'p.name', 'p.name_en', 'i.quantity', 'i.unit_price_fen', 'w.code'])
      .where('i.order_id', '=', order.id)
      .orderBy('i.id')
      .execute(),
    db
      .selectFrom('coupon_redemptions as r')
      .innerJoin('coupons as c', 'c.id', 'r.coupon_id')
      .select(['c.code', 'r.discount_fen'])
      .where('r.order_id', '=', order.id)
      .orderBy('r.id')
      .execute(),
    db.selectFrom('shipments').select(['tracking_no', 'status']).where('order_id', '=', order.id).where('leg', '=', 'delivery').orderBy('id').execute(),
    db
      .selectFrom('refunds')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('fen'))
      .where('order_id', '=', order.id)
      .where('status', '=', 'succeeded')
      .executeTakeFirstOrThrow(),
  ]);

  return {
    orderNo: order.order_no,
    status: order.status as OrderStatus,
    itemsTotalFen: order.items_total_fen,
    discountFen: order.discount_fen,
    shippingFen: order.shipping_fen,
    totalFen: order.paid_total_fen,
    coupons: coupons.map((c) => ({ code: c.code, discountFen: c.discount_fen })),
    payBy: order.pay_by,
    paidAt: order.paid_at > 0 ? order.paid_at : null,
    cancelledAt: order.cancelled_at,
    cancelReason: order.cancel_reason,
    refundedFen: Number(refunded.fen),
    customer: {
      name: order.recipient_name,
      phone: order.recipient_phone,
      address: { province: order.province, city: order.city, district: order.district, street: order.street },
    },
    lines: lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      name: { 'zh-CN': l.name, en: l.name_en || l.name },
      quantity: l.quantity,
      unitPriceFen: l.unit_price_fen,
      lineTotalFen: l.quantity * l.unit_price_fen,
      warehouse: l.code,
    })),
    shipments: shipments.map((s) => ({ trackingNo: s.tracking_no, status: s.status, trackingUrl: `${publicUrl}/t/${s.tracking_no}` })),
    createdAt: order.created_at,
  };
}
