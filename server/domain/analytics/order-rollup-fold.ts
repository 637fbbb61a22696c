import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { netRollupChange, type FoldedOrder } from '../../../shared/analytics/order-rollup';
import type { Database } from '../../db/schema';

/** Orders read per step: bounded memory and statement size however many changed. */
const ORDERS_PER_STEP = 2_000;
/** Roll-up rows per upsert: 7 parameters each, well inside both databases' limits. */
const ROWS_PER_UPSERT = 500;

type DayOf = (column: string) => RawBuilder<number>;

const orNull = (v: unknown) => (v === null || v === undefined || Number(v) <= 0 ? null : Number(v));

/**
 * Folds the order side into the roll-ups inside the refresh's transaction: the orders whose
 * facts changed since the last fold (`dirty`, flagged by their write paths: see
 * ORDER_FACTS_CHANGED), or every order (`all`, after the roll-ups were emptied for a rebuild).
 * Each order's old contribution (as kept in analytics_orders_folded) is taken out and its new
 * one put in, and its flag cleared, all in the same transaction. On PostgreSQL the orders read
 * are locked (FOR UPDATE) until the refresh commits, so a write racing the fold either lands
 * before it (and is folded now) or waits and flags the order again (folded next time): no change
 * is missed or counted twice. Returns how many orders were folded.
 */
export async function foldOrders(trx: Kysely<Database>, day: DayOf, which: 'dirty' | 'all'): Promise<number> {
  const pg = trx.getExecutor().adapter instanceof PostgresAdapter;
  // A literal 1 (not a parameter), so SQLite uses the partial index on dirty orders.
  const onlyDirty = which === 'dirty' ? sql`AND o.analytics_dirty = 1` : sql``;
  let after = 0;
  let folded = 0;
  for (;;) {
    const rows = (
      await sql<{ id: number; day: number; city: string; created_at: number; paid_at: number | null; picked_at: number | null; packed_at: number | null; cancelled_at: number | null; handed_over_at: number | null }>`
        SELECT o.id, ${day('o.created_at')} AS day, o.city, o.created_at, o.paid_at, o.picked_at, o.packed_at, o.cancelled_at,
          (SELECT MIN(s.handed_over_at) FROM shipments s WHERE s.order_id = o.id AND s.leg = 'delivery') AS handed_over_at
        FROM orders o WHERE o.id > ${after} ${onlyDirty} ORDER BY o.id LIMIT ${ORDERS_PER_STEP} ${pg ? sql`FOR UPDATE OF o` : sql``}`.execute(trx)
    ).rows;
    if (rows.length === 0) return folded;
    const ids = rows.map((r) => Number(r.id));
    const now = rows.map((r) => ({ orderId: Number(r.id), ...toFoldedOrder(r) }));
    const before: FoldedOrder[] =
      which === 'all' ? [] : (await trx.selectFrom('analytics_orders_folded').selectAll().where('order_id', 'in', ids).execute()).map(toFoldedOrder);
    await applyNetChange(trx, netRollupChange(before, now));
    await trx
      .insertInto('analytics_orders_folded')
      .values(
        now.map((o) => ({
          order_id: o.orderId,
          day: o.day,
          city: o.city,
          created_at: o.createdAt,
          paid_at: o.paidAt,
          picked_at: o.pickedAt,
          packed_at: o.packedAt,
          handed_over_at: o.handedOverAt,
          cancelled_at: o.cancelledAt,
        })),
      )
      .onConflict((oc) =>
        oc.column('order_id').doUpdateSet((eb) => ({
          day: eb.ref('excluded.day'),
          city: eb.ref('excluded.city'),
          created_at: eb.ref('excluded.created_at'),
          paid_at: eb.ref('excluded.paid_at'),
          picked_at: eb.ref('excluded.picked_at'),
          packed_at: eb.ref('excluded.packed_at'),
          handed_over_at: eb.ref('excluded.handed_over_at'),
          cancelled_at: eb.ref('excluded.cancelled_at'),
        })),
      )
      .execute();
    await sql`UPDATE orders SET analytics_dirty = 0 WHERE analytics_dirty = 1 AND id IN (${sql.join(ids)})`.execute(trx);
    folded += rows.length;
    after = ids[ids.length - 1]!;
  }
}

/** An order's facts as read now, or as kept when last folded: the same columns either way. */
function toFoldedOrder(r: { day: number; city: string; created_at: number; paid_at: number | null; picked_at: number | null; packed_at: number | null; handed_over_at: number | null; cancelled_at: number | null }): FoldedOrder {
  return {
    day: Number(r.day),
    city: r.city,
    createdAt: Number(r.created_at),
    paidAt: orNull(r.paid_at),
    pickedAt: orNull(r.picked_at),
    packedAt: orNull(r.packed_at),
    handedOverAt: orNull(r.handed_over_at),
    cancelledAt: orNull(r.cancelled_at),
  };
}

async function applyNetChange(trx: Kysely<Database>, change: ReturnType<typeof netRollupChange>): Promise<void> {
  const counts = change.flatMap(({ entry, n }) => (entry.table === 'counts' ? [{ day: entry.day, name: entry.name, n }] : []));
  const durations = change.flatMap(({ entry, n }) =>
    entry.table === 'durations' ? [{ scope: entry.scope, dim: entry.dim, day: entry.day, a: entry.a, b: entry.b, bucket: entry.bucket, n }] : [],
  );
  for (let i = 0; i < counts.length; i += ROWS_PER_UPSERT) {
    await trx
      .insertInto('analytics_counts')
      .values(counts.slice(i, i + ROWS_PER_UPSERT))
      .onConflict((oc) => oc.columns(['day', 'name']).doUpdateSet({ n: sql`analytics_counts.n + excluded.n` }))
      .execute();
  }
  for (let i = 0; i < durations.length; i += ROWS_PER_UPSERT) {
    await trx
      .insertInto('analytics_durations')
      .values(durations.slice(i, i + ROWS_PER_UPSERT))
      .onConflict((oc) => oc.columns(['scope', 'dim', 'day', 'a', 'b', 'bucket']).doUpdateSet({ n: sql`analytics_durations.n + excluded.n` }))
      .execute();
  }
}

/**
 * Pick scans and stock-ledger rows written since the last refresh (both only ever grow, so
 * found by id like tracking events): scans and right scans per day, units shipped and the
 * on-hand change per day, and which SKU ran out where on which day.
 */
export async function foldScansAndLedger(trx: Kysely<Database>, day: DayOf, from: { pickScans: number; ledger: number }, to: { pickScans: number; ledger: number }): Promise<void> {
  const counts = (rows: RawBuilder<unknown>) =>
    sql`INSERT INTO analytics_counts (day, name, n) SELECT day, name, n FROM (${rows}) r WHERE n <> 0
      ON CONFLICT (day, name) DO UPDATE SET n = analytics_counts.n + excluded.n`.execute(trx);
  if (to.pickScans > from.pickScans) {
    await counts(sql`
      SELECT ${day('scanned_at')} AS day, 'pick:all' AS name, COUNT(*) AS n FROM pick_scans WHERE id > ${from.pickScans} AND id <= ${to.pickScans} GROUP BY 1
      UNION ALL
      SELECT ${day('scanned_at')}, 'pick:picked', COUNT(*) FROM pick_scans WHERE id > ${from.pickScans} AND id <= ${to.pickScans} AND outcome = 'picked' GROUP BY 1`);
  }
  if (to.ledger > from.ledger) {
    await counts(sql`
      SELECT ${day('created_at')} AS day, 'stock:on_hand' AS name, SUM(on_hand_delta) AS n FROM stock_ledger WHERE id > ${from.ledger} AND id <= ${to.ledger} GROUP BY 1
      UNION ALL
      SELECT ${day('created_at')}, 'stock:shipped', -SUM(on_hand_delta) FROM stock_ledger WHERE id > ${from.ledger} AND id <= ${to.ledger} AND kind = 'shipment' GROUP BY 1`);
    await sql`INSERT INTO analytics_stock_outs (day, warehouse_id, product_id)
      SELECT DISTINCT ${day('created_at')}, warehouse_id, product_id FROM stock_ledger
      WHERE id > ${from.ledger} AND id <= ${to.ledger} AND on_hand_after - reserved_after <= 0
      ON CONFLICT (day, warehouse_id, product_id) DO NOTHING`.execute(trx);
  }
}
