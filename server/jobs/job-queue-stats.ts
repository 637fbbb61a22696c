import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { JobQueueSnapshot } from '../http/metrics';

/**
 * The background work waiting in the database, per queue, for `/metrics`: the outboxes
 * (messages and webhook deliveries not yet sent) and the orders whose time to pay has run out
 * but which are not cancelled yet. Age is from when each became due, so a queue that keeps up
 * reads near 0 however long it is; a growing age is the alarm.
 */
export async function jobQueueSnapshots(db: Kysely<Database>, now: number): Promise<JobQueueSnapshot[]> {
  const { rows } = await sql<{ queue: string; depth: number; oldest_due: number | null }>`
    SELECT 'notifications' AS queue, COUNT(*) AS depth, MIN(next_attempt_at) AS oldest_due FROM notifications WHERE status = 'pending'
    UNION ALL
    SELECT 'webhooks', COUNT(*), MIN(next_attempt_at) FROM webhook_deliveries WHERE status = 'pending'
    UNION ALL
    SELECT 'payment_deadlines', COUNT(*), MIN(pay_by) FROM orders WHERE status = 'pending_payment' AND pay_by <= ${now}`.execute(db);
  return rows.map((r) => ({
    queue: r.queue,
    depth: Number(r.depth),
    // Not yet due (a retry waiting its back-off) has waited nothing.
    oldestAgeSeconds: r.oldest_due === null ? 0 : Math.max(0, now - Number(r.oldest_due)) / 1000,
  }));
}
