import { PostgresAdapter, type Kysely, type Selectable } from 'kysely';
import type { Database, PickWaveTable } from '../../db/schema';
import { ORDER_FACTS_CHANGED } from '../orders/order-facts-changed';

export interface PickWave {
  id: number;
  waveNo: string;
  warehouseId: number;
  status: PickWaveTable['status'];
  createdBy: number | null;
  createdAt: number;
  pickedAt: number | null;
}

export function toPickWave(row: Selectable<PickWaveTable>): PickWave {
  return { id: row.id, waveNo: row.wave_no, warehouseId: row.warehouse_id, status: row.status, createdBy: row.created_by, createdAt: row.created_at, pickedAt: row.picked_at };
}

/** A pick line with what the walk and the scans need of its SKU and order. */
export interface WaveLine {
  id: number;
  waveId: number;
  orderId: number;
  orderNo: string;
  orderStatus: string;
  heldAt: number | null;
  orderItemId: number;
  productId: number;
  sku: string;
  name: { 'zh-CN': string; en: string };
  barcode: string | null;
  weightGrams: number | null;
  bin: string;
  quantity: number;
  pickedQuantity: number;
  shortQuantity: number;
}

/**
 * Makes wave building for one warehouse take turns on PostgreSQL (the warehouse row locked
 * until the transaction ends), so two workers pressing "new wave" at once never take the same
 * order line. SQLite has one writer: a transaction there is already alone.
 */
export async function lockWarehouseForWaves(trx: Kysely<Database>, warehouseId: number): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await trx.selectFrom('warehouses').select('id').where('id', '=', warehouseId).forUpdate().execute();
}

/** Locks one wave's row (PostgreSQL) so scans and shorts on it run one after the other. */
export async function lockWave(trx: Kysely<Database>, waveId: number): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await trx.selectFrom('pick_waves').select('id').where('id', '=', waveId).forUpdate().execute();
}

/** Order lines allocated to the warehouse and in none of its waves yet, with their order's state and bin. */
export async function findWaveCandidates(db: Kysely<Database>, warehouseId: number) {
  const rows = await db
    .selectFrom('order_items as i')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .leftJoin('stock_levels as s', (j) => j.onRef('s.product_id', '=', 'i.product_id').onRef('s.warehouse_id', '=', 'i.warehouse_id'))
    .select(['i.id', 'i.order_id', 'i.product_id', 'i.quantity', 'o.paid_at', 'o.status', 'o.held_at', 's.bin'])
    .where('i.warehouse_id', '=', warehouseId)
    .where('o.status', '=', 'paid')
    .where('o.held_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('pick_lines as pl')
            .innerJoin('pick_waves as w', 'w.id', 'pl.wave_id')
            .select('pl.id')
            .whereRef('pl.order_item_id', '=', 'i.id')
            .where('w.warehouse_id', '=', warehouseId),
        ),
      ),
    )
    .orderBy('o.paid_at')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({ orderItemId: r.id, orderId: r.order_id, productId: r.product_id, quantity: r.quantity, paidAt: r.paid_at, status: r.status, heldAt: r.held_at, bin: r.bin ?? '' }));
}

export async function insertWave(trx: Kysely<Database>, wave: { warehouseId: number; createdBy: number | null; createdAt: number }, placeholderNo: string): Promise<number> {
  const { id } = await trx
    .insertInto('pick_waves')
    .values({ wave_no: placeholderNo, warehouse_id: wave.warehouseId, status: 'open', created_by: wave.createdBy, created_at: wave.createdAt, picked_at: null, closed_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function numberWave(trx: Kysely<Database>, waveId: number, waveNo: string): Promise<void> {
  await trx.updateTable('pick_waves').set({ wave_no: waveNo }).where('id', '=', waveId).execute();
}

export async function insertPickLines(trx: Kysely<Database>, waveId: number, lines: readonly { orderId: number; orderItemId: number; productId: number; bin: string; quantity: number }[]): Promise<void> {
  if (lines.length === 0) return;
  await trx
    .insertInto('pick_lines')
    .values(lines.map((l) => ({ wave_id: waveId, order_id: l.orderId, order_item_id: l.orderItemId, product_id: l.productId, bin: l.bin, quantity: l.quantity, picked_at: null })))
    .execute();
}

export async function findWave(db: Kysely<Database>, warehouseId: number, waveNo: string): Promise<PickWave | null> {
  const row = await db.selectFrom('pick_waves').selectAll().where('wave_no', '=', waveNo).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  return row ? toPickWave(row) : null;
}

export async function listWaves(db: Kysely<Database>, warehouseId: number, limit = 50): Promise<PickWave[]> {
  const rows = await db.selectFrom('pick_waves').selectAll().where('warehouse_id', '=', warehouseId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toPickWave);
}

function waveLineQuery(db: Kysely<Database>) {
  return db
    .selectFrom('pick_lines as pl')
    .innerJoin('orders as o', 'o.id', 'pl.order_id')
    .innerJoin('products as p', 'p.id', 'pl.product_id')
    .select([
      'pl.id', 'pl.wave_id', 'pl.order_id', 'o.order_no', 'o.status as order_status', 'o.held_at', 'pl.order_item_id', 'pl.product_id',
      'p.sku', 'p.name', 'p.name_en', 'p.barcode', 'p.weight_grams', 'pl.bin', 'pl.quantity', 'pl.picked_quantity', 'pl.short_quantity',
    ])
    .orderBy('pl.id');
}

type WaveLineRow = Awaited<ReturnType<ReturnType<typeof waveLineQuery>['execute']>>[number];

const toWaveLine = (r: WaveLineRow): WaveLine => ({
  id: r.id,
  waveId: r.wave_id,
  orderId: r.order_id,
  orderNo: r.order_no,
  orderStatus: r.order_status,
  heldAt: r.held_at,
  orderItemId: r.order_item_id,
  productId: r.product_id,
  sku: r.sku,
  name: { 'zh-CN': r.name, en: r.name_en },
  barcode: r.barcode,
  weightGrams: r.weight_grams,
  bin: r.bin,
  quantity: r.quantity,
  pickedQuantity: r.picked_quantity,
  shortQuantity: r.short_quantity,
});

export async function findWaveLines(db: Kysely<Database>, waveIds: readonly number[]): Promise<WaveLine[]> {
  if (waveIds.length === 0) return [];
  return (await waveLineQuery(db).where('pl.wave_id', 'in', waveIds).execute()).map(toWaveLine);
}

/** The order's pick lines in this warehouse's waves (to know what goes in its box). */
export async function findOrderPickLines(db: Kysely<Database>, orderId: number, warehouseId: number): Promise<WaveLine[]> {
  const rows = await waveLineQuery(db)
    .innerJoin('pick_waves as w', 'w.id', 'pl.wave_id')
    .where('pl.order_id', '=', orderId)
    .where('w.warehouse_id', '=', warehouseId)
    .execute();
  return rows.map(toWaveLine);
}

export async function findOrderPickLinesAnywhere(db: Kysely<Database>, orderId: number): Promise<WaveLine[]> {
  return (await waveLineQuery(db).where('pl.order_id', '=', orderId).execute()).map(toWaveLine);
}

export async function addPicked(trx: Kysely<Database>, lineId: number, now: number, complete: boolean): Promise<void> {
  await trx
    .updateTable('pick_lines')
    .set((eb) => ({ picked_quantity: eb('picked_quantity', '+', 1), ...(complete ? { picked_at: now } : {}) }))
    .where('id', '=', lineId)
    .execute();
}

export async function insertPickScan(trx: Kysely<Database>, scan: { waveId: number; pickLineId: number | null; barcode: string; outcome: 'picked' | 'wrong_item' | 'already_picked'; staffId: number | null; at: number }): Promise<void> {
  await trx
    .insertInto('pick_scans')
    .values({ wave_id: scan.waveId, pick_line_id: scan.pickLineId, barcode: scan.barcode, outcome: scan.outcome, staff_id: scan.staffId, scanned_at: scan.at })
    .execute();
}

export async function setWaveStatus(trx: Kysely<Database>, waveId: number, status: PickWave['status'], now: number): Promise<void> {
  await trx
    .updateTable('pick_waves')
    .set({ status, ...(status === 'picked' ? { picked_at: now } : {}), ...(status === 'packed' ? { closed_at: now } : {}) })
    .where('id', '=', waveId)
    .execute();
}

export async function markOrderPicked(trx: Kysely<Database>, orderId: number, now: number): Promise<void> {
  await trx.updateTable('orders').set({ picked_at: now, updated_at: now, ...ORDER_FACTS_CHANGED }).where('id', '=', orderId).where('picked_at', 'is', null).execute();
}

/** Delivery shipments packed for the order, per warehouse (the double-tap guard reads it). */
export async function findPackedShipments(db: Kysely<Database>, orderId: number) {
  const rows = await db.selectFrom('shipments').select(['tracking_no', 'warehouse_id']).where('order_id', '=', orderId).where('leg', '=', 'delivery').orderBy('id').execute();
  return rows.map((r) => ({ trackingNo: r.tracking_no, warehouseId: r.warehouse_id }));
}

/** Which of these orders already have a parcel packed in this warehouse. */
export async function findOrdersPackedIn(db: Kysely<Database>, orderIds: readonly number[], warehouseId: number): Promise<Set<number>> {
  if (orderIds.length === 0) return new Set();
  const rows = await db.selectFrom('shipments').select('order_id').where('order_id', 'in', orderIds).where('warehouse_id', '=', warehouseId).where('leg', '=', 'delivery').execute();
  return new Set(rows.map((r) => r.order_id));
}

export async function findWaveById(db: Kysely<Database>, waveId: number): Promise<PickWave | null> {
  const row = await db.selectFrom('pick_waves').selectAll().where('id', '=', waveId).executeTakeFirst();
  return row ? toPickWave(row) : null;
}

/** Whether any parcel of the order has been packed (a split order may be part-way). */
export async function hasPackedParcel(db: Kysely<Database>, orderId: number): Promise<boolean> {
  return (await db.selectFrom('shipments').select('id').where('order_id', '=', orderId).where('leg', '=', 'delivery').limit(1).executeTakeFirst()) !== undefined;
}

export async function closeLineShort(trx: Kysely<Database>, lineId: number, shortQuantity: number): Promise<void> {
  await trx.updateTable('pick_lines').set((eb) => ({ short_quantity: eb('short_quantity', '+', shortQuantity) })).where('id', '=', lineId).execute();
}

/** Another warehouse with this many units of the product free, most free first; null when none. */
export async function findWarehouseWithAvailable(db: Kysely<Database>, productId: number, quantity: number, notWarehouseId: number): Promise<number | null> {
  const row = await db
    .selectFrom('stock_levels')
    .select('warehouse_id')
    .where('product_id', '=', productId)
    .where('warehouse_id', '!=', notWarehouseId)
    .where((eb) => eb(eb('on_hand', '-', eb.ref('reserved')), '>=', quantity))
    .orderBy((eb) => eb('on_hand', '-', eb.ref('reserved')), 'desc')
    .orderBy('warehouse_id')
    .limit(1)
    .executeTakeFirst();
  return row?.warehouse_id ?? null;
}

/** The order line now ships from another warehouse (null: from none, while its order is held). */
export async function moveOrderLine(trx: Kysely<Database>, orderItemId: number, warehouseId: number | null): Promise<void> {
  await trx.updateTable('order_items').set({ warehouse_id: warehouseId }).where('id', '=', orderItemId).execute();
}

export async function holdOrder(trx: Kysely<Database>, orderId: number, reason: string, now: number): Promise<void> {
  await trx.updateTable('orders').set({ held_at: now, hold_reason: reason, updated_at: now }).where('id', '=', orderId).where('held_at', 'is', null).execute();
}

export async function findOnHand(db: Kysely<Database>, warehouseId: number, productId: number): Promise<number> {
  const row = await db.selectFrom('stock_levels').select('on_hand').where('warehouse_id', '=', warehouseId).where('product_id', '=', productId).executeTakeFirst();
  return row?.on_hand ?? 0;
}
