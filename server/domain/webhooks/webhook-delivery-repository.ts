import type { Kysely, Selectable } from 'kysely';
import type { WebhookDeliveryView } from '../../../shared/api/webhooks';
import type { Database } from '../../db/schema';
import { canSkipLocked } from '../../db/row-lock';
import type { WebhookDeliveryTable } from '../../db/schema-webhooks';

export interface DueDelivery {
  id: number;
  eventId: string;
  eventType: string;
  payload: string;
  attempts: number;
  nextAttemptAt: number;
  url: string;
  secret: string;
}

export function toWebhookDeliveryView(row: Selectable<WebhookDeliveryTable>): WebhookDeliveryView {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastStatusCode: row.last_status_code,
    lastResponseExcerpt: row.last_response_excerpt,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

/**
 * Takes up to `limit` due deliveries for one try each, in one transaction: the attempt counted
 * and the lease set so no other sender touches them while the requests run; if the sender
 * dies, they are due again after it. On PostgreSQL the rows are locked `FOR UPDATE SKIP
 * LOCKED`: senders on several instances take different deliveries at once. Deliveries to a
 * deactivated endpoint wait.
 */
export async function claimDueDeliveries(db: Kysely<Database>, now: number, limit: number, leaseUntil: number): Promise<DueDelivery[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .select(['d.id', 'd.event_id', 'd.event_type', 'd.payload', 'd.attempts', 'd.next_attempt_at', 'e.url', 'e.secret'])
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', now)
      .where('e.active', '=', 1)
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(limit)
      .$if(canSkipLocked(trx), (qb) => qb.forUpdate('d').skipLocked())
      .execute();
    if (rows.length === 0) return [];
    await trx
      .updateTable('webhook_deliveries')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
      .where('id', 'in', rows.map((r) => r.id))
      .execute();
    return rows.map((r) => ({ id: r.id, eventId: r.event_id, eventType: r.event_type, payload: r.payload, attempts: r.attempts, nextAttemptAt: r.next_attempt_at, url: r.url, secret: r.secret }));
  });
}

export interface AttemptRecord {
  attempt: number;
  statusCode: number | null;
  durationMs: number;
  excerpt: string | null;
  error: string | null;
  at: number;
  /** delivered, or pending again at nextAttemptAt, or failed for good. */
  next: { status: 'delivered' } | { status: 'pending'; nextAttemptAt: number } | { status: 'failed' };
}

/** Logs the try and moves the delivery, guarded by the attempt it was claimed as. */
export async function recordAttempt(db: Kysely<Database>, deliveryId: number, a: AttemptRecord): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({ delivery_id: deliveryId, attempt: a.attempt, status_code: a.statusCode, duration_ms: a.durationMs, response_excerpt: a.excerpt, error: a.error, attempted_at: a.at })
      .execute();
    await trx
      .updateTable('webhook_deliveries')
      .set({
        status: a.next.status,
        next_attempt_at: a.next.status === 'pending' ? a.next.nextAttemptAt : a.at,
        delivered_at: a.next.status === 'delivered' ? a.at : null,
        last_status_code: a.statusCode,
        last_response_excerpt: a.excerpt,
        last_error: a.error,
        updated_at: a.at,
      })
      .where('id', '=', deliveryId)
      .where('status', '=', 'pending')
      .where('attempts', '=', a.attempt)
      .execute();
  });
}

export async function listEndpointDeliveries(db: Kysely<Database>, endpointId: number, limit = 100): Promise<WebhookDeliveryView[]> {
  const rows = await db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toWebhookDeliveryView);
}

/** A failed delivery back in the queue, due now, with a fresh count of tries. */
export async function requeueFailedDelivery(db: Kysely<Database>, endpointId: number, deliveryId: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, updated_at: now })
    .where('id', '=', deliveryId)
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
