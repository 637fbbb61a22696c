import { sql, type Kysely } from 'kysely';
import type { AttemptStage, Database } from '../../db/schema';
import type { FailureTally } from '../auth/attempt-limits';

/**
 * What the phone's last 4 digits are guessed at: a parcel (its shipment id) or an order's page
 * (its order id). Each keeps its tries in its own table of the same shape, one column apart.
 */
export type DigitsTarget = 'parcel' | 'order';
export interface DigitsSubject {
  target: DigitsTarget;
  id: number;
}

const ATTEMPTS = {
  parcel: { table: 'verify_attempts', subjectColumn: 'shipment_id' },
  order: { table: 'order_verify_attempts', subjectColumn: 'order_id' },
} as const;

/**
 * Failed tries since a time: by subject, by address, or by both. Tries still being checked count
 * too (so parallel guesses see each other), unless `admittedOnly`: a subject is slowed by wrong
 * digits admitted past the address limits, not by a flood of tries in flight from one address.
 */
export async function tallyFailedAttempts(
  db: Kysely<Database>,
  target: DigitsTarget,
  by: { subjectId?: number; clientKey?: string; admittedOnly?: boolean },
  since: number,
): Promise<FailureTally> {
  const { table, subjectColumn } = ATTEMPTS[target];
  let query = db
    .selectFrom(table)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('attempted_at').as('oldest')])
    .where('succeeded', '=', 0)
    .where('attempted_at', '>=', since);
  if (by.subjectId !== undefined) query = query.where(sql.ref(subjectColumn), '=', by.subjectId);
  if (by.clientKey !== undefined) query = query.where('client_key', '=', by.clientKey);
  if (by.admittedOnly) query = query.where('stage', '!=', 'pending');
  const { n, oldest } = await query.executeTakeFirstOrThrow();
  return { count: Number(n), oldestAt: oldest === null ? null : Number(oldest) };
}

export async function recordVerifyAttempt(
  db: Kysely<Database>,
  subject: DigitsSubject,
  attempt: { clientKey: string; succeeded: boolean; at: number; stage: AttemptStage },
): Promise<number> {
  const row = { client_key: attempt.clientKey, succeeded: attempt.succeeded ? 1 : 0, attempted_at: attempt.at, stage: attempt.stage };
  const inserted =
    subject.target === 'parcel'
      ? db.insertInto('verify_attempts').values({ ...row, shipment_id: subject.id }).returning('id')
      : db.insertInto('order_verify_attempts').values({ ...row, order_id: subject.id }).returning('id');
  return (await inserted.executeTakeFirstOrThrow()).id;
}

async function setStage(db: Kysely<Database>, target: DigitsTarget, attemptId: number, changes: { stage: AttemptStage; succeeded?: number }): Promise<void> {
  await db.updateTable(ATTEMPTS[target].table).set(changes).where('id', '=', attemptId).execute();
}

/** Past the address limits: from now on this attempt counts against the subject too. */
export async function markVerifyAdmitted(db: Kysely<Database>, target: DigitsTarget, attemptId: number): Promise<void> {
  await setStage(db, target, attemptId, { stage: 'admitted' });
}

/** A refused try checked nothing, so it is no guess: it does not count. */
export async function forgetVerifyAttempt(db: Kysely<Database>, target: DigitsTarget, attemptId: number): Promise<void> {
  await db.deleteFrom(ATTEMPTS[target].table).where('id', '=', attemptId).execute();
}

/** The digits were compared and did not match: a wrong guess at the subject. */
export async function markVerifyFailed(db: Kysely<Database>, target: DigitsTarget, attemptId: number): Promise<void> {
  await setStage(db, target, attemptId, { stage: 'checked' });
}

/** The try succeeded, and the address that knew the digits is forgiven its earlier wrong tries at this subject. */
export async function markVerifySucceeded(db: Kysely<Database>, subject: DigitsSubject, attempt: { id: number; clientKey: string }): Promise<void> {
  const { table, subjectColumn } = ATTEMPTS[subject.target];
  await setStage(db, subject.target, attempt.id, { stage: 'checked', succeeded: 1 });
  await db
    .deleteFrom(table)
    .where(sql.ref(subjectColumn), '=', subject.id)
    .where('client_key', '=', attempt.clientKey)
    .where('succeeded', '=', 0)
    .execute();
}
