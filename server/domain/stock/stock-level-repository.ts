import { PostgresAdapter, type Kysely, type Selectable } from 'kysely';
import type { Database, StockLevelTable } from '../../db/schema';

export interface StockLevel {
  id: number;
  warehouseId: number;
  productId: number;
  onHand: number;
  reserved: number;
  safetyStock: number;
}

export function toStockLevel(row: Selectable<StockLevelTable>): StockLevel {
  return {
    id: row.id,
    warehouseId: row.warehouse_id,
    productId: row.product_id,
    onHand: row.on_hand,
    reserved: row.reserved,
    safetyStock: row.safety_stock,
  };
}

/**
 * The stock rows of these products in every warehouse, locked until the transaction ends on
 * PostgreSQL (taken in id order, so two orders for overlapping SKUs queue instead of
 * deadlocking). SQLite has one writer: a transaction there is already alone.
 */
export async function lockStockLevels(trx: Kysely<Database>, productIds: readonly number[]): Promise<StockLevel[]> {
  if (productIds.length === 0) return [];
  let query = trx.selectFrom('stock_levels').selectAll().where('product_id', 'in', productIds).orderBy('id');
  if (trx.getExecutor().adapter instanceof PostgresAdapter) query = query.forUpdate();
  return (await query.execute()).map(toStockLevel);
}

/** One SKU's row in one warehouse, made (at zero) when it has none yet, and locked like lockStockLevels. */
export async function lockStockLevel(trx: Kysely<Database>, warehouseId: number, productId: number, now: number): Promise<StockLevel> {
  await trx
    .insertInto('stock_levels')
    .values({ warehouse_id: warehouseId, product_id: productId, on_hand: 0, reserved: 0, safety_stock: 0, updated_at: now })
    .onConflict((oc) => oc.columns(['product_id', 'warehouse_id']).doNothing())
    .execute();
  let query = trx.selectFrom('stock_levels').selectAll().where('warehouse_id', '=', warehouseId).where('product_id', '=', productId);
  if (trx.getExecutor().adapter instanceof PostgresAdapter) query = query.forUpdate();
  return toStockLevel(await query.executeTakeFirstOrThrow());
}

export async function saveStockLevel(trx: Kysely<Database>, level: StockLevel, now: number): Promise<void> {
  await trx
    .updateTable('stock_levels')
    .set({ on_hand: level.onHand, reserved: level.reserved, safety_stock: level.safetyStock, updated_at: now })
    .where('id', '=', level.id)
    .execute();
}
