import type { Kysely } from 'kysely';
import type { CourierManifest } from '../../../shared/courier/manifest';
import type { Database } from '../../db/schema';
import { parseJsonColumnOver } from '../../db/json-column';
import { reusableQuery } from '../../db/reusable-query';
import { proofOfDeliverySchema } from '../../../shared/api/ops-desk';

export type ProofRequirements = CourierManifest['proofRequirements'];

/** What a delivered report must carry when the shop has set nothing: a photo and who took it. */
export const DEFAULT_PROOF_REQUIREMENTS: ProofRequirements = { photo: true, recipientName: true, signature: false };

// Compiled once: read by every courier batch.
const selectProofRequirements = reusableQuery<{ value: string }, []>(0, (db) => db.selectFrom('settings').select('value').where('key', '=', 'proof_of_delivery'));

export async function loadProofRequirements(db: Kysely<Database>): Promise<ProofRequirements> {
  const [row] = (await selectProofRequirements(db)).rows;
  return row ? parseJsonColumnOver(proofOfDeliverySchema, DEFAULT_PROOF_REQUIREMENTS, row.value, 'settings.proof_of_delivery') : DEFAULT_PROOF_REQUIREMENTS;
}

export async function saveProofRequirements(
  db: Kysely<Database>,
  value: ProofRequirements,
  by: { at: number; who: string },
): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'proof_of_delivery', value: JSON.stringify(value), updated_at: by.at, updated_by: by.who })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: by.at, updated_by: by.who }))
    .execute();
}

/** When any of `keys` was last saved, and by whom; null when none ever was. */
export async function latestSettingsUpdate(db: Kysely<Database>, keys: readonly string[]): Promise<{ at: number; by: string | null } | null> {
  const row = await db.selectFrom('settings').select(['updated_at', 'updated_by']).where('key', 'in', [...keys]).orderBy('updated_at', 'desc').limit(1).executeTakeFirst();
  return row ? { at: row.updated_at, by: row.updated_by } : null;
}
