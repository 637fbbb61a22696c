import type { Kysely } from 'kysely';
import type { StockLedgerEntry } from '../../../shared/api/ops-inventory';
import type { Database } from '../../db/schema';

export interface StockLedgerFilter {
  sku?: string;
  warehouse?: string;
  kind?: string;
  orderId?: number;
  /** Entries older than this id (the last one on the page before). */
  before?: number;
  limit: number;
}

/**
 * The stock ledger as staff read it, newest first and paged by id (ids only grow, so a page
 * never repeats or skips a line while new ones are written): which SKU where, what moved, the
 * balance after, the paper or order behind it, and who did it by name.
 */
export async function listStockLedger(db: Kysely<Database>, filter: StockLedgerFilter): Promise<StockLedgerEntry[]> {
  const rows = await db
    .selectFrom('stock_ledger as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .innerJoin('warehouses as w', 'w.id', 'l.warehouse_id')
    .leftJoin('stock_documents as d', 'd.id', 'l.document_id')
    .leftJoin('orders as o', 'o.id', 'l.order_id')
    .leftJoin('staff as st', (join) => join.onRef('st.id', '=', 'l.actor_id').on('l.actor_type', '=', 'staff'))
    .leftJoin('api_keys as k', (join) => join.onRef('k.id', '=', 'l.actor_id').on('l.actor_type', '=', 'shop_api'))
    .select([
      'l.id',
      'l.created_at',
      'w.code',
      'p.sku',
      'p.name',
      'p.name_en',
      'l.kind',
      'l.on_hand_delta',
      'l.reserved_delta',
      'l.on_hand_after',
      'l.reserved_after',
      'l.reason',
      'd.document_no',
      'o.order_no',
      'l.actor_type',
      'st.name as staff_name',
      'k.name as key_name',
    ])
    .$if(filter.sku !== undefined, (b) => b.where('p.sku', '=', filter.sku!))
    .$if(filter.warehouse !== undefined, (b) => b.where('w.code', '=', filter.warehouse!))
    .$if(filter.kind !== undefined, (b) => b.where('l.kind', '=', filter.kind!))
    .$if(filter.orderId !== undefined, (b) => b.where('l.order_id', '=', filter.orderId!))
    .$if(filter.before !== undefined, (b) => b.where('l.id', '<', filter.before!))
    .orderBy('l.id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.created_at,
    warehouse: r.code,
    sku: r.sku,
    name: { 'zh-CN': r.name, en: r.name_en || r.name },
    kind: r.kind,
    onHandDelta: r.on_hand_delta,
    reservedDelta: r.reserved_delta,
    onHandAfter: r.on_hand_after,
    reservedAfter: r.reserved_after,
    reason: r.reason,
    documentNo: r.document_no,
    orderNo: r.order_no,
    actor: { type: r.actor_type, name: r.staff_name ?? r.key_name ?? null },
  }));
}
