import type { Kysely } from 'kysely';
import type { ReceiptPlanRequest, ReceiptPlanView, TransferOrderRequest, TransferOrderView } from '../../../shared/api/ops-replenishment';
import { DEFAULT_LEAD_TIME_DAYS } from '../../../shared/replenishment/suggestions';
import { conflict, notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import { findProduct, type Product } from '../catalog/product-repository';
import { requireWarehouse } from '../catalog/warehouse-repository';
import { numberFromId } from '../stock/document-numbers';
import type { StockActor } from '../stock/stock-actor';
import { receiveStock } from '../stock/stock-documents';
import { moveStock } from '../stock/stock-ledger';
import {
  claimReceiptPlan,
  claimTransferOrder,
  findReceiptPlanRow,
  findTransferOrderRow,
  insertReceiptPlan,
  insertTransferOrder,
  linkReceiptDocument,
  listReceiptPlans,
  listTransferOrders,
} from './replenishment-repository';

const DAY = 86_400_000;

/**
 * Accepting a suggestion, each step in the caller's transaction with its guard inside it:
 * a receipt plan (on order until received through the receipt path, which closes it), or a
 * transfer order (transfer_out at dispatch, in transit, transfer_in at receipt). Receiving is
 * a conditional update from the open state, so a second receipt — even a concurrent one —
 * finds nothing to update and is refused (409) before any stock moves.
 */
async function requireSku(trx: Kysely<Database>, sku: string): Promise<Product> {
  const product = await findProduct(trx, sku);
  if (!product) throw notFound('sku_not_found', `No SKU ${sku} in the catalog`);
  return product;
}

export async function planReceipt(trx: Kysely<Database>, request: ReceiptPlanRequest, actor: StockActor, now: number, timeZone: string): Promise<ReceiptPlanView> {
  const warehouse = await requireWarehouse(trx, request.warehouse);
  const product = await requireSku(trx, request.sku);
  const planNo = await insertReceiptPlan(trx, {
    warehouseId: warehouse.id,
    productId: product.id,
    quantity: request.quantity,
    expectedAt: request.expectedAt ?? now + DEFAULT_LEAD_TIME_DAYS * DAY,
    createdBy: actor.id,
    now,
    number: (id) => numberFromId('CG', id, now, timeZone),
  });
  return (await listReceiptPlans(trx, { planNo }))[0]!;
}

export async function receiveReceiptPlan(trx: Kysely<Database>, planNo: string, quantity: number | undefined, actor: StockActor, now: number, timeZone: string): Promise<ReceiptPlanView> {
  const plan = await findReceiptPlanRow(trx, planNo);
  if (!plan) throw notFound('receipt_plan_not_found', `No receipt plan ${planNo}`);
  const units = quantity ?? plan.quantity;
  if (!(await claimReceiptPlan(trx, plan.id, units, now))) throw conflict('already_received', `Receipt plan ${planNo} is already received`);
  const [view] = await listReceiptPlans(trx, { planNo });
  const doc = await receiveStock(trx, { warehouse: view!.warehouse, lines: [{ sku: view!.sku, quantity: units }], note: `采购计划 ${planNo}` }, actor, now, timeZone);
  await linkReceiptDocument(trx, plan.id, doc.documentNo);
  return (await listReceiptPlans(trx, { planNo }))[0]!;
}

export async function dispatchTransfer(trx: Kysely<Database>, request: TransferOrderRequest, actor: StockActor, now: number, timeZone: string): Promise<TransferOrderView> {
  const [from, to] = [await requireWarehouse(trx, request.from), await requireWarehouse(trx, request.to)];
  const product = await requireSku(trx, request.sku);
  const transferNo = await insertTransferOrder(trx, {
    fromId: from.id,
    toId: to.id,
    productId: product.id,
    quantity: request.quantity,
    createdBy: actor.id,
    now,
    number: (id) => numberFromId('DO', id, now, timeZone),
  });
  // Needs the units available at the source; a refusal rolls the whole order back.
  await moveStock(trx, { warehouseId: from.id, productId: product.id, kind: 'transfer_out', quantity: request.quantity, reason: `调拨在途 ${transferNo}`, actor }, now);
  return (await listTransferOrders(trx, { transferNo }))[0]!;
}

export async function receiveTransfer(trx: Kysely<Database>, transferNo: string, actor: StockActor, now: number): Promise<TransferOrderView> {
  const order = await findTransferOrderRow(trx, transferNo);
  if (!order) throw notFound('transfer_order_not_found', `No transfer order ${transferNo}`);
  if (!(await claimTransferOrder(trx, order.id, actor.id, now))) throw conflict('already_received', `Transfer order ${transferNo} is already received`);
  await moveStock(trx, { warehouseId: order.to_warehouse_id, productId: order.product_id, kind: 'transfer_in', quantity: order.quantity, reason: `调拨到货 ${transferNo}`, actor }, now);
  return (await listTransferOrders(trx, { transferNo }))[0]!;
}
