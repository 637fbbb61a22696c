import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every statement anew, and preparing costs more than running
 * a point read (tens of µs for the tracking view's join). The app sends the same few SQL
 * texts over and over, so keep the prepared statements, oldest dropped first past `limit`.
 * Safe because Kysely runs one statement at a time on the connection.
 */
export function withStatementCache(conn: SQLite.Database, limit = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => conn.close(),
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt) {
        // Move to the back: most recently used.
        cache.delete(sql);
      } else {
        stmt = conn.prepare(sql) as unknown as SqliteStatement;
        if (cache.size >= limit) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}
