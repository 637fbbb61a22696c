import type { CompiledQuery, Kysely, Selectable } from 'kysely';
import type { Database, ShipmentTable } from '../../db/schema';

/**
 * The tracking view is the hottest read in the product (every open page, every refresh, every
 * SMS link), so it is one indexed point read of the shipment row, whose `public_timeline`
 * already holds the events as served. The statement is compiled once per database and reused
 * with the tracking number swapped in, which spares Kysely rebuilding the same SQL each time.
 */
export type PublicTrackingRecord = Pick<
  Selectable<ShipmentTable>,
  | 'tracking_no'
  | 'status'
  | 'sub_status'
  | 'origin_province'
  | 'origin_city'
  | 'destination_province'
  | 'destination_city'
  | 'promised_by'
  | 'delivered_at'
  | 'arrived_at'
  | 'public_timeline'
>;

const PLACEHOLDER = '\u0000tracking_no\u0000';
const compiledByDb = new WeakMap<Kysely<Database>, CompiledQuery<PublicTrackingRecord>>();

function compile(db: Kysely<Database>): CompiledQuery<PublicTrackingRecord> {
  return db
    .selectFrom('shipments')
    .select([
      'tracking_no',
      'status',
      'sub_status',
      'origin_province',
      'origin_city',
      'destination_province',
      'destination_city',
      'promised_by',
      'delivered_at',
      'arrived_at',
      'public_timeline',
    ])
    .where('tracking_no', '=', PLACEHOLDER)
    .compile();
}

export async function findPublicTrackingRecord(db: Kysely<Database>, trackingNo: string): Promise<PublicTrackingRecord | null> {
  let compiled = compiledByDb.get(db);
  if (!compiled) {
    compiled = compile(db);
    compiledByDb.set(db, compiled);
  }
  const parameters = compiled.parameters.map((p) => (p === PLACEHOLDER ? trackingNo : p));
  const { rows } = await db.executeQuery<PublicTrackingRecord>({ ...compiled, parameters });
  return rows[0] ?? null;
}
