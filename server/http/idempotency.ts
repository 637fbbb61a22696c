import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Kysely } from 'kysely';
import { AppError, badRequest, unprocessable } from '../app-error';
import type { Database } from '../db/schema';
import {
  IDEMPOTENCY_KEY_RETENTION_MS,
  claimIdempotencyKey,
  completeIdempotencyKey,
  deleteIdempotencyRecord,
  findIdempotencyRecord,
  type IdempotencyRecord,
} from '../domain/idempotency/idempotency-repository';
import type { ShopEnv } from './shop-env';

const MAX_KEY_LENGTH = 255;
// A claim can find no row (the first request failed and freed the key just then) or an expired
// one; a few rounds settle either. More would mean something keeps freeing the key: answer 409.
const CLAIM_ROUNDS = 3;

function idempotencyKeyOf(header: string | undefined): string {
  if (header === undefined) {
    throw badRequest('idempotency_key_required', 'Send an Idempotency-Key header with every POST: a new unique value per operation, the same one when retrying it');
  }
  // The IETF draft writes the key as a structured-field string ("…"); most clients send it bare. Both name one key.
  const key = /^"(.*)"$/.exec(header)?.[1] ?? header;
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x20-\x7e]+$/.test(key)) {
    throw badRequest('idempotency_key_invalid', `The Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} printable ASCII characters`);
  }
  return key;
}

/** What makes two requests "the same": method, path with query, and the body byte for byte. */
function fingerprint(method: string, url: string, body: ArrayBuffer): string {
  const { pathname, search } = new URL(url);
  return createHash('sha256').update(`${method}\n${pathname}${search}\n`).update(new Uint8Array(body)).digest('hex');
}

function replay(c: Context, record: IdempotencyRecord): Response {
  c.header('Idempotent-Replayed', 'true');
  const status = record.responseStatus as ContentfulStatusCode;
  // Stored answers are the shop API's JSON (or empty, for a body-less status).
  if (!record.responseBody) return c.body(null, status);
  return c.body(record.responseBody, status, { 'Content-Type': 'application/json' });
}

/**
 * `Idempotency-Key` for every POST under `/api/shop` (IETF draft-ietf-httpapi-idempotency-key-header),
 * mounted after the key guard: keys are per API key. The first request with a key runs and its
 * answer is kept; a retry with the same request gets that answer again (`Idempotent-Replayed:
 * true`) without running anything; the same key with another request is a client bug (422);
 * a retry while the first still runs waits its turn (409). An answer of ours that failed (5xx
 * or thrown) is not kept, so the retry runs for real; a 4xx is kept, since it is the answer.
 */
export function idempotentPosts(db: Kysely<Database>, clock: () => number): MiddlewareHandler<ShopEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const key = idempotencyKeyOf(c.req.header('idempotency-key'));
    // Hono caches the body it reads, so the zod validator after this parses these same bytes.
    const requestHash = fingerprint(c.req.method, c.req.url, await c.req.arrayBuffer());
    const apiKeyId = c.var.apiKey.id;

    for (let round = 0; round < CLAIM_ROUNDS; round++) {
      const now = clock();
      const claimed = await claimIdempotencyKey(db, { apiKeyId, key, method: c.req.method, path: c.req.path, requestHash, at: now });
      if (claimed !== null) return runOnce(c, next, claimed);

      const existing = await findIdempotencyRecord(db, apiKeyId, key);
      if (!existing) continue;
      // Past its retention the key is new again, whether or not the cleanup job has run yet.
      if (existing.createdAt < now - IDEMPOTENCY_KEY_RETENTION_MS) {
        await deleteIdempotencyRecord(db, existing.id);
        continue;
      }
      if (existing.requestHash !== requestHash) {
        throw unprocessable('idempotency_key_reused', 'This Idempotency-Key was used for a different request; use a new key for a new operation');
      }
      if (existing.state === 'done') return replay(c, existing);
      break;
    }
    throw new AppError(409, 'idempotency_key_in_flight', 'The first request with this Idempotency-Key is still running; retry shortly', 1);
  };

  async function runOnce(c: Context<ShopEnv>, next: () => Promise<void>, id: number): Promise<void> {
    try {
      await next();
    } catch (error) {
      await deleteIdempotencyRecord(db, id);
      throw error;
    }
    // Hono's onError has already turned anything thrown below into c.res: a refusal (4xx) is
    // an answer to keep, a failure of ours (5xx) is not.
    if (c.res.status >= 500) {
      await deleteIdempotencyRecord(db, id);
      return;
    }
    await completeIdempotencyKey(db, id, { status: c.res.status, body: await c.res.clone().text(), at: clock() });
  }
}
