import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** How long a shop may retry with the same Idempotency-Key and get the first answer (Stripe keeps 24 h too). */
export const IDEMPOTENCY_KEY_RETENTION_MS = 24 * 3_600_000;

export interface IdempotencyRecord {
  id: number;
  requestHash: string;
  state: 'in_flight' | 'done';
  responseStatus: number | null;
  responseBody: string | null;
  createdAt: number;
}

/**
 * Takes the key for one request: its row's id, or null when a row for the key already exists.
 * The unique (api_key_id, idempotency_key) constraint decides between two requests racing for
 * one key, on SQLite and on PostgreSQL with several app instances alike.
 */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  claim: { apiKeyId: number; key: string; method: string; path: string; requestHash: string; at: number },
): Promise<number | null> {
  const row = await db
    .insertInto('idempotency_keys')
    .values({
      api_key_id: claim.apiKeyId,
      idempotency_key: claim.key,
      request_method: claim.method,
      request_path: claim.path,
      request_hash: claim.requestHash,
      state: 'in_flight',
      created_at: claim.at,
    })
    .onConflict((oc) => oc.columns(['api_key_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findIdempotencyRecord(db: Kysely<Database>, apiKeyId: number, key: string): Promise<IdempotencyRecord | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['id', 'request_hash', 'state', 'response_status', 'response_body', 'created_at'])
    .where('api_key_id', '=', apiKeyId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    requestHash: row.request_hash,
    state: row.state,
    responseStatus: row.response_status,
    responseBody: row.response_body,
    createdAt: Number(row.created_at),
  };
}

/** Keeps the answer the first request got, for every retry of it. */
export async function completeIdempotencyKey(db: Kysely<Database>, id: number, answer: { status: number; body: string; at: number }): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ state: 'done', response_status: answer.status, response_body: answer.body, completed_at: answer.at })
    .where('id', '=', id)
    .execute();
}

/** Frees a key (the first request failed on our side, or the row outlived its retention) so it can be used again. */
export async function deleteIdempotencyRecord(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('id', '=', id).execute();
}

/**
 * Forgets keys older than the retention (answered or abandoned in flight by a process that
 * died). For a periodic job; returns how many went.
 */
export async function deleteExpiredIdempotencyKeys(db: Kysely<Database>, now: number): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', now - IDEMPOTENCY_KEY_RETENTION_MS).executeTakeFirst();
  return Number(result.numDeletedRows);
}
