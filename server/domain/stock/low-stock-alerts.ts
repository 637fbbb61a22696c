import type { Kysely } from 'kysely';
import { available, isLowStock } from '../../../shared/orders/stock-movements';
import type { Database } from '../../db/schema';
import type { StockLevel } from './stock-level-repository';
import { enqueueWebhookEvent } from '../webhooks/webhook-outbox';

/**
 * Opens the SKU and warehouse's alert when available stock is below safety stock, closes it
 * when it is not. The partial unique index keeps one open alert however many orders push the
 * stock under at once.
 */
export async function reconcileLowStockAlert(trx: Kysely<Database>, level: StockLevel, now: number): Promise<void> {
  if (isLowStock(level, level.safetyStock)) {
    const opened = await trx
      .insertInto('low_stock_alerts')
      .values({
        warehouse_id: level.warehouseId,
        product_id: level.productId,
        available_at_open: available(level),
        safety_stock: level.safetyStock,
        opened_at: now,
        closed_at: null,
      })
      .onConflict((oc) => oc.columns(['product_id', 'warehouse_id']).where('closed_at', 'is', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    // Only the insert that opened the alert tells the shop; an alert already open stays quiet.
    if (opened) await enqueueWebhookEvent(trx, 'stock.low', { alertId: opened.id, productId: level.productId, warehouseId: level.warehouseId, available: available(level), safetyStock: level.safetyStock, openedAt: now }, now);
    return;
  }
  await trx
    .updateTable('low_stock_alerts')
    .set({ closed_at: now })
    .where('warehouse_id', '=', level.warehouseId)
    .where('product_id', '=', level.productId)
    .where('closed_at', 'is', null)
    .execute();
}

export interface LowStockAlert {
  id: number;
  sku: string;
  name: { 'zh-CN': string; en: string };
  warehouse: string;
  available: number;
  safetyStock: number;
  openedAt: number;
}

/** The open alerts for the ops to-do list, oldest first, with today's figures. */
export async function listOpenLowStockAlerts(db: Kysely<Database>, limit = 200): Promise<LowStockAlert[]> {
  const rows = await db
    .selectFrom('low_stock_alerts as a')
    .innerJoin('products as p', 'p.id', 'a.product_id')
    .innerJoin('warehouses as w', 'w.id', 'a.warehouse_id')
    .innerJoin('stock_levels as s', (join) => join.onRef('s.product_id', '=', 'a.product_id').onRef('s.warehouse_id', '=', 'a.warehouse_id'))
    .select(['a.id', 'p.sku', 'p.name', 'p.name_en', 'w.code', 's.on_hand', 's.reserved', 's.safety_stock', 'a.opened_at'])
    .where('a.closed_at', 'is', null)
    .orderBy('a.opened_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sku: r.sku,
    name: { 'zh-CN': r.name, en: r.name_en || r.name },
    warehouse: r.code,
    available: r.on_hand - r.reserved,
    safetyStock: r.safety_stock,
    openedAt: r.opened_at,
  }));
}
