import type { DialectAdapter, Kysely, QueryResult, SqliteDatabase } from 'kysely';
import type { Database } from './schema';

const connectionsByAdapter = new WeakMap<DialectAdapter, SqliteDatabase>();

/** Called once by createDb: the connection (with its statement cache) behind a SQLite Kysely. */
export function registerSqliteConnection(db: Kysely<Database>, conn: SqliteDatabase): void {
  connectionsByAdapter.set(db.getExecutor().adapter, conn);
}

/**
 * The SQLite connection a transaction holds, or null (outside a transaction, or on
 * PostgreSQL). Kysely's SQLite driver has one connection and lends it to one transaction at a
 * time, so while a transaction is open every statement run on that connection is the
 * transaction's. Running a compiled statement on it directly, synchronously, skips the
 * executor's queue of promises, which costs more than SQLite takes to write one row — and
 * makes one-row statements run again cheaper than one multi-row statement (SQLite evaluates
 * a multi-row VALUES list, and a joined UPDATE, as a co-routine and a join).
 */
export function heldSqliteConnection(db: Kysely<Database>): SqliteDatabase | null {
  return db.isTransaction ? (connectionsByAdapter.get(db.getExecutor().adapter) ?? null) : null;
}

/** A compiled statement run on the connection, answered as Kysely's SQLite driver answers. */
export function runOnSqlite<Row>(conn: SqliteDatabase, sql: string, parameters: readonly unknown[]): QueryResult<Row> {
  const statement = conn.prepare(sql);
  if (statement.reader) return { rows: statement.all(parameters) as Row[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}
