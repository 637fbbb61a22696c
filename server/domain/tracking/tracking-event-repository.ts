import type { Insertable, Kysely, Selectable } from 'kysely';
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
}

export type NewTrackingEvent = Omit<TrackingEvent, 'id'>;

export function toTrackingEvent(row: Selectable<TrackingEventTable>): TrackingEvent {
  return {
    id: row.id,
    shipmentId: row.shipment_id,
    status: row.status as TrackingStatus,
    subStatus: row.sub_status,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    place: { province: row.province, city: row.city },
    reasonCode: row.reason_code,
    actor: { type: row.actor_type as ActorType, id: row.actor_id },
    note: row.note,
    recipientName: row.recipient_name,
    photoId: row.photo_id,
  };
}

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
  };
}

/** Newest first, ties broken by arrival so two scans in one second keep their order. */
export async function listEventsForShipment(db: Kysely<Database>, shipmentId: number): Promise<TrackingEvent[]> {
  const rows = await db
    .selectFrom('tracking_events')
    .selectAll()
    .where('shipment_id', '=', shipmentId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toTrackingEvent);
}

export async function insertTrackingEvent(db: Kysely<Database>, event: NewTrackingEvent): Promise<TrackingEvent> {
  const { id } = await db
    .insertInto('tracking_events')
    .values(toTrackingEventRow(event))
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...event, id };
}
