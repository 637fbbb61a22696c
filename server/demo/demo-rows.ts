import type { Insertable } from 'kysely';
import type {
  CustomerTable,
  OrderItemTable,
  OrderTable,
  ProductTable,
  ShipmentTable,
  TrackingEventTable,
} from '../db/schema';
import type { DemoBatch, DemoCustomer, DemoOrder, DemoOrderItem, DemoShipment, DemoTrackingEvent } from './demo-model';
import type { DemoProduct } from './demo-products';
import { demoHandedOverAt, demoPickedAt } from './demo-fulfilment-times';
import type { DeliveryInstructions } from '../../shared/courier/manifest';
import { buildPublicTimeline } from '../domain/tracking/public-timeline';
import { ARRIVED_STATUSES } from '../../shared/tracking/lateness';
import { pickupEventColumns, pickupPlaceOf } from '../domain/courier/pickup-point-columns';

/**
 * Generated objects → table rows. The generator numbers rows from 1; `DemoKeys` says where
 * each table's numbering really starts (past rows that were already there) and which
 * database ids the demo couriers got.
 */
export interface DemoKeys {
  customerIdOffset: number;
  productIdOffset: number;
  orderIdOffset: number;
  shipmentIdOffset: number;
  /** Database id of DEMO_COURIERS[n - 1] for courierNo n. */
  courierIds: readonly number[];
}

function courierId(keys: DemoKeys, courierNo: number | null): number | null {
  if (courierNo == null) return null;
  const id = keys.courierIds[courierNo - 1];
  if (id === undefined) throw new Error(`no database id for demo courier ${courierNo}`);
  return id;
}

export function customerRow(c: DemoCustomer, keys: DemoKeys): Insertable<CustomerTable> & { id: number } {
  return { id: c.id + keys.customerIdOffset, name: c.name, phone: c.phone, created_at: c.createdAt };
}

export function productRow(p: DemoProduct, keys: DemoKeys): Insertable<ProductTable> & { id: number } {
  return { id: p.id + keys.productIdOffset, sku: p.sku, name: p.name, category: p.category, price_fen: p.priceFen };
}

/** `packedAt`: its parcel's creation (the generator makes one parcel per order, created when packed). */
export function orderRow(o: DemoOrder, keys: DemoKeys, packedAt: number = o.paidAt): Insertable<OrderTable> & { id: number } {
  return {
    id: o.id + keys.orderIdOffset,
    order_no: o.orderNo,
    customer_id: o.customerId + keys.customerIdOffset,
    status: o.status,
    items_total_fen: o.itemsTotalFen,
    discount_fen: o.discountFen,
    shipping_fen: o.shippingFen,
    paid_total_fen: o.paidTotalFen,
    paid_at: o.paidAt,
    picked_at: demoPickedAt(o, packedAt),
    packed_at: packedAt,
    recipient_name: o.recipientName,
    recipient_phone: o.recipientPhone,
    province: o.province,
    city: o.city,
    district: o.district,
    street: o.street,
    lat: o.lat,
    lng: o.lng,
    created_at: o.createdAt,
  };
}

export function orderItemRow(orderId: number, item: DemoOrderItem, keys: DemoKeys): Insertable<OrderItemTable> {
  return {
    order_id: orderId + keys.orderIdOffset,
    product_id: item.productId + keys.productIdOffset,
    quantity: item.quantity,
    unit_price_fen: item.unitPriceFen,
  };
}

export function shipmentRow(s: DemoShipment, keys: DemoKeys): Insertable<ShipmentTable> & { id: number } {
  return {
    id: s.id + keys.shipmentIdOffset,
    tracking_no: s.trackingNo,
    order_id: s.orderId + keys.orderIdOffset,
    courier_id: courierId(keys, s.courierNo),
    status: s.status,
    sub_status: s.subStatus,
    version: s.version,
    origin_province: s.originProvince,
    origin_city: s.originCity,
    destination_province: s.destinationProvince,
    destination_city: s.destinationCity,
    promised_by: s.promisedBy,
    delivered_at: s.deliveredAt,
    delivery_instructions: demoInstructions(s.id),
    pickup_place: latestPickupPlace(s.events),
    arrived_at: s.events.find((e) => ARRIVED_STATUSES.includes(e.status))?.occurredAt ?? null,
    created_at: s.createdAt,
    handed_over_at: demoHandedOverAt(s),
    updated_at: s.updatedAt,
    public_timeline: JSON.stringify(
      buildPublicTimeline(
        s.events.map((e) => ({ ...e, place: { province: e.province, city: e.city } })),
      ),
    ),
  };
}

/** Where the parcel last waited for collection, as the courier's sync keeps it on the shipment. */
function latestPickupPlace(events: readonly DemoTrackingEvent[]): string | null {
  const drop = events.findLast((e) => e.pickupPoint !== null);
  return drop?.pickupPoint ? JSON.stringify(pickupPlaceOf(drop.pickupPoint, drop.occurredAt)) : null;
}

/** Every third parcel has the customer's delivery instructions, as a real manifest would. */
const DEMO_INSTRUCTIONS: readonly DeliveryInstructions[] = [
  { option: 'leave_at_door', note: '放门口即可，不用敲门，孩子在睡觉' },
  { option: 'parcel_locker', note: null },
  { option: 'reception', note: '前台周一至周五 9:00–18:00 有人' },
  { option: 'call_first', note: '上班时间请先打电话，我下楼取' },
];

function demoInstructions(shipmentNo: number): string | null {
  return shipmentNo % 3 === 0 ? JSON.stringify(DEMO_INSTRUCTIONS[(shipmentNo / 3) % DEMO_INSTRUCTIONS.length]) : null;
}

export function trackingEventRow(shipmentId: number, e: DemoTrackingEvent, keys: DemoKeys): Insertable<TrackingEventTable> {
  return {
    shipment_id: shipmentId + keys.shipmentIdOffset,
    status: e.status,
    sub_status: e.subStatus,
    occurred_at: e.occurredAt,
    recorded_at: e.recordedAt,
    province: e.province,
    city: e.city,
    reason_code: e.reasonCode,
    actor_type: e.actorType,
    actor_id: courierId(keys, e.courierNo),
    note: e.note,
    recipient_name: e.recipientName,
    photo_id: null,
    // Shifted into place by now: the keeping time counts from the drop as stored.
    ...pickupEventColumns(e.pickupPoint ?? undefined, e.occurredAt),
  };
}

/** Every row of a batch, table by table in foreign-key order, for a writer to insert. */
export interface DemoBatchRows {
  customers: ReturnType<typeof customerRow>[];
  products: ReturnType<typeof productRow>[];
  orders: ReturnType<typeof orderRow>[];
  order_items: Insertable<OrderItemTable>[];
  shipments: ReturnType<typeof shipmentRow>[];
  tracking_events: Insertable<TrackingEventTable>[];
}

export function batchRows(batch: DemoBatch, keys: DemoKeys): DemoBatchRows {
  return {
    customers: batch.customers.map((c) => customerRow(c, keys)),
    products: batch.products.map((p) => productRow(p, keys)),
    orders: batch.orders.map((o, i) => orderRow(o, keys, batch.shipments[i]?.orderId === o.id ? batch.shipments[i]!.createdAt : (batch.shipments.find((s) => s.orderId === o.id)?.createdAt ?? o.paidAt))),
    order_items: batch.orders.flatMap((o) => o.items.map((item) => orderItemRow(o.id, item, keys))),
    shipments: batch.shipments.map((s) => shipmentRow(s, keys)),
    tracking_events: batch.shipments.flatMap((s) => s.events.map((e) => trackingEventRow(s.id, e, keys))),
  };
}

export const DEMO_TABLES_IN_INSERT_ORDER = [
  'customers',
  'products',
  'orders',
  'order_items',
  'shipments',
  'tracking_events',
] as const satisfies readonly (keyof DemoBatchRows)[];
