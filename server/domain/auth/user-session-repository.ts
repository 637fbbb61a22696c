import type { Kysely } from 'kysely';
import type { SessionUser } from '../../../shared/courier/manifest';
import type { Database } from '../../db/schema';
import { hashSessionToken } from './session-token';

export type UserRole = SessionUser['role'];

export async function insertUserSession(
  db: Kysely<Database>,
  session: { tokenHash: string; role: UserRole; userId: number; createdAt: number; expiresAt: number },
): Promise<void> {
  await db
    .insertInto('user_sessions')
    .values({
      token_hash: session.tokenHash,
      role: session.role,
      user_id: session.userId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function findLiveUserSession(
  db: Kysely<Database>,
  token: string,
  now: number,
): Promise<{ role: UserRole; userId: number; expiresAt: number } | null> {
  const row = await db
    .selectFrom('user_sessions')
    .select(['role', 'user_id', 'expires_at'])
    .where('token_hash', '=', hashSessionToken(token))
    .where('expires_at', '>', now)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { role: row.role as UserRole, userId: row.user_id, expiresAt: row.expires_at } : null;
}

export async function revokeUserSession(db: Kysely<Database>, token: string, now: number): Promise<void> {
  await db
    .updateTable('user_sessions')
    .set({ revoked_at: now })
    .where('token_hash', '=', hashSessionToken(token))
    .where('revoked_at', 'is', null)
    .execute();
}
