import type { Kysely } from 'kysely';
import type { SyncResult } from '../../../shared/courier/courier-report';
import { reusableReadByKeys } from '../../db/reusable-query';
import type { Database } from '../../db/schema';

/** What the server answered a report it has seen, kept so a resend gets the same answer. */
export interface StoredReport {
  bodyHash: string;
  courierId: number;
  outcome: SyncResult['outcome'];
  code: string;
  message: string;
  shipmentVersion: number | null;
}

// Read for every sync batch, with up to a few hundred ids: compiled once per count of ids.
const readReports = reusableReadByKeys((db, ids) =>
  db.selectFrom('courier_reports').select(['id', 'body_hash', 'courier_id', 'outcome', 'code', 'message', 'shipment_version']).where('id', 'in', ids),
);

export async function findStoredReports(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, StoredReport>> {
  if (ids.length === 0) return new Map();
  const rows = await readReports(db, ids);
  return new Map(
    rows.map((r) => [
      r.id,
      { bodyHash: r.body_hash, courierId: r.courier_id, outcome: r.outcome as SyncResult['outcome'], code: r.code, message: r.message, shipmentVersion: r.shipment_version },
    ]),
  );
}
