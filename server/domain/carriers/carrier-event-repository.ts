import type { Insertable, Kysely } from 'kysely';
import type { Database, TrackingEventTable } from '../../db/schema';
import { toShipment, type Shipment } from '../tracking/shipment-repository';

/** Rows per INSERT: well below both databases' bound-parameter limits at ~18 columns. */
const ROWS_PER_INSERT = 100;

/** The batch's parcels in one read, with the carrier each is with (null: own courier or not handed over). */
export async function findShipmentsWithCarrier(db: Kysely<Database>, trackingNos: readonly string[]): Promise<Map<string, { shipment: Shipment; carrierCode: string | null }>> {
  const found = new Map<string, { shipment: Shipment; carrierCode: string | null }>();
  const unique = [...new Set(trackingNos)];
  for (let i = 0; i < unique.length; i += ROWS_PER_INSERT * 5) {
    const rows = await db.selectFrom('shipments').selectAll().where('tracking_no', 'in', unique.slice(i, i + ROWS_PER_INSERT * 5)).execute();
    for (const r of rows) found.set(r.tracking_no, { shipment: toShipment(r), carrierCode: r.carrier_code });
  }
  return found;
}

/**
 * Inserts carrier events, skipping any this carrier has sent before (the unique index on
 * carrier_code + carrier_event_id is the guard, inside the caller's transaction); returns the
 * carrier event ids actually inserted. A concurrent push of the same event waits on the index
 * and then skips it.
 */
export async function insertCarrierEventRows(db: Kysely<Database>, rows: Insertable<TrackingEventTable>[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const done = await db
      .insertInto('tracking_events')
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .onConflict((oc) => oc.columns(['carrier_code', 'carrier_event_id']).doNothing())
      .returning('carrier_event_id')
      .execute();
    for (const r of done) if (r.carrier_event_id) inserted.add(r.carrier_event_id);
  }
  return inserted;
}
