import { sql, type Kysely } from 'kysely';
import type { StockDocumentSummary } from '../../../shared/api/ops-inventory';
import type { Database, StockDocumentKind } from '../../db/schema';

export interface StockDocumentFilter {
  warehouse?: string;
  kind?: StockDocumentKind;
  limit: number;
  offset: number;
}

/**
 * Receipts, counts and transfers, newest first, each with how many SKUs and units it moved.
 * Only the lines booked at the document's own warehouse count: a transfer's arrival lines at
 * the other end are the same units again.
 */
export async function listStockDocuments(db: Kysely<Database>, filter: StockDocumentFilter): Promise<StockDocumentSummary[]> {
  const rows = await db
    .selectFrom('stock_documents as d')
    .innerJoin('warehouses as w', 'w.id', 'd.warehouse_id')
    .leftJoin('warehouses as tw', 'tw.id', 'd.to_warehouse_id')
    .leftJoin('staff as st', (join) => join.onRef('st.id', '=', 'd.actor_id').on('d.actor_type', '=', 'staff'))
    .leftJoin('api_keys as k', (join) => join.onRef('k.id', '=', 'd.actor_id').on('d.actor_type', '=', 'shop_api'))
    .leftJoin('stock_ledger as l', (join) => join.onRef('l.document_id', '=', 'd.id').onRef('l.warehouse_id', '=', 'd.warehouse_id'))
    .select(['d.id', 'd.document_no', 'd.kind', 'w.code', 'tw.code as to_code', 'd.note', 'd.created_at', 'st.name as staff_name', 'k.name as key_name'])
    .select((eb) => [
      eb.fn.count<number>('l.product_id').distinct().as('lines'),
      eb.fn.coalesce(eb.fn.sum<number>(sql`abs(${sql.ref('l.on_hand_delta')})`), eb.lit(0)).as('units'),
    ])
    .$if(filter.warehouse !== undefined, (b) => b.where((eb) => eb.or([eb('w.code', '=', filter.warehouse!), eb('tw.code', '=', filter.warehouse!)])))
    .$if(filter.kind !== undefined, (b) => b.where('d.kind', '=', filter.kind!))
    .groupBy(['d.id', 'd.document_no', 'd.kind', 'w.code', 'tw.code', 'd.note', 'd.created_at', 'st.name', 'k.name'])
    .orderBy('d.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return rows.map((r) => ({
    documentNo: r.document_no,
    kind: r.kind,
    warehouse: r.code,
    toWarehouse: r.to_code,
    note: r.note,
    lines: Number(r.lines),
    units: Number(r.units),
    createdAt: r.created_at,
    actorName: r.staff_name ?? r.key_name ?? null,
  }));
}
