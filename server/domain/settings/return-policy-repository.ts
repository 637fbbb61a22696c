import type { Kysely } from 'kysely';
import { DEFAULT_RETURN_POLICY, type ReturnPolicy } from '../../../shared/returns/return-policy';
import type { Database } from '../../db/schema';
import { parseJsonColumnOver } from '../../db/json-column';
import { returnPolicySchema } from '../../../shared/api/ops-desk';

const KEY = 'return_policy';

/** The shop's return rules as set by ops, over the defaults; read per request, so a change applies at once. */
export async function loadReturnPolicy(db: Kysely<Database>): Promise<ReturnPolicy> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return row ? parseJsonColumnOver(returnPolicySchema, DEFAULT_RETURN_POLICY, row.value, 'settings.return_policy') : DEFAULT_RETURN_POLICY;
}

export async function saveReturnPolicy(db: Kysely<Database>, policy: ReturnPolicy, by: { at: number; who: string }): Promise<void> {
  const value = JSON.stringify(policy);
  await db
    .insertInto('settings')
    .values({ key: KEY, value, updated_at: by.at, updated_by: by.who })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: by.at, updated_by: by.who }))
    .execute();
}
