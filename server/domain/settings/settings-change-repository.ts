import type { Kysely } from 'kysely';
import { proofOfDeliverySchema, returnPolicySchema, type SettingKey, type SettingsChangeView } from '../../../shared/api/ops-desk';
import { parseJsonColumn } from '../../db/json-column';
import type { Database } from '../../db/schema';

const changeValueSchema = { return_policy: returnPolicySchema, proof_of_delivery: proofOfDeliverySchema } as const;

/** Records what each changed setting became, by whom: the settings page's history. */
export async function insertSettingsChanges(db: Kysely<Database>, changes: readonly { key: SettingKey; value: unknown }[], by: { staffId: number; at: number }): Promise<void> {
  if (changes.length === 0) return;
  await db
    .insertInto('settings_changes')
    .values(changes.map((c) => ({ key: c.key, value: JSON.stringify(c.value), changed_by: by.staffId, changed_at: by.at })))
    .execute();
}

/** Changes newest first, with the name of who made each. */
export async function listSettingsChanges(db: Kysely<Database>, filter: { key?: SettingKey; limit: number }): Promise<SettingsChangeView[]> {
  const rows = await db
    .selectFrom('settings_changes as c')
    .innerJoin('staff as s', 's.id', 'c.changed_by')
    .select(['c.id', 'c.key', 'c.value', 'c.changed_at', 's.name'])
    .$if(filter.key !== undefined, (q) => q.where('c.key', '=', filter.key!))
    .orderBy('c.changed_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((r) => {
    const key = r.key as SettingKey;
    return { key, value: parseJsonColumn(changeValueSchema[key], r.value, `settings_changes.value #${r.id}`), changedBy: r.name, changedAt: Number(r.changed_at) };
  });
}
