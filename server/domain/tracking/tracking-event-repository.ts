import type { Insertable, Kysely } from 'kysely';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import type { Database, TrackingEventTable } from '../../db/schema';
import { parseJsonColumn } from '../../db/json-column';
import type { VerifiedPickup } from '../../../shared/api/tracking-view';
import { storedPickupPlaceSchema } from '../../../shared/tracking/stored-pickup-place-schema';

export type ActorType = 'system' | 'carrier' | 'courier' | 'staff' | 'customer';

export interface TrackingEvent {
  id: number;
  shipmentId: number;
  status: TrackingStatus;
  subStatus: string;
  occurredAt: number;
  recordedAt: number;
  place: { province: string | null; city: string | null };
  reasonCode: string | null;
  actor: { type: ActorType; id: number | null };
  note: string | null;
  recipientName: string | null;
  photoId: string | null;
  /** Set for events from a courier's phone: which report, its place in the device's sequence, clock error. */
  source?: { reportId: string; deviceSeq: number; clockSkewMs: number | null };
}

export type NewTrackingEvent = Omit<TrackingEvent, 'id'>;

export function toTrackingEventRow(event: NewTrackingEvent): Insertable<TrackingEventTable> {
  return {
    shipment_id: event.shipmentId,
    status: event.status,
    sub_status: event.subStatus,
    occurred_at: event.occurredAt,
    recorded_at: event.recordedAt,
    province: event.place.province,
    city: event.place.city,
    reason_code: event.reasonCode,
    actor_type: event.actor.type,
    actor_id: event.actor.id,
    note: event.note,
    recipient_name: event.recipientName,
    photo_id: event.photoId,
    report_id: event.source?.reportId ?? null,
    device_seq: event.source?.deviceSeq ?? null,
    clock_skew_ms: event.source?.clockSkewMs ?? null,
  };
}

export async function insertTrackingEvent(db: Kysely<Database>, event: NewTrackingEvent): Promise<TrackingEvent> {
  const { id } = await db
    .insertInto('tracking_events')
    .values(toTrackingEventRow(event))
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...event, id };
}

/** The reason on the parcel's latest event (what an exception was for: lost, damaged…), or null. */
export async function latestEventReason(db: Kysely<Database>, shipmentId: number): Promise<string | null> {
  const last = await db
    .selectFrom('tracking_events')
    .select('reason_code')
    .where('shipment_id', '=', shipmentId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return last?.reason_code ?? null;
}

/** The parcel's latest failed attempt: why, and when; null when it has none. */
export async function latestFailedAttempt(db: Kysely<Database>, shipmentId: number): Promise<{ reasonCode: string | null; occurredAt: number } | null> {
  const last = await db
    .selectFrom('tracking_events')
    .select(['reason_code', 'occurred_at'])
    .where('shipment_id', '=', shipmentId)
    .where('status', '=', 'AttemptFail')
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return last ? { reasonCode: last.reason_code, occurredAt: Number(last.occurred_at) } : null;
}

/** Every event's status and reason for one parcel (one indexed read), in no particular order. */
export async function listEventStatuses(db: Kysely<Database>, shipmentId: number): Promise<{ status: TrackingStatus; reasonCode: string | null }[]> {
  const rows = await db.selectFrom('tracking_events').select(['status', 'reason_code']).where('shipment_id', '=', shipmentId).execute();
  return rows.map((r) => ({ status: r.status as TrackingStatus, reasonCode: r.reason_code }));
}

/** The latest Exception event of each of `shipmentIds` that has one: its reason and when it happened. */
export async function latestExceptionEvents(db: Kysely<Database>, shipmentIds: readonly number[]): Promise<Map<number, { reasonCode: string | null; occurredAt: number }>> {
  const latest = new Map<number, { reasonCode: string | null; occurredAt: number }>();
  if (shipmentIds.length === 0) return latest;
  const rows = await db
    .selectFrom('tracking_events')
    .select(['shipment_id', 'reason_code', 'occurred_at'])
    .where('shipment_id', 'in', [...shipmentIds])
    .where('status', '=', 'Exception')
    .orderBy('occurred_at', 'desc')
    .execute();
  // Newest first, so the first row seen for a parcel is its latest.
  for (const r of rows) if (!latest.has(r.shipment_id)) latest.set(r.shipment_id, { reasonCode: r.reason_code, occurredAt: Number(r.occurred_at) });
  return latest;
}

/** The parcel's latest drop at a locker or station that says where (with its code), or null. */
export async function findLatestPickupDrop(db: Kysely<Database>, shipmentId: number): Promise<VerifiedPickup | null> {
  const row = await db
    .selectFrom('tracking_events')
    .select(['id', 'occurred_at', 'pickup_code', 'pickup_place'])
    .where('shipment_id', '=', shipmentId)
    .where('status', '=', 'AvailableForPickup')
    .where('pickup_code', 'is not', null)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row?.pickup_code || !row.pickup_place) return null;
  const place = parseJsonColumn(storedPickupPlaceSchema, row.pickup_place, `tracking_events.pickup_place of event ${row.id}`);
  return { ...place, code: row.pickup_code, placedAt: Number(row.occurred_at) };
}
