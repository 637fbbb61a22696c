import type { Kysely } from 'kysely';
import type { AttemptStage, Database } from '../../db/schema';
import type { FailureTally } from './attempt-limits';

/**
 * Failed sign-ins since a time: by account, by address, or by both. Attempts still being
 * checked count too (so parallel guesses see each other), unless `admittedOnly`: an account is
 * slowed by tries admitted past the address limits, not by a flood of tries in flight from one address.
 */
export async function tallyFailedLogins(
  db: Kysely<Database>,
  by: { login?: string; clientKey?: string; admittedOnly?: boolean },
  since: number,
): Promise<FailureTally> {
  let query = db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('attempted_at').as('oldest')])
    .where('succeeded', '=', 0)
    .where('attempted_at', '>=', since);
  if (by.login !== undefined) query = query.where('login', '=', by.login);
  if (by.clientKey !== undefined) query = query.where('client_key', '=', by.clientKey);
  if (by.admittedOnly) query = query.where('stage', '!=', 'pending');
  const { n, oldest } = await query.executeTakeFirstOrThrow();
  return { count: Number(n), oldestAt: oldest === null ? null : Number(oldest) };
}

export async function recordLoginAttempt(
  db: Kysely<Database>,
  attempt: { login: string; clientKey: string; succeeded: boolean; at: number; stage: AttemptStage },
): Promise<number> {
  const { id } = await db
    .insertInto('login_attempts')
    .values({ login: attempt.login, client_key: attempt.clientKey, succeeded: attempt.succeeded ? 1 : 0, attempted_at: attempt.at, stage: attempt.stage })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Past the address limits: from now on this attempt counts against the subject too. */
export async function markLoginAdmitted(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.updateTable('login_attempts').set({ stage: 'admitted' }).where('id', '=', attemptId).execute();
}

/** A refused attempt checked nothing, so it is no guess: it does not count. */
export async function forgetLoginAttempt(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.deleteFrom('login_attempts').where('id', '=', attemptId).execute();
}

/**
 * The attempt succeeded, and the address that knew the password is forgiven its earlier wrong
 * tries at this account (OWASP: reset the counter on success), so an owner's typos don't add up.
 */
/** The password was compared and did not match: a wrong guess at the account. */
export async function markLoginFailed(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.updateTable('login_attempts').set({ stage: 'checked' }).where('id', '=', attemptId).execute();
}

export async function markLoginSucceeded(db: Kysely<Database>, attempt: { id: number; login: string; clientKey: string }): Promise<void> {
  await db.updateTable('login_attempts').set({ succeeded: 1, stage: 'checked' }).where('id', '=', attempt.id).execute();
  await db
    .deleteFrom('login_attempts')
    .where('login', '=', attempt.login)
    .where('client_key', '=', attempt.clientKey)
    .where('succeeded', '=', 0)
    .execute();
}
