import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FailureTally } from '../auth/attempt-limits';

/** Failed (or still being checked) tries since a time: by parcel, by address, or by both. */
export async function tallyFailedAttempts(
  db: Kysely<Database>,
  by: { shipmentId?: number; clientKey?: string },
  since: number,
): Promise<FailureTally> {
  let query = db
    .selectFrom('verify_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('attempted_at').as('oldest')])
    .where('succeeded', '=', 0)
    .where('attempted_at', '>=', since);
  if (by.shipmentId !== undefined) query = query.where('shipment_id', '=', by.shipmentId);
  if (by.clientKey !== undefined) query = query.where('client_key', '=', by.clientKey);
  const { n, oldest } = await query.executeTakeFirstOrThrow();
  return { count: Number(n), oldestAt: oldest === null ? null : Number(oldest) };
}

/** When the parcel was last tried by another attempt since a time (refused ones are gone). */
export async function lastOtherVerifyTryAt(db: Kysely<Database>, shipmentId: number, exceptId: number, since: number): Promise<number | null> {
  const { latest } = await db
    .selectFrom('verify_attempts')
    .select((eb) => eb.fn.max('attempted_at').as('latest'))
    .where('shipment_id', '=', shipmentId)
    .where('attempted_at', '>', since)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return latest === null ? null : Number(latest);
}

export async function recordVerifyAttempt(
  db: Kysely<Database>,
  attempt: { shipmentId: number; clientKey: string; succeeded: boolean; at: number },
): Promise<number> {
  const { id } = await db
    .insertInto('verify_attempts')
    .values({
      shipment_id: attempt.shipmentId,
      client_key: attempt.clientKey,
      succeeded: attempt.succeeded ? 1 : 0,
      attempted_at: attempt.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A refused try checked nothing, so it is no guess: it neither counts nor holds a turn. */
export async function forgetVerifyAttempt(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.deleteFrom('verify_attempts').where('id', '=', attemptId).execute();
}

/** The try succeeded, and the address that knew the digits is forgiven its earlier wrong tries at this parcel. */
export async function markVerifySucceeded(db: Kysely<Database>, attempt: { id: number; shipmentId: number; clientKey: string }): Promise<void> {
  await db.updateTable('verify_attempts').set({ succeeded: 1 }).where('id', '=', attempt.id).execute();
  await db
    .deleteFrom('verify_attempts')
    .where('shipment_id', '=', attempt.shipmentId)
    .where('client_key', '=', attempt.clientKey)
    .where('succeeded', '=', 0)
    .execute();
}
