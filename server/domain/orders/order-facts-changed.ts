import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * Spread into every update that changes an order's facts the dashboard counts (paid, picked,
 * packed, cancelled): the analytics refresh folds such orders again and clears the flag
 * (server/domain/analytics/order-rollup-fold.ts). A write that forgets it leaves the order's
 * old figures in the roll-ups until the next rebuild, so the roll-up tests go through these
 * very write paths.
 */
export const ORDER_FACTS_CHANGED = { analytics_dirty: 1 } as const;

/** The same for a change made elsewhere that the order's figures read (a parcel handed over). */
export async function markOrderFactsChanged(db: Kysely<Database>, orderId: number | null): Promise<void> {
  if (orderId === null) return;
  await db.updateTable('orders').set(ORDER_FACTS_CHANGED).where('id', '=', orderId).execute();
}
