import type { Kysely } from 'kysely';
import type { ReceiptPlanView, TransferOrderView } from '../../../shared/api/ops-replenishment';
import type { Database, TransferOrderStatus } from '../../db/schema';

/** Receipt plans and transfer orders: the queries, and one row → view mapper each. */

export async function listReceiptPlans(db: Kysely<Database>, filter: { planNo?: string; openOnly?: boolean } = {}): Promise<ReceiptPlanView[]> {
  const rows = await db
    .selectFrom('receipt_plans as r')
    .innerJoin('products as p', 'p.id', 'r.product_id')
    .innerJoin('warehouses as w', 'w.id', 'r.warehouse_id')
    .leftJoin('stock_documents as d', 'd.id', 'r.receipt_document_id')
    .select(['r.plan_no', 'p.sku', 'w.code', 'r.quantity', 'r.expected_at', 'r.status', 'r.created_at', 'r.received_at', 'r.received_quantity', 'd.document_no'])
    .$if(filter.planNo !== undefined, (b) => b.where('r.plan_no', '=', filter.planNo!))
    .$if(!!filter.openOnly, (b) => b.where('r.status', '=', 'open'))
    .orderBy('r.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    planNo: r.plan_no,
    sku: r.sku,
    warehouse: r.code,
    quantity: r.quantity,
    expectedAt: Number(r.expected_at),
    status: r.status,
    createdAt: Number(r.created_at),
    receivedAt: r.received_at === null ? null : Number(r.received_at),
    receivedQuantity: r.received_quantity,
    receiptDocumentNo: r.document_no,
  }));
}

export async function listTransferOrders(db: Kysely<Database>, filter: { transferNo?: string; status?: TransferOrderStatus } = {}): Promise<TransferOrderView[]> {
  const rows = await db
    .selectFrom('transfer_orders as t')
    .innerJoin('products as p', 'p.id', 't.product_id')
    .innerJoin('warehouses as f', 'f.id', 't.from_warehouse_id')
    .innerJoin('warehouses as w', 'w.id', 't.to_warehouse_id')
    .select(['t.transfer_no', 'p.sku', 'f.code as from_code', 'w.code as to_code', 't.quantity', 't.status', 't.dispatched_at', 't.received_at'])
    .$if(filter.transferNo !== undefined, (b) => b.where('t.transfer_no', '=', filter.transferNo!))
    .$if(filter.status !== undefined, (b) => b.where('t.status', '=', filter.status!))
    .orderBy('t.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    transferNo: r.transfer_no,
    sku: r.sku,
    from: r.from_code,
    to: r.to_code,
    quantity: r.quantity,
    status: r.status,
    dispatchedAt: Number(r.dispatched_at),
    receivedAt: r.received_at === null ? null : Number(r.received_at),
  }));
}

/** Units on the way to each SKU × warehouse ("productId|warehouseId"): transfers in transit, open plans. */
export async function pipelineUnits(db: Kysely<Database>): Promise<{ inTransit: Map<string, number>; onOrder: Map<string, number> }> {
  const [transit, planned] = await Promise.all([
    db
      .selectFrom('transfer_orders')
      .select(['product_id', 'to_warehouse_id as warehouse_id', (eb) => eb.fn.sum<number>('quantity').as('units')])
      .where('status', '=', 'in_transit')
      .groupBy(['product_id', 'to_warehouse_id'])
      .execute(),
    db
      .selectFrom('receipt_plans')
      .select(['product_id', 'warehouse_id', (eb) => eb.fn.sum<number>('quantity').as('units')])
      .where('status', '=', 'open')
      .groupBy(['product_id', 'warehouse_id'])
      .execute(),
  ]);
  const toMap = (rows: { product_id: number; warehouse_id: number; units: number | string }[]) => new Map(rows.map((r) => [`${r.product_id}|${r.warehouse_id}`, Number(r.units)]));
  return { inTransit: toMap(transit), onOrder: toMap(planned) };
}
