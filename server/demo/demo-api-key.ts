import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { API_KEY_MARKER, hashApiKey } from '../domain/api-keys/api-key-secret';

/**
 * The demo's shop API key. A real key is random and shown once; the demo's is fixed, like the
 * demo passwords, so `npm start` can print it every time for the curl walk-through. It exists
 * only in a database the demo filled.
 */
export const DEMO_API_KEY = `${API_KEY_MARKER}DoorstepDemo0000000000000000Shop`;
export const DEMO_API_KEY_NAME = '演示商城 Demo storefront';

export async function ensureDemoApiKey(db: Kysely<Database>, now: number): Promise<void> {
  await db
    .insertInto('api_keys')
    .values({ name: DEMO_API_KEY_NAME, key_prefix: DEMO_API_KEY.slice(0, API_KEY_MARKER.length + 4), key_hash: hashApiKey(DEMO_API_KEY), scopes: '["shop"]', created_by: null, created_at: now, last_used_at: null, revoked_at: null, revoked_by: null })
    .onConflict((oc) => oc.column('key_hash').doNothing())
    .execute();
}
