import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { registerSqliteConnection } from './held-sqlite-connection';
import { withStatementCache } from './statement-cache';

export type DatabaseEngine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: DatabaseEngine;
  /** The raw better-sqlite3 connection, for the few paths that batch rows by hand (demo fill). */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

// node-postgres returns BIGINT as a string to be safe past 2^53; our BIGINTs are epoch
// milliseconds, which stay exact as numbers for the next quarter-million years.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function openSqlite(path: string): SQLite.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const conn = new SQLite(path);
  conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  // FULL: a courier told "saved" must find it saved after a power cut, not just a crash.
  conn.pragma('synchronous = FULL');
  // Reads straight from the OS page cache through a memory map instead of a read() call per
  // page, and a bigger private cache for hot index pages: tracking reads are point lookups
  // spread over the whole table, which the 2 MB default cache mostly misses.
  conn.pragma('mmap_size = 2147418112');
  conn.pragma('cache_size = -65536');
  return conn;
}

/** Opens `sqlite:<path>` (the embedded default) or `postgres://…` (scale-out). */
export function createDb(url: string): DatabaseHandle {
  if (url.startsWith('sqlite:')) {
    const sqlite = openSqlite(url.slice('sqlite:'.length));
    const connection = withStatementCache(sqlite);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
    registerSqliteConnection(db, connection);
    return { db, engine: 'sqlite', sqlite, close: () => db.destroy() };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', sqlite: null, close: () => db.destroy() };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got ${url}`);
}
