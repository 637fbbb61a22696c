import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export type GrowingTable = 'tracking_events' | 'shipments' | 'orders' | 'pick_scans' | 'stock_ledger';

// Longer than any write transaction of ours takes; short enough that writes queued behind the
// lock request barely notice. A transaction left open longer only delays its rows to a later refresh.
const SETTLE_WAIT = '1s';

/**
 * The highest id of each table below which every row is committed, so a fold by id up to it
 * never misses a row that commits later.
 *
 * SQLite has one writer at a time, so that is simply the largest id. On PostgreSQL ids come
 * from sequences when rows are inserted, not when they commit: id 101 may still be in an open
 * transaction while 102 is visible. A SHARE lock conflicts with the lock every INSERT holds to
 * its commit, so taking it waits until the writers in flight have finished; the largest id
 * read under it is then settled. Each table is locked alone, in its own short transaction, so
 * the refresh never holds one while waiting for another (no deadlock with a writer that
 * touches several). When the wait times out (a writer left a transaction open), `null`: fold
 * nothing new from that table this time.
 */
export async function settledMaxIds(db: Kysely<Database>, tables: readonly GrowingTable[]): Promise<Map<GrowingTable, number | null>> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const result = new Map<GrowingTable, number | null>();
  for (const table of tables) {
    const maxId = sql<{ m: number | null }>`SELECT MAX(id) AS m FROM ${sql.table(table)}`;
    if (!pg) {
      result.set(table, Number((await maxId.execute(db)).rows[0]?.m ?? 0));
      continue;
    }
    try {
      const m = await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL lock_timeout = ${sql.lit(SETTLE_WAIT)}`.execute(trx);
        await sql`LOCK TABLE ${sql.table(table)} IN SHARE MODE`.execute(trx);
        return Number((await maxId.execute(trx)).rows[0]?.m ?? 0);
      });
      result.set(table, m);
    } catch (err) {
      if ((err as { code?: unknown }).code !== '55P03') throw err; // lock_not_available
      result.set(table, null);
    }
  }
  return result;
}
