import { sql, type Kysely, type Selectable } from 'kysely';
import type { DeliveryInstructions } from '../../../shared/courier/manifest';
import type { ShipmentLeg } from '../../../shared/tracking/shipment-state-machine';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import { heldSqliteConnection } from '../../db/held-sqlite-connection';
import { reusableQuery, type ReusableQuery } from '../../db/reusable-query';
import { parseJsonColumn, parseJsonColumnAs } from '../../db/json-column';
import { storedAttemptChoiceSchema } from '../../../shared/api/attempt-choice';
import { deliveryInstructionsSchema } from '../../../shared/api/delivery-instructions';
import type { AttemptChoice } from '../../../shared/tracking/attempt-choices';
import type { PublicTrackingEvent } from '../../../shared/api/tracking-view';
import { isPublicTimeline } from '../../../shared/tracking/stored-timeline-schema';
import type { Database, ShipmentTable } from '../../db/schema';

export interface Shipment {
  id: number;
  trackingNo: string;
  orderId: number;
  courierId: number | null;
  status: TrackingStatus;
  subStatus: string;
  version: number;
  origin: { province: string; city: string };
  destination: { province: string; city: string };
  promisedBy: number | null;
  deliveredAt: number | null;
  arrivedAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** The public timeline, newest first (see ShipmentTable.public_timeline). */
  timeline: PublicTrackingEvent[];
  deliveryInstructions: DeliveryInstructions | null;
  /** The customer's choice after the last failed attempt, while it stands (see parseAttemptChoice). */
  attemptChoice: AttemptChoice | null;
  leg: ShipmentLeg;
  /** For a return leg: the return request it carries. */
  returnId: number | null;
}

export function toShipment(row: Selectable<ShipmentTable>): Shipment {
  return {
    id: row.id,
    trackingNo: row.tracking_no,
    orderId: row.order_id,
    courierId: row.courier_id,
    status: row.status as TrackingStatus,
    subStatus: row.sub_status,
    version: row.version,
    origin: { province: row.origin_province, city: row.origin_city },
    destination: { province: row.destination_province, city: row.destination_city },
    promisedBy: row.promised_by,
    deliveredAt: row.delivered_at,
    arrivedAt: row.arrived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    timeline: parseJsonColumnAs(isPublicTimeline, row.public_timeline, `shipments.public_timeline of ${row.tracking_no}`),
    deliveryInstructions: parseDeliveryInstructions(row.delivery_instructions, row.tracking_no),
    attemptChoice: parseAttemptChoice(row.attempt_choice, row.status, row.tracking_no),
    leg: row.leg === 'return' ? 'return' : 'delivery',
    returnId: row.return_id,
  };
}

/** The one reading of the delivery-instructions column, also for queries that join it into a wider row (the manifest). */
export function parseDeliveryInstructions(text: string | null, trackingNo: string): DeliveryInstructions | null {
  return text === null ? null : parseJsonColumn(deliveryInstructionsSchema, text, `shipments.delivery_instructions of ${trackingNo}`);
}

/** A choice stands until the next attempt: after another failure it is old news, and the customer chooses again. */
export function parseAttemptChoice(text: string | null, status: string, trackingNo: string): AttemptChoice | null {
  return text === null || status === 'AttemptFail' ? null : parseJsonColumn(storedAttemptChoiceSchema, text, `shipments.attempt_choice of ${trackingNo}`);
}

export async function findShipmentByTrackingNo(db: Kysely<Database>, trackingNo: string): Promise<Shipment | null> {
  const row = await db.selectFrom('shipments').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirst();
  return row ? toShipment(row) : null;
}

export async function findShipmentById(db: Kysely<Database>, id: number): Promise<Shipment> {
  return toShipment(await db.selectFrom('shipments').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

/** The parcels sent to the customer for an order, first sent first (return legs are not among them). */
export async function findDeliveryShipmentsOfOrder(db: Kysely<Database>, orderId: number): Promise<Shipment[]> {
  const rows = await db.selectFrom('shipments').selectAll().where('order_id', '=', orderId).where('leg', '=', 'delivery').orderBy('id').execute();
  return rows.map(toShipment);
}

/** The shipment with this id, or null when there is none (a return leg not booked yet, say). */
export async function findShipmentByIdIfAny(db: Kysely<Database>, id: number): Promise<Shipment | null> {
  const row = await db.selectFrom('shipments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toShipment(row) : null;
}

export interface ShipmentStatusChange {
  status: TrackingStatus;
  subStatus: string;
  deliveredAt: number | null;
  arrivedAt: number | null;
  updatedAt: number;
  timeline: readonly PublicTrackingEvent[];
}

type GuardedUpdateArgs = [string, string, number | null, number | null, number, string, number, number, number];
const updateGuarded = reusableQuery<unknown, GuardedUpdateArgs>(
  9,
  (db, p) =>
    db
      .updateTable('shipments')
      .set({ status: p[0]!, sub_status: p[1]!, delivered_at: p[2]!, arrived_at: p[3]!, updated_at: p[4]!, public_timeline: p[5]!, version: p[6]! })
      .where('id', '=', p[7]!)
      .where('version', '=', p[8]!),
);

/**
 * Applies a status change only if nobody else changed the shipment since it was read
 * (optimistic lock on `version`); returns false when someone did. `nextVersion` is one more
 * than the version read, or more when a courier's batch applied several reports to it.
 */
export async function updateShipmentStatus(
  db: Kysely<Database>,
  shipment: Pick<Shipment, 'id' | 'version'>,
  change: ShipmentStatusChange,
  nextVersion = shipment.version + 1,
): Promise<boolean> {
  const result = await updateGuarded(db, ...guardedUpdateArgs(shipment, change, nextVersion));
  return Number(result.numAffectedRows ?? 0) === 1;
}

/** updateGuarded's values, in its order; the multi-row statement takes each row in the same order. */
function guardedUpdateArgs(shipment: Pick<Shipment, 'id' | 'version'>, change: ShipmentStatusChange, nextVersion = shipment.version + 1): GuardedUpdateArgs {
  const { status, subStatus, deliveredAt, arrivedAt, updatedAt, timeline } = change;
  return [status, subStatus, deliveredAt, arrivedAt, updatedAt, JSON.stringify(timeline), nextVersion, shipment.id, shipment.version];
}

/** Rows per batched update: 9 parameters each, far below both databases' limits. */
const ROWS_PER_UPDATE = 100;

/**
 * updateShipmentStatus for many parcels in one statement per hundred (a carrier's push, a
 * courier's batch): each row still guarded by the version it was read at. Returns how many
 * rows were changed; fewer than asked means someone else moved one of them meanwhile, and the
 * caller rolls back.
 * Written in SQL both engines take (a VALUES list named by a CTE, UPDATE … FROM, every value
 * cast so PostgreSQL knows its type).
 */
export async function updateShipmentStatuses(
  db: Kysely<Database>,
  /** `nextVersion` as for updateShipmentStatus: one more than read unless given. */
  updates: ReadonlyArray<{ shipment: Pick<Shipment, 'id' | 'version'>; change: ShipmentStatusChange; nextVersion?: number }>,
): Promise<number> {
  // On a transaction's held SQLite connection one-row statements run synchronously, cheaper
  // per row than SQLite's joined UPDATE; elsewhere one statement per hundred saves the round trips.
  if (heldSqliteConnection(db)) {
    return updateGuarded.forEach(db, updates.map((u) => guardedUpdateArgs(u.shipment, u.change, u.nextVersion)));
  }
  let changed = 0;
  for (let i = 0; i < updates.length; i += ROWS_PER_UPDATE) {
    const chunk = updates.slice(i, i + ROWS_PER_UPDATE);
    const result = await statusUpdateFor(chunk.length)(db, ...chunk.flatMap((u) => guardedUpdateArgs(u.shipment, u.change, u.nextVersion)));
    changed += Number(result.numAffectedRows ?? 0);
  }
  return changed;
}

// Compiled once per row count: rebuilding a hundred-row statement costs more than running it.
const statusUpdatesByRowCount = new Map<number, ReusableQuery<unknown, unknown[]>>();
function statusUpdateFor(rowCount: number): ReusableQuery<unknown, unknown[]> {
  let run = statusUpdatesByRowCount.get(rowCount);
  if (!run) {
    run = reusableQuery<unknown, unknown[]>(rowCount * 9, (d, p) => {
      const rows = Array.from(
        { length: rowCount },
        (_, r) =>
          sql`(cast(${p[r * 9]} as text), cast(${p[r * 9 + 1]} as text), cast(${p[r * 9 + 2]} as bigint), cast(${p[r * 9 + 3]} as bigint),
          cast(${p[r * 9 + 4]} as bigint), cast(${p[r * 9 + 5]} as text), cast(${p[r * 9 + 6]} as integer),
          cast(${p[r * 9 + 7]} as bigint), cast(${p[r * 9 + 8]} as integer))`,
      );
      const update = sql`
      with v(status, sub_status, delivered_at, arrived_at, updated_at, public_timeline, next_version, id, version) as (values ${sql.join(rows)})
      update shipments set status = v.status, sub_status = v.sub_status, delivered_at = v.delivered_at, arrived_at = v.arrived_at,
        updated_at = v.updated_at, public_timeline = v.public_timeline, version = v.next_version
      from v where shipments.id = v.id and shipments.version = v.version`;
      return { compile: () => update.compile(d) };
    });
    statusUpdatesByRowCount.set(rowCount, run);
  }
  return run;
}

/** Where the parcel now waits for collection (JSON PickupPlace, never the code); the version stays, as the status change bumped it. */
export async function saveShipmentPickupPlace(db: Kysely<Database>, shipmentId: number, place: string): Promise<void> {
  await db.updateTable('shipments').set({ pickup_place: place }).where('id', '=', shipmentId).execute();
}

/**
 * A new parcel for the same order and address as `original` (a lost parcel sent again), not
 * yet on its way; the lead time it promised is kept, counted from `now`.
 */
export async function insertResentShipment(db: Kysely<Database>, originalId: number, trackingNo: string, now: number): Promise<Shipment> {
  const original = await db.selectFrom('shipments').selectAll().where('id', '=', originalId).executeTakeFirstOrThrow();
  const { leg: _leg, return_id: _returnId, id: _id, public_timeline: _timeline, ...copy } = original;
  const row = await db
    .insertInto('shipments')
    .values({
      ...copy,
      tracking_no: trackingNo,
      status: 'Pending',
      sub_status: 'Pending_001',
      version: 1,
      promised_by: original.promised_by === null ? null : now + Math.max(0, original.promised_by - original.created_at),
      delivered_at: null,
      arrived_at: null,
      route_position: null,
      created_at: now,
      updated_at: now,
      leg: 'delivery',
      return_id: null,
      pickup_place: null,
      // A new box: not weighed, packed or handed over yet, and no carrier's events may touch it
      // until it is handed over again.
      weight_grams: null,
      packed_by: null,
      carrier_code: null,
      handed_over_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toShipment(row);
}

/**
 * The courier leg of a pickup return, from the customer back to the shop: a new shipment, not
 * yet booked (the caller applies its first event), promised by the end of the pickup slot.
 */
export async function insertReturnLeg(
  db: Kysely<Database>,
  leg: Pick<Shipment, 'trackingNo' | 'orderId' | 'courierId' | 'origin' | 'destination' | 'promisedBy' | 'createdAt'> & { returnId: number },
): Promise<Shipment> {
  const row = await db
    .insertInto('shipments')
    .values({
      tracking_no: leg.trackingNo,
      order_id: leg.orderId,
      courier_id: leg.courierId,
      status: 'Pending',
      sub_status: 'Pending_001',
      version: 1,
      origin_province: leg.origin.province,
      origin_city: leg.origin.city,
      destination_province: leg.destination.province,
      destination_city: leg.destination.city,
      promised_by: leg.promisedBy,
      delivered_at: null,
      created_at: leg.createdAt,
      updated_at: leg.createdAt,
      route_position: null,
      arrived_at: null,
      delivery_instructions: null,
      leg: 'return',
      return_id: leg.returnId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toShipment(row);
}

/** What the customer asked of the courier; not a status change, so the version stays. */
/** The customer's choice, and the instructions that go with it, beside the event that records it. */
export async function saveAttemptChoice(db: Kysely<Database>, shipmentId: number, choice: AttemptChoice, instructions: DeliveryInstructions | null, now: number): Promise<void> {
  await db
    .updateTable('shipments')
    .set({ attempt_choice: JSON.stringify(choice), delivery_instructions: instructions === null ? null : JSON.stringify(instructions), updated_at: now })
    .where('id', '=', shipmentId)
    .execute();
}

export async function saveShipmentInstructions(db: Kysely<Database>, shipmentId: number, instructions: DeliveryInstructions | null, now: number): Promise<void> {
  await db
    .updateTable('shipments')
    .set({ delivery_instructions: instructions === null ? null : JSON.stringify(instructions), updated_at: now })
    .where('id', '=', shipmentId)
    .execute();
}

/**
 * Gives the shipment to another courier, with no route position yet, under the optimistic lock
 * (the version moves on, so the old courier's phone sees it gone). Returns false when someone
 * changed the shipment since it was read.
 */
export async function reassignShipmentCourier(db: Kysely<Database>, shipment: Pick<Shipment, 'id' | 'version'>, courierId: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable('shipments')
    .set({ courier_id: courierId, route_position: null, version: shipment.version + 1, updated_at: now })
    .where('id', '=', shipment.id)
    .where('version', '=', shipment.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Takes the shipment off its courier's round, as part of a change that already moved its version
 * to `shipment.version` (so the version stays); nothing happens if it moved on since.
 */
export async function releaseShipmentFromCourier(db: Kysely<Database>, shipment: Pick<Shipment, 'id' | 'version'>): Promise<void> {
  await db.updateTable('shipments').set({ courier_id: null, route_position: null }).where('id', '=', shipment.id).where('version', '=', shipment.version).execute();
}
