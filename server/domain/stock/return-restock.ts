import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { moveStock } from './stock-ledger';
import type { StockActor } from './stock-actor';

/**
 * Accepted returned units go back on the shelf they were sold from, through the ledger, in
 * the inspection's transaction; damaged units do not. Lines from before warehouses (no
 * warehouse on the order line) have no shelf to return to and are left out.
 */
export async function restockAcceptedUnits(
  trx: Kysely<Database>,
  returnId: number,
  accepted: readonly { orderItemId: number; quantity: number }[],
  actor: StockActor,
  now: number,
): Promise<void> {
  const wanted = accepted.filter((a) => a.quantity > 0);
  if (wanted.length === 0) return;
  const items = await trx.selectFrom('order_items').select(['id', 'product_id', 'warehouse_id', 'order_id']).where('id', 'in', wanted.map((a) => a.orderItemId)).execute();
  for (const a of wanted) {
    const item = items.find((i) => i.id === a.orderItemId);
    if (!item || item.warehouse_id === null) continue;
    await moveStock(trx, { warehouseId: item.warehouse_id, productId: item.product_id, kind: 'return_restock', quantity: a.quantity, orderId: item.order_id, returnId, actor }, now);
  }
}
