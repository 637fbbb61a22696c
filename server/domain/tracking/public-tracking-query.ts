import type { Kysely, Selectable } from 'kysely';
import { reusableQuery } from '../../db/reusable-query';
import type { Database, ShipmentTable } from '../../db/schema';

/**
 * The tracking view is the hottest read in the product (every open page, every refresh, every
 * SMS link), so it is one indexed point read of the shipment row, whose `public_timeline`
 * already holds the events as served, through a statement compiled once (reusableQuery).
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
  | 'pickup_place'
>;

const selectPublicRecord = reusableQuery<PublicTrackingRecord, [string]>(1, (db, [trackingNo]) =>
  db
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
      'pickup_place',
    ])
    .where('tracking_no', '=', trackingNo!),
);

export async function findPublicTrackingRecord(db: Kysely<Database>, trackingNo: string): Promise<PublicTrackingRecord | null> {
  const { rows } = await selectPublicRecord(db, trackingNo);
  return rows[0] ?? null;
}
