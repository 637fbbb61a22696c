import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * The demo's shop API key. A real key is random and shown once; the demo's is fixed, like the
 * demo passwords, so `npm start` can print it every time for the curl walk-through. It exists
 * only in a database the demo filled.
 */
export const DEMO_API_KEY = 'dsk_demo_doorstep0000000000000000shop';
export const DEMO_API_KEY_NAME = '演示商城 Demo storefront';

export async function ensureDemoApiKey(db: Kysely<Database>, now: number): Promise<void> {
  const keyHash = createHash('sha256').update(DEMO_API_KEY).digest('hex');
  await db
    .insertInto('api_keys')
    .values({ name: DEMO_API_KEY_NAME, key_prefix: DEMO_API_KEY.slice(0, 12), key_hash: keyHash, scopes: '["shop"]', created_by: null, created_at: now, last_used_at: null, revoked_at: null, revoked_by: null })
    .onConflict((oc) => oc.column('key_hash').doNothing())
    .execute();
}
