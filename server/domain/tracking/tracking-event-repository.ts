import type { Insertable, Kysely } from 'kysely';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import type { Database, TrackingEventTable } from '../../db/schema';

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
