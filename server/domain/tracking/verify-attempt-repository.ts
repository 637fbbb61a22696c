import type { Kysely } from 'kysely';
import type { AttemptStage, Database } from '../../db/schema';
import type { FailureTally } from '../auth/attempt-limits';

/**
 * Failed tries since a time: by parcel, by address, or by both. Tries still being checked count
 * too (so parallel guesses see each other), unless `admittedOnly`: a parcel is slowed by wrong
 * digits admitted past the address limits, not by a flood of tries in flight from one address.
 */
export async function tallyFailedAttempts(
  db: Kysely<Database>,
  by: { shipmentId?: number; clientKey?: string; admittedOnly?: boolean },
  since: number,
): Promise<FailureTally> {
  let query = db
    .selectFrom('verify_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('attempted_at').as('oldest')])
    .where('succeeded', '=', 0)
    .where('attempted_at', '>=', since);
  if (by.shipmentId !== undefined) query = query.where('shipment_id', '=', by.shipmentId);
  if (by.clientKey !== undefined) query = query.where('client_key', '=', by.clientKey);
  if (by.admittedOnly) query = query.where('stage', '!=', 'pending');
  const { n, oldest } = await query.executeTakeFirstOrThrow();
  return { count: Number(n), oldestAt: oldest === null ? null : Number(oldest) };
}

export async function recordVerifyAttempt(
  db: Kysely<Database>,
  attempt: { shipmentId: number; clientKey: string; succeeded: boolean; at: number; stage: AttemptStage },
): Promise<number> {
  const { id } = await db
    .insertInto('verify_attempts')
    .values({
      shipment_id: attempt.shipmentId,
      client_key: attempt.clientKey,
      succeeded: attempt.succeeded ? 1 : 0,
      attempted_at: attempt.at,
      stage: attempt.stage,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Past the address limits: from now on this attempt counts against the subject too. */
export async function markVerifyAdmitted(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.updateTable('verify_attempts').set({ stage: 'admitted' }).where('id', '=', attemptId).execute();
}

/** A refused try checked nothing, so it is no guess: it does not count. */
export async function forgetVerifyAttempt(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.deleteFrom('verify_attempts').where('id', '=', attemptId).execute();
}

/** The digits were compared and did not match: a wrong guess at the parcel. */
export async function markVerifyFailed(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.updateTable('verify_attempts').set({ stage: 'checked' }).where('id', '=', attemptId).execute();
}

/** The try succeeded, and the address that knew the digits is forgiven its earlier wrong tries at this parcel. */
export async function markVerifySucceeded(db: Kysely<Database>, attempt: { id: number; shipmentId: number; clientKey: string }): Promise<void> {
  await db.updateTable('verify_attempts').set({ succeeded: 1, stage: 'checked' }).where('id', '=', attempt.id).execute();
  await db
    .deleteFrom('verify_attempts')
    .where('shipment_id', '=', attempt.shipmentId)
    .where('client_key', '=', attempt.clientKey)
    .where('succeeded', '=', 0)
    .execute();
}
