import type { Kysely } from 'kysely';
import { applyMovement, isLowStock, type LedgerKind } from '../../../shared/orders/stock-movements';
import { conflict } from '../../app-error';
import type { Database } from '../../db/schema';
import type { StockActor } from './stock-actor';
import { lockStockLevel, saveStockLevel, type StockLevel } from './stock-level-repository';
import { reconcileLowStockAlert } from './low-stock-alerts';

export interface StockMovement {
  warehouseId: number;
  productId: number;
  kind: LedgerKind;
  /** Units moved (> 0); for a count, the units counted (≥ 0). */
  quantity: number;
  reason?: string | null;
  documentId?: number | null;
  orderId?: number | null;
  returnId?: number | null;
  actor: StockActor;
}

const REFUSALS = {
  not_enough_available: 'Not enough stock available',
  not_enough_reserved: 'Not that many units are reserved',
  not_enough_on_hand: 'Fewer units on hand than are reserved for orders',
} as const;

/**
 * The one way stock changes, inside the caller's transaction: the row is locked, the rule
 * decides, the row and its ledger line are written together (so on hand is always the
 * ledger's sum), and the low-stock alert follows. A refusal throws and the caller's whole
 * transaction rolls back: nothing half-moved.
 */
export async function moveStock(trx: Kysely<Database>, movement: StockMovement, now: number, locked?: StockLevel): Promise<StockLevel> {
  // A caller that has already locked and read the row (order intake) passes it in.
  const level = locked ?? (await lockStockLevel(trx, movement.warehouseId, movement.productId, now));
  const moved = applyMovement(level, movement.kind, movement.quantity);
  if ('refusal' in moved) {
    throw conflict(moved.refusal === 'not_enough_available' ? 'out_of_stock' : moved.refusal, `${REFUSALS[moved.refusal]} (${movement.kind} of ${movement.quantity})`);
  }
  const after: StockLevel = { ...level, ...moved.after };
  await saveStockLevel(trx, after, now);
  await trx
    .insertInto('stock_ledger')
    .values({
      warehouse_id: movement.warehouseId,
      product_id: movement.productId,
      kind: movement.kind,
      on_hand_delta: moved.onHandDelta,
      reserved_delta: moved.reservedDelta,
      on_hand_after: after.onHand,
      reserved_after: after.reserved,
      reason: movement.reason ?? null,
      document_id: movement.documentId ?? null,
      order_id: movement.orderId ?? null,
      return_id: movement.returnId ?? null,
      actor_type: movement.actor.type,
      actor_id: movement.actor.id,
      created_at: now,
    })
    .execute();
  // An alert is open exactly while the row is low, so a move that neither starts nor ends low has none to change.
  if (isLowStock(level, level.safetyStock) || isLowStock(after, after.safetyStock)) await reconcileLowStockAlert(trx, after, now);
  return after;
}

/** Changes the safety stock of a row (no units move, so no ledger line); the alert follows. */
export async function setSafetyStock(trx: Kysely<Database>, warehouseId: number, productId: number, safetyStock: number, now: number): Promise<StockLevel> {
  const level = { ...(await lockStockLevel(trx, warehouseId, productId, now)), safetyStock };
  await saveStockLevel(trx, level, now);
  await reconcileLowStockAlert(trx, level, now);
  return level;
}
