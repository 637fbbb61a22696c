import type { Kysely } from 'kysely';
import type { OpsStockLevel } from '../../../shared/api/ops-inventory';
import { likeText } from '../../db/like-pattern';
import type { Database } from '../../db/schema';

export interface StockLevelFilter {
  warehouseId?: number;
  /** SKU or name (part of either), or a whole barcode. */
  q?: string;
  /** Exactly this SKU (the safety-stock answer, the CSV export of one SKU). */
  sku?: string;
  lowOnly?: boolean;
  limit: number;
  offset: number;
}

/**
 * Every SKU in every warehouse (or the one asked for), with the stock row when there is one:
 * a SKU just added to the catalog shows at zero, ready to be received, instead of missing.
 * "Low" is an open low-stock alert, the one rule the ledger keeps (reconcileLowStockAlert),
 * so the table and the to-do list never disagree.
 */
function levelsQuery(db: Kysely<Database>, filter: StockLevelFilter) {
  const q = filter.q?.trim();
  return db
    .selectFrom('products as p')
    .innerJoin('warehouses as w', (join) => join.onTrue())
    .leftJoin('stock_levels as s', (join) => join.onRef('s.product_id', '=', 'p.id').onRef('s.warehouse_id', '=', 'w.id'))
    .leftJoin('low_stock_alerts as a', (join) => join.onRef('a.product_id', '=', 'p.id').onRef('a.warehouse_id', '=', 'w.id').on('a.closed_at', 'is', null))
    .$if(filter.warehouseId !== undefined, (b) => b.where('w.id', '=', filter.warehouseId!))
    .$if(filter.sku !== undefined, (b) => b.where('p.sku', '=', filter.sku!))
    .$if(!!filter.lowOnly, (b) => b.where('a.id', 'is not', null))
    .$if(!!q, (b) => b.where((eb) => eb.or([likeText('p.sku', q!), likeText('p.name', q!), likeText('p.name_en', q!), eb('p.barcode', '=', q!)])));
}

export async function listStockLevels(db: Kysely<Database>, filter: StockLevelFilter): Promise<{ levels: OpsStockLevel[]; total: number }> {
  const query = levelsQuery(db, filter);
  const [rows, total] = await Promise.all([
    query
      .select(['p.sku', 'p.name', 'p.name_en', 'p.category', 'w.code', 's.on_hand', 's.reserved', 's.safety_stock', 'a.id as alert_id'])
      .orderBy('p.sku')
      .orderBy('w.code')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    levels: rows.map((r) => {
      const onHand = r.on_hand ?? 0;
      const reserved = r.reserved ?? 0;
      return {
        sku: r.sku,
        name: { 'zh-CN': r.name, en: r.name_en || r.name },
        category: r.category,
        warehouse: r.code,
        onHand,
        reserved,
        available: onHand - reserved,
        safetyStock: r.safety_stock ?? 0,
        low: r.alert_id !== null,
      };
    }),
    total: Number(total.n),
  };
}

/** One SKU's level in one warehouse (zeros when it has no row yet). */
export async function findStockLevel(db: Kysely<Database>, warehouseId: number, sku: string): Promise<OpsStockLevel | null> {
  const { levels } = await listStockLevels(db, { warehouseId, sku, limit: 1, offset: 0 });
  return levels[0] ?? null;
}
