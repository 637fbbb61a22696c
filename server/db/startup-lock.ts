import { sql } from 'kysely';
import type { DatabaseHandle } from './create-db';

// Any fixed 64-bit number: the lock is named by it across every instance on the database.
const STARTUP_LOCK_KEY = 7_262_016_413n;

/**
 * Runs start-up's one-time work (migrations, the demo fill) once however many instances
 * start at the same moment: on PostgreSQL the first to take a session advisory lock does it,
 * the others wait for the lock and then find it done. The lock is held on one connection for
 * the whole of `work` and goes with it should the instance die. SQLite has one instance per
 * file, so there is nothing to wait for.
 */
export async function onceAcrossInstances<T>(handle: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  if (handle.engine !== 'postgres') return work();
  return handle.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(conn);
    }
  });
}
