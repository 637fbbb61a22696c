import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FailureTally } from './attempt-limits';

/** Failed (or still being checked) sign-ins since a time: by account, by address, or by both. */
export async function tallyFailedLogins(
  db: Kysely<Database>,
  by: { login?: string; clientKey?: string },
  since: number,
): Promise<FailureTally> {
  let query = db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('attempted_at').as('oldest')])
    .where('succeeded', '=', 0)
    .where('attempted_at', '>=', since);
  if (by.login !== undefined) query = query.where('login', '=', by.login);
  if (by.clientKey !== undefined) query = query.where('client_key', '=', by.clientKey);
  const { n, oldest } = await query.executeTakeFirstOrThrow();
  return { count: Number(n), oldestAt: oldest === null ? null : Number(oldest) };
}

/** When the account was last tried by another attempt since a time (refused ones are gone). */
export async function lastOtherLoginTryAt(db: Kysely<Database>, login: string, exceptId: number, since: number): Promise<number | null> {
  const { latest } = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('attempted_at').as('latest'))
    .where('login', '=', login)
    .where('attempted_at', '>', since)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return latest === null ? null : Number(latest);
}

export async function recordLoginAttempt(
  db: Kysely<Database>,
  attempt: { login: string; clientKey: string; succeeded: boolean; at: number },
): Promise<number> {
  const { id } = await db
    .insertInto('login_attempts')
    .values({ login: attempt.login, client_key: attempt.clientKey, succeeded: attempt.succeeded ? 1 : 0, attempted_at: attempt.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A refused attempt checked nothing, so it is no guess: it neither counts nor holds a turn. */
export async function forgetLoginAttempt(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.deleteFrom('login_attempts').where('id', '=', attemptId).execute();
}

/**
 * The attempt succeeded, and the address that knew the password is forgiven its earlier wrong
 * tries at this account (OWASP: reset the counter on success), so an owner's typos don't add up.
 */
export async function markLoginSucceeded(db: Kysely<Database>, attempt: { id: number; login: string; clientKey: string }): Promise<void> {
  await db.updateTable('login_attempts').set({ succeeded: 1 }).where('id', '=', attempt.id).execute();
  await db
    .deleteFrom('login_attempts')
    .where('login', '=', attempt.login)
    .where('client_key', '=', attempt.clientKey)
    .where('succeeded', '=', 0)
    .execute();
}
