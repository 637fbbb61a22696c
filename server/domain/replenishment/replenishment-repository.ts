import type { Kysely } from 'kysely';
import type { ReceiptPlanView, TransferOrderView } from '../../../shared/api/ops-replenishment';
import type { Database, TransferOrderStatus } from '../../db/schema';
import { placeholderNumber } from '../stock/document-numbers';

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

/** Every SKU in every warehouse, with its stock row when there is one. */
export async function stockRowsForPlanning(db: Kysely<Database>) {
  return db
    .selectFrom('products as p')
    .innerJoin('warehouses as w', (join) => join.onTrue())
    .leftJoin('stock_levels as s', (join) => join.onRef('s.product_id', '=', 'p.id').onRef('s.warehouse_id', '=', 'w.id'))
    .select(['p.id as product_id', 'p.sku', 'p.name', 'p.name_en', 'w.id as warehouse_id', 'w.code', 's.on_hand', 's.reserved', 's.safety_stock'])
    .orderBy('p.sku')
    .orderBy('w.code')
    .execute();
}

export async function insertReceiptPlan(
  trx: Kysely<Database>,
  plan: { warehouseId: number; productId: number; quantity: number; expectedAt: number; createdBy: number | null; now: number; number: (id: number) => string },
): Promise<string> {
  const { id } = await trx
    .insertInto('receipt_plans')
    .values({ plan_no: placeholderNumber(), warehouse_id: plan.warehouseId, product_id: plan.productId, quantity: plan.quantity, expected_at: plan.expectedAt, status: 'open', created_by: plan.createdBy, created_at: plan.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const planNo = plan.number(id);
  await trx.updateTable('receipt_plans').set({ plan_no: planNo }).where('id', '=', id).execute();
  return planNo;
}

export async function findReceiptPlanRow(trx: Kysely<Database>, planNo: string) {
  return trx.selectFrom('receipt_plans').select(['id', 'quantity', 'status']).where('plan_no', '=', planNo).executeTakeFirst();
}

/** The guard: open → received, true only for the one caller that made the change. */
export async function claimReceiptPlan(trx: Kysely<Database>, id: number, quantity: number, now: number): Promise<boolean> {
  const result = await trx.updateTable('receipt_plans').set({ status: 'received', received_at: now, received_quantity: quantity }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function linkReceiptDocument(trx: Kysely<Database>, id: number, documentNo: string): Promise<void> {
  const { id: documentId } = await trx.selectFrom('stock_documents').select('id').where('document_no', '=', documentNo).executeTakeFirstOrThrow();
  await trx.updateTable('receipt_plans').set({ receipt_document_id: documentId }).where('id', '=', id).execute();
}

export async function insertTransferOrder(
  trx: Kysely<Database>,
  order: { fromId: number; toId: number; productId: number; quantity: number; createdBy: number | null; now: number; number: (id: number) => string },
): Promise<string> {
  const { id } = await trx
    .insertInto('transfer_orders')
    .values({ transfer_no: placeholderNumber(), from_warehouse_id: order.fromId, to_warehouse_id: order.toId, product_id: order.productId, quantity: order.quantity, status: 'in_transit', created_by: order.createdBy, dispatched_at: order.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const transferNo = order.number(id);
  await trx.updateTable('transfer_orders').set({ transfer_no: transferNo }).where('id', '=', id).execute();
  return transferNo;
}

export async function findTransferOrderRow(trx: Kysely<Database>, transferNo: string) {
  return trx.selectFrom('transfer_orders').select(['id', 'to_warehouse_id', 'product_id', 'quantity']).where('transfer_no', '=', transferNo).executeTakeFirst();
}

/** The guard: in_transit → received, true only for the one caller that made the change. */
export async function claimTransferOrder(trx: Kysely<Database>, id: number, receivedBy: number | null, now: number): Promise<boolean> {
  const result = await trx.updateTable('transfer_orders').set({ status: 'received', received_at: now, received_by: receivedBy }).where('id', '=', id).where('status', '=', 'in_transit').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
