import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import type { TrackingStatus } from '../../shared/tracking/statuses';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';

/**
 * Orders written straight into the tables, as the shop's order intake will write them: a
 * customer, products with names in both languages, an order (paid or waiting for payment),
 * its lines, coupons and parcels. Apart from factories.ts's serials so both can share a database.
 */
let serial = 50_000;
const next = () => ++serial;

export const ORDER_CREATED_AT = Date.UTC(2026, 10, 20, 2, 0, 0);

export interface OrderFixtureOptions {
  phone?: string;
  status?: 'pending_payment' | 'paid' | 'shipped' | 'cancelled';
  /** 0 (the default for pending_payment and cancelled) while unpaid. */
  paidAt?: number;
  payBy?: number | null;
  cancelledAt?: number | null;
  cancelReason?: string | null;
  lines?: Array<{ nameZh: string; nameEn?: string; priceFen: number; quantity: number }>;
  coupons?: Array<{ code: string; discountFen: number }>;
  shippingFen?: number;
}

export interface OrderFixture {
  orderId: number;
  orderNo: string;
  customerId: number;
  phone: string;
  totalFen: number;
}

const DEFAULT_LINES = [
  { nameZh: '纯棉T恤 白色 L', nameEn: 'Cotton T-shirt, white, L', priceFen: 7_900, quantity: 2 },
  { nameZh: '无线蓝牙耳机', nameEn: 'Wireless earbuds', priceFen: 19_900, quantity: 1 },
];

export async function createOrder(db: Kysely<Database>, options: OrderFixtureOptions = {}): Promise<OrderFixture> {
  const n = next();
  const phone = options.phone ?? `139${String(n).padStart(8, '0')}`;
  const status = options.status ?? 'paid';
  const lines = options.lines ?? DEFAULT_LINES;
  const coupons = options.coupons ?? [];
  const itemsTotalFen = lines.reduce((sum, l) => sum + l.priceFen * l.quantity, 0);
  const discountFen = coupons.reduce((sum, c) => sum + c.discountFen, 0);
  const shippingFen = options.shippingFen ?? 0;
  const totalFen = itemsTotalFen - discountFen + shippingFen;
  const unpaid = status === 'pending_payment' || status === 'cancelled';
  const customer = await db.insertInto('customers').values({ name: '李娜', phone, created_at: ORDER_CREATED_AT }).returning('id').executeTakeFirstOrThrow();
  const order = await db
    .insertInto('orders')
    .values({
      order_no: `ODR${n}`,
      customer_id: customer.id,
      status,
      items_total_fen: itemsTotalFen,
      discount_fen: discountFen,
      shipping_fen: shippingFen,
      paid_total_fen: totalFen,
      paid_at: options.paidAt ?? (unpaid ? 0 : ORDER_CREATED_AT + 60_000),
      pay_by: options.payBy === undefined ? ORDER_CREATED_AT + 30 * 60_000 : options.payBy,
      cancelled_at: options.cancelledAt ?? null,
      cancel_reason: options.cancelReason ?? null,
      recipient_name: '李娜',
      recipient_phone: phone,
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
      street: '世纪大道100号环球金融中心32楼',
      created_at: ORDER_CREATED_AT,
      updated_at: ORDER_CREATED_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, line] of lines.entries()) {
    const product = await db
      .insertInto('products')
      .values({ sku: `SKU-${n}-${i}`, name: line.nameZh, name_en: line.nameEn ?? '', category: 'apparel', price_fen: line.priceFen })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('order_items').values({ order_id: order.id, product_id: product.id, quantity: line.quantity, unit_price_fen: line.priceFen }).execute();
  }
  for (const coupon of coupons) {
    const row = await db
      .insertInto('coupons')
      .values({ code: coupon.code, kind: 'fixed', amount_off_fen: coupon.discountFen, created_at: ORDER_CREATED_AT, updated_at: ORDER_CREATED_AT })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('coupon_redemptions')
      .values({ coupon_id: row.id, order_id: order.id, customer_id: customer.id, discount_fen: coupon.discountFen, created_at: ORDER_CREATED_AT })
      .execute();
  }
  return { orderId: order.id, orderNo: `ODR${n}`, customerId: customer.id, phone, totalFen };
}

/** A parcel of the order, in the given status, with no events (the order page reads only the shipment). */
export async function addShipment(
  db: Kysely<Database>,
  orderId: number,
  options: { status?: TrackingStatus; subStatus?: string; deliveredAt?: number | null; leg?: 'delivery' | 'return' } = {},
): Promise<{ trackingNo: string; shipmentId: number }> {
  const trackingNo = makeTrackingNo(next());
  const status = options.status ?? 'InTransit';
  const { id } = await db
    .insertInto('shipments')
    .values({
      tracking_no: trackingNo,
      order_id: orderId,
      courier_id: null,
      status,
      sub_status: options.subStatus ?? `${status}_001`,
      version: 1,
      origin_province: '浙江省',
      origin_city: '杭州市',
      destination_province: '上海市',
      destination_city: '上海市',
      promised_by: ORDER_CREATED_AT + 3 * 86_400_000,
      delivered_at: options.deliveredAt ?? null,
      arrived_at: options.deliveredAt ?? null,
      route_position: null,
      return_id: null,
      leg: options.leg ?? 'delivery',
      created_at: ORDER_CREATED_AT,
      updated_at: ORDER_CREATED_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { trackingNo, shipmentId: id };
}

/** A refund of part of the order, as the refund service records one: pending until the provider paid it. */
export async function addRefund(db: Kysely<Database>, orderId: number, amountFen: number, status: 'pending' | 'succeeded' = 'succeeded'): Promise<void> {
  await db
    .insertInto('refunds')
    .values({
      order_id: orderId,
      return_id: null,
      claim_id: null,
      idempotency_key: `refund-${next()}`,
      amount_fen: amountFen,
      status,
      provider: status === 'succeeded' ? 'simulated' : 'pending',
      provider_reference: status === 'succeeded' ? `SIM-${serial}` : null,
      arrival_min_days: 1,
      arrival_max_days: 3,
      requested_by: null,
      created_at: ORDER_CREATED_AT + 86_400_000,
      completed_at: status === 'succeeded' ? ORDER_CREATED_AT + 86_400_000 : null,
    })
    .execute();
}
