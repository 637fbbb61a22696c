import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { SettingKey, SettingsHistory, SettingsView, settingsUpdateRequestSchema } from '../../../shared/api/ops-desk';
import type { SessionUser } from '../../../shared/courier/manifest';
import type { ReturnPolicy } from '../../../shared/returns/return-policy';
import type { Database } from '../../db/schema';
import { loadReturnPolicy, saveReturnPolicy } from './return-policy-repository';
import { insertSettingsChanges, listSettingsChanges } from './settings-change-repository';
import { latestSettingsUpdate, loadProofRequirements, saveProofRequirements, type ProofRequirements } from './settings-repository';

type ValidUpdate = z.output<typeof settingsUpdateRequestSchema>;

/** Both settings as they apply now (over the defaults), with the latest change to either. */
export async function loadSettingsView(db: Kysely<Database>): Promise<SettingsView> {
  const [returnPolicy, proofOfDelivery, latest] = await Promise.all([
    loadReturnPolicy(db),
    loadProofRequirements(db),
    latestSettingsUpdate(db, ['return_policy', 'proof_of_delivery']),
  ]);
  return { returnPolicy, proofOfDelivery, updatedAt: latest?.at ?? null, updatedBy: latest?.by ?? null };
}

/** Same JSON after a round trip through the key order the schema gives: a real change or not. */
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves what changed, in one transaction with a settings_changes row per changed setting (the
 * whole value it took, who, when). The services read settings per request, so the next return
 * quote or courier manifest follows at once. Saving the same values again records nothing.
 */
export async function updateSettings(db: Kysely<Database>, update: ValidUpdate, staff: SessionUser, now: number): Promise<SettingsView> {
  await db.transaction().execute(async (trx) => {
    const [policy, proof] = await Promise.all([loadReturnPolicy(trx), loadProofRequirements(trx)]);
    const by = { at: now, who: staff.name };
    const changed: Array<{ key: SettingKey; value: unknown }> = [];
    const returnPolicy: ReturnPolicy = {
      noReasonDays: update.returnPolicy.noReasonDays,
      qualityDays: update.returnPolicy.qualityDays,
      shopExclusions: update.returnPolicy.shopExclusions.map((e) => ({ category: e.category, when: e.when })),
      returnShippingFeeFen: update.returnPolicy.returnShippingFeeFen,
      autoApproveLimitFen: update.returnPolicy.autoApproveLimitFen,
    };
    const proofOfDelivery: ProofRequirements = {
      photo: update.proofOfDelivery.photo,
      recipientName: update.proofOfDelivery.recipientName,
      signature: update.proofOfDelivery.signature,
    };
    const current: ReturnPolicy = {
      noReasonDays: policy.noReasonDays,
      qualityDays: policy.qualityDays,
      shopExclusions: policy.shopExclusions.map((e) => ({ category: e.category, when: e.when })),
      returnShippingFeeFen: policy.returnShippingFeeFen,
      autoApproveLimitFen: policy.autoApproveLimitFen,
    };
    if (!sameValue(current, returnPolicy)) {
      await saveReturnPolicy(trx, returnPolicy, by);
      changed.push({ key: 'return_policy', value: returnPolicy });
    }
    if (!sameValue({ photo: proof.photo, recipientName: proof.recipientName, signature: proof.signature }, proofOfDelivery)) {
      await saveProofRequirements(trx, proofOfDelivery, by);
      changed.push({ key: 'proof_of_delivery', value: proofOfDelivery });
    }
    await insertSettingsChanges(trx, changed, { staffId: staff.id, at: now });
  });
  return loadSettingsView(db);
}

/** Changes newest first, with the name of who made each. */
export async function loadSettingsHistory(db: Kysely<Database>, filter: { key?: SettingKey; limit: number }): Promise<SettingsHistory> {
  return { changes: await listSettingsChanges(db, filter) };
}
