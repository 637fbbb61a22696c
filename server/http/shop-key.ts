import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { authenticateApiKey } from '../domain/api-keys/api-key-service';
import { errorJson } from './error-handler';
import type { ShopEnv } from './shop-env';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

// RFC 6750 §3: a 401 names the scheme it wants.
function refuse(c: Context, code: string, message: string) {
  c.header('WWW-Authenticate', 'Bearer realm="shop"');
  return errorJson(c, 401, code, message);
}

/**
 * The `/api/shop` guard: a live API key in `Authorization: Bearer …`, put in `c.var.apiKey`.
 * Only the header counts. A session cookie (a courier's, staff's or a customer's) is not a
 * key: the shop API is for a shop's servers, and a browser that happens to be signed in must
 * not be able to create orders through it.
 */
export function requireShopKey(db: Kysely<Database>, clock: () => number): MiddlewareHandler<ShopEnv> {
  return async (c, next) => {
    const presented = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    if (!presented) return refuse(c, 'api_key_required', 'Send the shop API key as Authorization: Bearer <key>');
    const key = await authenticateApiKey(db, presented, clock());
    if (!key) return refuse(c, 'api_key_invalid', 'This API key is unknown or has been revoked');
    c.set('apiKey', { id: key.id, name: key.name, scopes: key.scopes });
    await next();
  };
}
