import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema';
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

/** Pending messages due by `now`, oldest due first. Candidates only: a sender sends only what it then claims. */
export async function findDueNotifications(db: Kysely<Database>, now: number, limit: number): Promise<DueNotification[]> {
  const rows = await db
    .selectFrom('notifications')
    .select(['id', 'dedupe_key', 'recipient', 'body', 'attempts', 'next_attempt_at'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toDueNotification);
}

/**
 * Takes a message for one try: counts the attempt and moves it out of reach until `leaseUntil`,
 * only if no one changed it since it was read. Of two senders that read it (two instances on
 * one PostgreSQL, or two runs in one), exactly one updates the row: the other's guard no longer
 * matches. If the winner dies mid-send the lease runs out and the message is due again.
 */
export async function claimNotification(db: Kysely<Database>, n: DueNotification, leaseUntil: number): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
    .where('id', '=', n.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', n.attempts)
    .where('next_attempt_at', '=', n.nextAttemptAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
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
