import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { ORDER_FACTS_CHANGED } from '../orders/order-facts-changed';

/** The order as packing needs it: state, recipient, and where it goes. */
export async function findOrderForPacking(db: Kysely<Database>, orderNo: string) {
  const row = await db
    .selectFrom('orders')
    .select(['id', 'order_no', 'status', 'held_at', 'recipient_name', 'recipient_phone', 'province', 'city', 'district', 'street'])
    .where('order_no', '=', orderNo)
    .executeTakeFirst();
  return row
    ? { id: row.id, orderNo: row.order_no, status: row.status, heldAt: row.held_at, recipient: { name: row.recipient_name, phone: row.recipient_phone }, address: { province: row.province, city: row.city, district: row.district, street: row.street } }
    : null;
}
export type OrderForPacking = NonNullable<Awaited<ReturnType<typeof findOrderForPacking>>>;

/** The order's lines that ship from this warehouse, with their SKU's catalogue facts. */
export async function findOrderLinesIn(db: Kysely<Database>, orderId: number, warehouseId: number) {
  const rows = await db
    .selectFrom('order_items as i')
    .innerJoin('products as p', 'p.id', 'i.product_id')
    .select(['i.id', 'i.product_id', 'i.quantity', 'p.sku', 'p.name', 'p.name_en', 'p.barcode', 'p.weight_grams'])
    .where('i.order_id', '=', orderId)
    .where('i.warehouse_id', '=', warehouseId)
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({ orderItemId: r.id, productId: r.product_id, quantity: r.quantity, sku: r.sku, name: { 'zh-CN': r.name, en: r.name_en }, barcode: r.barcode, weightGrams: r.weight_grams }));
}

/** The warehouses the order's lines ship from (a split order has several). */
export async function findOrderWarehouseIds(db: Kysely<Database>, orderId: number): Promise<number[]> {
  const rows = await db.selectFrom('order_items').select('warehouse_id').distinct().where('order_id', '=', orderId).where('warehouse_id', 'is not', null).execute();
  return rows.map((r) => r.warehouse_id!);
}

export interface PackedShipmentInput {
  trackingNo: string;
  orderId: number;
  warehouseId: number;
  origin: { province: string; city: string };
  destination: { province: string; city: string };
  promisedBy: number;
  weightGrams: number;
  packedBy: number;
  at: number;
}

/** A parcel born from a packed order, not yet booked (the caller applies its first event). */
export async function insertPackedShipment(trx: Kysely<Database>, s: PackedShipmentInput): Promise<number> {
  const { id } = await trx
    .insertInto('shipments')
    .values({
      tracking_no: s.trackingNo,
      order_id: s.orderId,
      courier_id: null,
      status: 'Pending',
      sub_status: 'Pending_001',
      version: 1,
      origin_province: s.origin.province,
      origin_city: s.origin.city,
      destination_province: s.destination.province,
      destination_city: s.destination.city,
      promised_by: s.promisedBy,
      delivered_at: null,
      created_at: s.at,
      updated_at: s.at,
      route_position: null,
      arrived_at: null,
      delivery_instructions: null,
      leg: 'delivery',
      return_id: null,
      warehouse_id: s.warehouseId,
      weight_grams: s.weightGrams,
      packed_by: s.packedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function markOrderShipped(trx: Kysely<Database>, orderId: number, now: number): Promise<void> {
  await trx.updateTable('orders').set({ status: 'shipped', packed_at: now, updated_at: now, ...ORDER_FACTS_CHANGED }).where('id', '=', orderId).where('status', '=', 'paid').execute();
}

/** A packed parcel with what its label prints. */
export async function findPackedShipment(db: Kysely<Database>, trackingNo: string, warehouseId: number) {
  return db
    .selectFrom('shipments as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .select(['s.id', 's.tracking_no', 's.status', 's.order_id', 's.weight_grams', 's.created_at', 'o.order_no'])
    .where('s.tracking_no', '=', trackingNo)
    .where('s.warehouse_id', '=', warehouseId)
    .where('s.leg', '=', 'delivery')
    .executeTakeFirst();
}

/** The waves the order's lines in this warehouse are in. */
export async function findWaveIdsOfOrder(db: Kysely<Database>, orderId: number, warehouseId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('pick_lines as pl')
    .innerJoin('pick_waves as w', 'w.id', 'pl.wave_id')
    .select('w.id')
    .distinct()
    .where('pl.order_id', '=', orderId)
    .where('w.warehouse_id', '=', warehouseId)
    .execute();
  return rows.map((r) => r.id);
}
