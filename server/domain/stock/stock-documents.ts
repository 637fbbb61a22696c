import type { Kysely } from 'kysely';
import type { StockCountRequest, StockDocumentView, StockReceiptRequest, StockTransferRequest } from '../../../shared/api/shop';
import { unprocessable } from '../../app-error';
import type { Database, StockDocumentKind } from '../../db/schema';
import { findProductsBySku, type Product } from '../catalog/product-repository';
import { requireWarehouse, type Warehouse } from '../catalog/warehouse-repository';
import { numberFromId, placeholderNumber } from './document-numbers';
import type { StockActor } from './stock-actor';
import { moveStock, setSafetyStock } from './stock-ledger';

/**
 * Receipts, counts and transfers: each a numbered document with its ledger lines, written in
 * the caller's transaction (all lines or none). Unknown SKUs are refused together, by name.
 */
const PREFIX: Record<StockDocumentKind, string> = { receipt: 'RK', count: 'PD', transfer: 'DB' };

async function requireProducts(trx: Kysely<Database>, skus: readonly string[]): Promise<Map<string, Product>> {
  const products = await findProductsBySku(trx, skus);
  const unknown = skus.filter((sku) => !products.has(sku));
  if (unknown.length > 0) throw unprocessable('unknown_sku', `No such SKU in the catalog: ${unknown.join(', ')}`, { skus: unknown });
  return products;
}

interface DocumentHeader {
  kind: StockDocumentKind;
  warehouse: Warehouse;
  toWarehouse?: Warehouse;
  note: string | null;
  actor: StockActor;
  timeZone: string;
}

async function openDocument(trx: Kysely<Database>, header: DocumentHeader, now: number): Promise<{ id: number; documentNo: string }> {
  const { id } = await trx
    .insertInto('stock_documents')
    .values({
      document_no: placeholderNumber(),
      kind: header.kind,
      warehouse_id: header.warehouse.id,
      to_warehouse_id: header.toWarehouse?.id ?? null,
      note: header.note,
      actor_type: header.actor.type,
      actor_id: header.actor.id,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const documentNo = numberFromId(PREFIX[header.kind], id, now, header.timeZone);
  await trx.updateTable('stock_documents').set({ document_no: documentNo }).where('id', '=', id).execute();
  return { id, documentNo };
}

type Line = StockDocumentView['lines'][number];

function view(header: DocumentHeader, documentNo: string, lines: Line[], now: number): StockDocumentView {
  return { documentNo, kind: header.kind, warehouse: header.warehouse.code, toWarehouse: header.toWarehouse?.code ?? null, lines, createdAt: now };
}

export async function receiveStock(trx: Kysely<Database>, request: StockReceiptRequest, actor: StockActor, now: number, timeZone: string): Promise<StockDocumentView> {
  const warehouse = await requireWarehouse(trx, request.warehouse);
  const products = await requireProducts(trx, request.lines.map((l) => l.sku));
  const header: DocumentHeader = { kind: 'receipt', warehouse, note: request.note ?? null, actor, timeZone };
  const doc = await openDocument(trx, header, now);
  const lines: Line[] = [];
  for (const line of request.lines) {
    const after = await moveStock(trx, { warehouseId: warehouse.id, productId: products.get(line.sku)!.id, kind: 'receipt', quantity: line.quantity, documentId: doc.id, actor }, now);
    lines.push({ sku: line.sku, onHandDelta: line.quantity, onHandAfter: after.onHand });
  }
  return view(header, doc.documentNo, lines, now);
}

/** What was counted on the shelf becomes on hand; the difference is booked with the reason. */
export async function countStock(trx: Kysely<Database>, request: StockCountRequest, actor: StockActor, now: number, timeZone: string): Promise<StockDocumentView> {
  const warehouse = await requireWarehouse(trx, request.warehouse);
  const products = await requireProducts(trx, request.lines.map((l) => l.sku));
  const header: DocumentHeader = { kind: 'count', warehouse, note: request.reason, actor, timeZone };
  const doc = await openDocument(trx, header, now);
  const lines: Line[] = [];
  for (const line of request.lines) {
    const productId = products.get(line.sku)!.id;
    if (line.safetyStock !== undefined) await setSafetyStock(trx, warehouse.id, productId, line.safetyStock, now);
    const before = await trx.selectFrom('stock_levels').select('on_hand').where('warehouse_id', '=', warehouse.id).where('product_id', '=', productId).executeTakeFirst();
    if ((before?.on_hand ?? 0) === line.onHand) {
      lines.push({ sku: line.sku, onHandDelta: 0, onHandAfter: line.onHand });
      continue;
    }
    const after = await moveStock(trx, { warehouseId: warehouse.id, productId, kind: 'count_adjustment', quantity: line.onHand, reason: request.reason, documentId: doc.id, actor }, now);
    lines.push({ sku: line.sku, onHandDelta: after.onHand - (before?.on_hand ?? 0), onHandAfter: after.onHand });
  }
  return view(header, doc.documentNo, lines, now);
}

/** Units leave one warehouse and arrive in the other in one step (no stock in transit is modelled). */
export async function transferStock(trx: Kysely<Database>, request: StockTransferRequest, actor: StockActor, now: number, timeZone: string): Promise<StockDocumentView> {
  const [from, to] = [await requireWarehouse(trx, request.from), await requireWarehouse(trx, request.to)];
  const products = await requireProducts(trx, request.lines.map((l) => l.sku));
  const header: DocumentHeader = { kind: 'transfer', warehouse: from, toWarehouse: to, note: request.note ?? null, actor, timeZone };
  const doc = await openDocument(trx, header, now);
  const lines: Line[] = [];
  for (const line of request.lines) {
    const productId = products.get(line.sku)!.id;
    const left = await moveStock(trx, { warehouseId: from.id, productId, kind: 'transfer_out', quantity: line.quantity, documentId: doc.id, actor }, now);
    await moveStock(trx, { warehouseId: to.id, productId, kind: 'transfer_in', quantity: line.quantity, documentId: doc.id, actor }, now);
    lines.push({ sku: line.sku, onHandDelta: -line.quantity, onHandAfter: left.onHand });
  }
  return view(header, doc.documentNo, lines, now);
}
