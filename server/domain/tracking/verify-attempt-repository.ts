import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export async function countFailedAttempts(
  db: Kysely<Database>,
  by: { shipmentId: number } | { clientKey: string },
  since: number,
): Promise<number> {
  let query = db
    .selectFrom('verify_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('succeeded', '=', 0)
    .where('attempted_at', '>=', since);
  query = 'shipmentId' in by ? query.where('shipment_id', '=', by.shipmentId) : query.where('client_key', '=', by.clientKey);
  const { n } = await query.executeTakeFirstOrThrow();
  return Number(n);
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

export async function markVerifySucceeded(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.updateTable('verify_attempts').set({ succeeded: 1 }).where('id', '=', attemptId).execute();
}
