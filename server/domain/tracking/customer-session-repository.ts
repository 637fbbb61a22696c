import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { hashSessionToken } from '../auth/session-token';

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

/** The order a live token was issued for, and until when; null for unknown and expired tokens. */
export async function findCustomerSession(db: Kysely<Database>, token: string, now: number): Promise<{ orderId: number; expiresAt: number } | null> {
  const row = await db
    .selectFrom('customer_sessions')
    .select(['order_id', 'expires_at'])
    .where('token_hash', '=', hashSessionToken(token))
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row ? { orderId: row.order_id, expiresAt: row.expires_at } : null;
}

/** The order a live token was issued for, or null for unknown and expired tokens. */
export async function findSessionOrderId(db: Kysely<Database>, token: string, now: number): Promise<number | null> {
  return (await findCustomerSession(db, token, now))?.orderId ?? null;
}

/**
 * Until when one of `tokens` (a browser's customer cookies) is live for `orderId`: the
 * session is per order, so proving any parcel of it, or its page, counts. Null when none is.
 */
export async function findSessionForOrder(db: Kysely<Database>, tokens: readonly string[], orderId: number, now: number): Promise<{ expiresAt: number } | null> {
  if (tokens.length === 0) return null;
  const row = await db
    .selectFrom('customer_sessions')
    .select('expires_at')
    .where('token_hash', 'in', tokens.map(hashSessionToken))
    .where('order_id', '=', orderId)
    .where('expires_at', '>', now)
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
  return row ? { expiresAt: row.expires_at } : null;
}
