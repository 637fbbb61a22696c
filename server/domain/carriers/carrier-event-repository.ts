import type { Insertable, Kysely, QueryResult, Selectable } from 'kysely';
import type { Database, ShipmentTable, TrackingEventTable } from '../../db/schema';
import { reusableQuery } from '../../db/reusable-query';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import { isPublicTimeline } from '../../../shared/tracking/stored-timeline-schema';
import { parseJsonColumnAs } from '../../db/json-column';
import type { Shipment } from '../tracking/shipment-repository';

/** Rows per INSERT: well below both databases' bound-parameter limits at ~18 columns. */
const ROWS_PER_INSERT = 100;
/** Tracking numbers per read. */
const ROWS_PER_READ = 500;

/** What a push needs of a parcel: its state, its timeline and the carrier it is with. */
export type CarrierPushTarget = Pick<Shipment, 'id' | 'version' | 'status' | 'subStatus' | 'deliveredAt' | 'arrivedAt' | 'timeline' | 'leg'>;

/**
 * The batch's parcels in one read, with the carrier each is with (null: own courier or not
 * handed over). Only the columns a push uses: the instructions, attempt choice and pickup place
 * a full Shipment parses are of no use here and cost as much as the rest of the read.
 */
export async function findShipmentsWithCarrier(db: Kysely<Database>, trackingNos: readonly string[]): Promise<Map<string, { shipment: CarrierPushTarget; carrierCode: string | null }>> {
  const found = new Map<string, { shipment: CarrierPushTarget; carrierCode: string | null }>();
  const unique = [...new Set(trackingNos)];
  for (let i = 0; i < unique.length; i += ROWS_PER_READ) {
    const chunk = unique.slice(i, i + ROWS_PER_READ);
    const { rows } = await readFor(chunk.length)(db, ...chunk);
    for (const r of rows) {
      found.set(r.tracking_no, {
        shipment: {
          id: r.id,
          version: r.version,
          status: r.status as TrackingStatus,
          subStatus: r.sub_status,
          deliveredAt: r.delivered_at,
          arrivedAt: r.arrived_at,
          timeline: parseJsonColumnAs(isPublicTimeline, r.public_timeline, `shipments.public_timeline of ${r.tracking_no}`),
          leg: r.leg === 'return' ? 'return' : 'delivery',
        },
        carrierCode: r.carrier_code,
      });
    }
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
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const args = new Array<unknown>(chunk.length * EVENT_COLUMNS.length);
    let k = 0;
    for (const row of chunk) for (const column of EVENT_COLUMNS) args[k++] = row[column] ?? null;
    const done = await insertFor(chunk.length)(db, ...args);
    for (const r of done.rows) if (r.carrier_event_id) inserted.add(r.carrier_event_id);
  }
  return inserted;
}

const PUSH_TARGET_COLUMNS = ['id', 'tracking_no', 'version', 'status', 'sub_status', 'delivered_at', 'arrived_at', 'public_timeline', 'leg', 'carrier_code'] as const;
type PushTargetRow = Pick<Selectable<ShipmentTable>, (typeof PUSH_TARGET_COLUMNS)[number]>;
type ReadRun = (db: Kysely<Database>, ...trackingNos: string[]) => Promise<QueryResult<PushTargetRow>>;
// Compiled once per count of tracking numbers, as the inserts below.
const readsByCount = new Map<number, ReadRun>();
function readFor(count: number): ReadRun {
  let run = readsByCount.get(count);
  if (!run) {
    run = reusableQuery<PushTargetRow, string[]>(count, (d, p) => d.selectFrom('shipments').select(PUSH_TARGET_COLUMNS).where('tracking_no', 'in', p));
    readsByCount.set(count, run);
  }
  return run;
}

const EVENT_COLUMNS = [
  'shipment_id', 'status', 'sub_status', 'occurred_at', 'recorded_at', 'province', 'city', 'reason_code',
  'actor_type', 'actor_id', 'note', 'recipient_name', 'photo_id', 'carrier_code', 'carrier_event_id',
] as const;

type InsertRun = (db: Kysely<Database>, ...args: unknown[]) => Promise<QueryResult<{ carrier_event_id: string | null }>>;
// Compiled once per row count (Kysely would otherwise rebuild a 100-row insert on every push).
const insertsByRowCount = new Map<number, InsertRun>();
function insertFor(rowCount: number): InsertRun {
  let run = insertsByRowCount.get(rowCount);
  if (!run) {
    run = reusableQuery<{ carrier_event_id: string | null }, unknown[]>(rowCount * EVENT_COLUMNS.length, (d, p) =>
      d
        .insertInto('tracking_events')
        .values(Array.from({ length: rowCount }, (_, r) => Object.fromEntries(EVENT_COLUMNS.map((c, k) => [c, p[r * EVENT_COLUMNS.length + k]]))) as never)
        .onConflict((oc) => oc.columns(['carrier_code', 'carrier_event_id']).doNothing())
        .returning('carrier_event_id'),
    );
    insertsByRowCount.set(rowCount, run);
  }
  return run;
}
