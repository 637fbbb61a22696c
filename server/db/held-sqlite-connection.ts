import type { DialectAdapter, Kysely, QueryResult, SqliteDatabase } from 'kysely';
import type { Database } from './schema';

const connectionsByAdapter = new WeakMap<DialectAdapter, SqliteDatabase>();
/** Transactions begun by transactionOnHeldConnection whose work is still running. */
const running = new WeakSet<Kysely<Database>>();

/** Called once by createDb: the connection (with its statement cache) behind a SQLite Kysely. */
export function registerSqliteConnection(db: Kysely<Database>, conn: SqliteDatabase): void {
  connectionsByAdapter.set(db.getExecutor().adapter, conn);
}

/**
 * A transaction for a hot write path (a courier's batch, a carrier's push). On SQLite, while
 * `work` runs, the reusable statements it runs on `trx` go straight to the connection the
 * transaction holds, synchronously: Kysely's SQLite driver has one connection and lends it to
 * one transaction at a time, so every statement run on it meanwhile is this transaction's.
 * That skips the executor's queue of promises, which costs more than SQLite takes to write a
 * row, and makes one-row statements run again the cheapest way to write a batch (SQLite
 * evaluates a multi-row VALUES list, and a joined UPDATE, as a co-routine and a join).
 *
 * Only while `work` runs: once it has settled, the transaction is committing or rolled back
 * and the connection may already be lent to the next one, so a statement still arriving on
 * `trx` (left over from a `Promise.all`, or `trx` kept too long) goes through Kysely, which
 * refuses it. Elsewhere, and always on PostgreSQL, this is `db.transaction().execute(work)`.
 */
export function transactionOnHeldConnection<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    running.add(trx);
    try {
      return await work(trx);
    } finally {
      running.delete(trx);
    }
  });
}

/** The SQLite connection `db` may run statements on directly (see transactionOnHeldConnection), or null. */
export function heldSqliteConnection(db: Kysely<Database>): SqliteDatabase | null {
  return running.has(db) ? (connectionsByAdapter.get(db.getExecutor().adapter) ?? null) : null;
}

/** A compiled statement run on the connection, answered as Kysely's SQLite driver answers. */
export function runOnSqlite<Row>(conn: SqliteDatabase, sql: string, parameters: readonly unknown[]): QueryResult<Row> {
  const statement = conn.prepare(sql);
  if (statement.reader) return { rows: statement.all(parameters) as Row[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}
