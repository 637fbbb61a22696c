import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** 128-bit random token for the cookie; only its SHA-256 is stored, so a leaked table opens nothing. */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(16).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function insertCustomerSession(
  db: Kysely<Database>,
  session: { tokenHash: string; orderId: number; createdAt: number; expiresAt: number },
): Promise<void> {
  await db
    .insertInto('customer_sessions')
    .values({
      token_hash: session.tokenHash,
      order_id: session.orderId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The order a live token was issued for, or null for unknown and expired tokens. */
export async function findSessionOrderId(db: Kysely<Database>, token: string, now: number): Promise<number | null> {
  const row = await db
    .selectFrom('customer_sessions')
    .select('order_id')
    .where('token_hash', '=', hashSessionToken(token))
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.order_id ?? null;
}
