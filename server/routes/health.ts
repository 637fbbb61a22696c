import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { errorJson } from '../http/error-handler';

/** A database that does not answer a trivial query within this is as good as down for a probe. */
const READY_QUERY_TIMEOUT_MS = 2_000;

/**
 * Liveness, `GET /api/health`: the process answers HTTP. It never touches the database, so a
 * database outage does not get every instance restarted (which would not fix it).
 */
export const healthRoutes = new Hono().get('/', (c) => c.json({ ok: true as const }));

/**
 * Readiness, `GET /api/ready`: this instance should be sent traffic: the database answers, and
 * the server is not stopping. At shutdown the live streams are ended first thing, so their
 * registry is the app's sign that the server is on its way out.
 */
export function readinessRoutes({ db, liveStreams }: Pick<AppDeps, 'db' | 'liveStreams'>) {
  return new Hono().get('/', async (c) => {
    if (liveStreams?.isClosing) return errorJson(c, 503, 'not_ready', 'This instance is stopping');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), READY_QUERY_TIMEOUT_MS);
    });
    try {
      await Promise.race([sql`select 1`.execute(db), timedOut]);
    } catch {
      return errorJson(c, 503, 'not_ready', 'The database does not answer');
    } finally {
      clearTimeout(timer);
    }
    return c.json({ ready: true as const });
  });
}
