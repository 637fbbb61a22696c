import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import { canSkipLocked } from '../../db/row-lock';
import type { NotificationTable } from '../../db/schema-orders';

/** A queued message as the sender needs it; `attempts` and `nextAttemptAt` as last read, the claim's guard. */
export interface DueNotification {
  id: number;
  dedupeKey: string;
  recipient: string;
  body: string;
  attempts: number;
  nextAttemptAt: number;
}

export function toDueNotification(row: Pick<Selectable<NotificationTable>, 'id' | 'dedupe_key' | 'recipient' | 'body' | 'attempts' | 'next_attempt_at'>): DueNotification {
  return {
    id: row.id,
    dedupeKey: row.dedupe_key,
    recipient: row.recipient,
    body: row.body,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
  };
}

/** Inserts a pending message unless one with its dedupe key exists (then nothing changes). */
export async function insertNotificationOnce(
  db: Kysely<Database>,
  n: { dedupeKey: string; orderId: number | null; channel: string; recipient: string; template: string; params: Record<string, string | number>; body: string; at: number },
): Promise<void> {
  await db
    .insertInto('notifications')
    .values({
      dedupe_key: n.dedupeKey,
      order_id: n.orderId,
      channel: n.channel,
      recipient: n.recipient,
      template: n.template,
      params: JSON.stringify(n.params),
      body: n.body,
      status: 'pending',
      next_attempt_at: n.at,
      created_at: n.at,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/**
 * Takes up to `limit` due messages for one try each: counts the attempt and moves them out of
 * reach until `leaseUntil`, in one transaction. On PostgreSQL the due rows are locked with
 * `FOR UPDATE SKIP LOCKED`, so senders on several instances take different messages at the
 * same moment instead of racing for the same ones; SQLite has one writer. If a sender dies
 * mid-send, its lease runs out and the message is due again. Oldest due first.
 */
export async function claimDueNotifications(db: Kysely<Database>, now: number, limit: number, leaseUntil: number): Promise<DueNotification[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('notifications')
      .select(['id', 'dedupe_key', 'recipient', 'body', 'attempts', 'next_attempt_at'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .$if(canSkipLocked(trx), (qb) => qb.forUpdate().skipLocked())
      .execute();
    if (rows.length === 0) return [];
    await trx
      .updateTable('notifications')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
      .where('id', 'in', rows.map((r) => r.id))
      .execute();
    return rows.map(toDueNotification);
  });
}

/**
 * How a claimed try ended. Guarded by the attempt it was claimed as, so a sender whose lease ran
 * out (and whose message another sender has claimed since) cannot overwrite the newer try.
 */
export type TryOutcome =
  | { kind: 'sent'; providerReference: string; at: number }
  | { kind: 'retry'; nextAttemptAt: number; error: string }
  | { kind: 'failed'; error: string };

export async function recordTryOutcome(db: Kysely<Database>, id: number, attempt: number, outcome: TryOutcome): Promise<void> {
  const changes =
    outcome.kind === 'sent'
      ? { status: 'sent' as const, provider_reference: outcome.providerReference, sent_at: outcome.at, last_error: null }
      : outcome.kind === 'retry'
        ? { next_attempt_at: outcome.nextAttemptAt, last_error: outcome.error }
        : { status: 'failed' as const, last_error: outcome.error };
  await db.updateTable('notifications').set(changes).where('id', '=', id).where('status', '=', 'pending').where('attempts', '=', attempt).execute();
}
