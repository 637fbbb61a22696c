import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import type { TrackingStatus } from '../../shared/tracking/statuses';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';
import { buildPublicTimeline } from '../../server/domain/tracking/public-timeline';

let serial = 1_000;
const next = () => ++serial;

export interface ParcelFixture {
  trackingNo: string;
  shipmentId: number;
  orderId: number;
  phone: string;
}

export interface ParcelOptions {
  status?: TrackingStatus;
  phone?: string;
  promisedBy?: number | null;
  deliveredAt?: number | null;
  courierId?: number | null;
  events?: Array<{ status: TrackingStatus; subStatus?: string; occurredAt: number; city?: string; note?: string; recipientName?: string }>;
}

/** A customer, an order with two items, and its shipment with the given events. */
export async function createParcel(db: Kysely<Database>, options: ParcelOptions = {}): Promise<ParcelFixture> {
  const n = next();
  const phone = options.phone ?? `138${String(n).padStart(8, '0')}`;
  const now = Date.UTC(2026, 10, 20, 2, 0, 0);
  const customer = await db
    .insertInto('customers')
    .values({ name: '王小明', phone, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const products = await Promise.all(
    [
      { sku: `SKU-${n}-A`, name: '纯棉T恤 白色 L', category: 'apparel', price_fen: 7_900 },
      { sku: `SKU-${n}-B`, name: '无线蓝牙耳机', category: 'electronics', price_fen: 19_900 },
    ].map((p) => db.insertInto('products').values(p).returning('id').executeTakeFirstOrThrow()),
  );
  const order = await db
    .insertInto('orders')
    .values({
      order_no: `OD${n}`,
      customer_id: customer.id,
      status: 'paid',
      items_total_fen: 2 * 7_900 + 19_900,
      discount_fen: 1_000,
      shipping_fen: 0,
      paid_total_fen: 2 * 7_900 + 19_900 - 1_000,
      paid_at: now,
      recipient_name: '王小明',
      recipient_phone: phone,
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      street: '科技园南路88号创业大厦3栋1201',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('order_items')
    .values([
      { order_id: order.id, product_id: products[0]!.id, quantity: 2, unit_price_fen: 7_900 },
      { order_id: order.id, product_id: products[1]!.id, quantity: 1, unit_price_fen: 19_900 },
    ])
    .execute();
  const events = options.events ?? [{ status: 'InfoReceived' as const, occurredAt: now, city: '杭州市' }];
  const last = events.at(-1);
  const trackingNo = makeTrackingNo(n);
  const shipment = await db
    .insertInto('shipments')
    .values({
      tracking_no: trackingNo,
      order_id: order.id,
      courier_id: options.courierId ?? null,
      status: options.status ?? last?.status ?? 'Pending',
      sub_status: last?.subStatus ?? `${options.status ?? last?.status ?? 'Pending'}_001`,
      version: 1 + events.length,
      origin_province: '浙江省',
      origin_city: '杭州市',
      destination_province: '广东省',
      destination_city: '深圳市',
      public_timeline: JSON.stringify(
        buildPublicTimeline(events.map((e) => ({ ...e, subStatus: e.subStatus ?? `${e.status}_001`, place: { province: null, city: e.city ?? '杭州市' }, reasonCode: null }))),
      ),
      promised_by: options.promisedBy === undefined ? now + 3 * 86_400_000 : options.promisedBy,
      delivered_at: options.deliveredAt ?? null,
      arrived_at: options.deliveredAt ?? events.find((e) => e.status === 'Delivered' || e.status === 'AvailableForPickup')?.occurredAt ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const e of events) {
    await db
      .insertInto('tracking_events')
      .values({
        shipment_id: shipment.id,
        status: e.status,
        sub_status: e.subStatus ?? `${e.status}_001`,
        occurred_at: e.occurredAt,
        recorded_at: e.occurredAt,
        province: null,
        city: e.city ?? '杭州市',
        reason_code: null,
        actor_type: 'carrier',
        actor_id: null,
        note: e.note ?? null,
        recipient_name: e.recipientName ?? null,
        photo_id: null,
      })
      .execute();
  }
  return { trackingNo, shipmentId: shipment.id, orderId: order.id, phone };
}
