import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export async function countFailedLogins(
  db: Kysely<Database>,
  by: { login: string } | { clientKey: string },
  since: number,
): Promise<number> {
  let query = db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('succeeded', '=', 0)
    .where('attempted_at', '>=', since);
  query = 'login' in by ? query.where('login', '=', by.login) : query.where('client_key', '=', by.clientKey);
  return Number((await query.executeTakeFirstOrThrow()).n);
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

export async function markLoginSucceeded(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.updateTable('login_attempts').set({ succeeded: 1 }).where('id', '=', attemptId).execute();
}
