import type SQLite from 'better-sqlite3';
import type { DemoBatch } from './demo-model';
import { DEMO_TABLES_IN_INSERT_ORDER, batchRows, type DemoKeys } from './demo-rows';

/**
 * Bulk fill for SQLite through raw better-sqlite3 statements: one prepared INSERT per table,
 * tens of thousands of rows per transaction. Going through Kysely would build and compile
 * SQL for every row, which at ten million events is most of the time spent.
 */
const ROWS_PER_TRANSACTION = 50_000;

type Row = Record<string, unknown>;

function insertStatement(conn: SQLite.Database, table: string, sample: Row): SQLite.Statement {
  const columns = Object.keys(sample);
  return conn.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Inserts every batch, committing every ~50k rows and letting the event loop breathe between
 * commits. A small demo (the default few hundred parcels) lands in one transaction.
 */
export async function fillSqlite(
  conn: SQLite.Database,
  batches: Iterable<DemoBatch>,
  keys: DemoKeys,
  afterBatch: (batch: DemoBatch) => void,
): Promise<void> {
  const statements = new Map<string, SQLite.Statement>();
  const previousSynchronous = conn.pragma('synchronous', { simple: true }) as number;
  const previousCacheSize = conn.pragma('cache_size', { simple: true }) as number;
  // The demo only ever fills a database that has no parcels yet, so a power cut mid-fill
  // costs nothing that matters: skip the fsyncs and give the index updates a big page cache
  // for the fill, and put FULL back before anyone is told a real report was saved.
  conn.pragma('synchronous = OFF');
  conn.pragma('cache_size = -262144');
  let rowsInTransaction = 0;
  try {
    for (const batch of batches) {
      if (!conn.inTransaction) conn.exec('BEGIN');
      const rows = batchRows(batch, keys);
      for (const table of DEMO_TABLES_IN_INSERT_ORDER) {
        const tableRows = rows[table] as Row[];
        if (tableRows.length === 0) continue;
        let statement = statements.get(table);
        if (!statement) {
          statement = insertStatement(conn, table, tableRows[0]!);
          statements.set(table, statement);
        }
        for (const row of tableRows) statement.run(row);
        rowsInTransaction += tableRows.length;
      }
      afterBatch(batch);
      if (rowsInTransaction >= ROWS_PER_TRANSACTION) {
        conn.exec('COMMIT');
        rowsInTransaction = 0;
        await yieldToEventLoop();
      }
    }
    if (conn.inTransaction) conn.exec('COMMIT');
  } catch (error) {
    if (conn.inTransaction) conn.exec('ROLLBACK');
    throw error;
  } finally {
    conn.pragma(`synchronous = ${previousSynchronous}`);
    conn.pragma(`cache_size = ${previousCacheSize}`);
  }
  // Made durable under the restored setting, and the WAL file shrunk back after a big fill.
  conn.pragma('wal_checkpoint(TRUNCATE)');
}
