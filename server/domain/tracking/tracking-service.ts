import type { Kysely } from 'kysely';
import { checkTransition } from '../../../shared/tracking/shipment-state-machine';
import { resolveSubStatus, type TrackingStatus } from '../../../shared/tracking/statuses';
import { isValidTrackingNo, normalizeTrackingNo } from '../../../shared/tracking/tracking-number';
import type { Database } from '../../db/schema';
import { AppError, badRequest, conflict, notFound } from '../../app-error';
import { renderPublicView, type RenderedPublicView } from './public-view';
import { progressAfterEvent } from './shipment-change';
import { findPublicTrackingRecord } from './public-tracking-query';
import { findShipmentByTrackingNo, updateShipmentStatus, type Shipment } from './shipment-repository';
import { enqueueWebhookEvents } from '../webhooks/webhook-outbox';
import { shipmentWebhookEvents } from '../webhooks/shipment-webhooks';
import { insertTrackingEvent, type ActorType, type NewTrackingEvent, type TrackingEvent } from './tracking-event-repository';

/** Normalises and checks a tracking number before anything touches the database. */
export function parseTrackingNo(raw: string): string {
  const trackingNo = normalizeTrackingNo(raw);
  if (!isValidTrackingNo(trackingNo)) {
    throw badRequest('invalid_tracking_number', `${raw.slice(0, 40)} is not a valid tracking number`);
  }
  return trackingNo;
}

export async function requireShipment(db: Kysely<Database>, trackingNo: string): Promise<Shipment> {
  const shipment = await findShipmentByTrackingNo(db, trackingNo);
  if (!shipment) throw notFound('shipment_not_found', `No parcel with tracking number ${trackingNo}`);
  return shipment;
}

/** The public view read from the database as of `now` (see renderPublicView for why text). */
export async function loadPublicView(db: Kysely<Database>, trackingNo: string, now: number): Promise<RenderedPublicView> {
  const record = await findPublicTrackingRecord(db, trackingNo);
  if (!record) throw notFound('shipment_not_found', `No parcel with tracking number ${trackingNo}`);
  return renderPublicView(record, now);
}

/**
 * The public view as JSON text, read afresh: for a live stream telling of a change. Pages and
 * polls go through the instance's PublicViewCache (publicViewCacheFor) instead.
 */
export async function getPublicViewJson(db: Kysely<Database>, trackingNo: string, now: number): Promise<string> {
  return (await loadPublicView(db, trackingNo, now)).json;
}

export interface RecordEventInput {
  trackingNo: string;
  status: TrackingStatus;
  subStatus?: string | null;
  occurredAt: number;
  place: { province: string | null; city: string | null };
  reasonCode?: string | null;
  actor: { type: ActorType; id: number | null };
  note?: string | null;
  recipientName?: string | null;
  photoId?: string | null;
  source?: TrackingEvent['source'];
  /** The version the reporter saw; omitted by sources that always apply on top (scanners). */
  expectedVersion?: number;
}

/**
 * Records one tracking event and moves the shipment's status, through the state machine.
 * Runs in the caller's transaction (pass `db.transaction()`'s trx) so a batch is all or nothing.
 */
export async function recordTrackingEvent(
  db: Kysely<Database>,
  input: RecordEventInput,
  now: number,
): Promise<{ event: TrackingEvent; shipment: Shipment }> {
  return applyTrackingEvent(db, await requireShipment(db, input.trackingNo), input, now);
}

/** recordTrackingEvent for a caller that has just read the shipment (the courier sync path). */
export async function applyTrackingEvent(
  db: Kysely<Database>,
  shipment: Shipment,
  input: Omit<RecordEventInput, 'trackingNo'>,
  now: number,
): Promise<{ event: TrackingEvent; shipment: Shipment }> {
  if (input.expectedVersion !== undefined && input.expectedVersion !== shipment.version) {
    throw conflict('version_conflict', `The parcel changed since version ${input.expectedVersion}`);
  }
  const transition = checkTransition(shipment.status, input.status, shipment.leg, input.subStatus ?? undefined);
  if (!transition.ok) throw new AppError(409, transition.code, transition.message.en);
  const sub = resolveSubStatus(input.status, input.subStatus);
  if (!sub.ok) throw badRequest(sub.code, `Sub-status ${input.subStatus} does not fit ${input.status}`);

  const newEvent: NewTrackingEvent = {
    shipmentId: shipment.id,
    status: input.status,
    subStatus: sub.subStatus,
    occurredAt: input.occurredAt,
    recordedAt: now,
    place: input.place,
    reasonCode: input.reasonCode ?? null,
    actor: input.actor,
    note: input.note ?? null,
    recipientName: input.recipientName ?? null,
    photoId: input.photoId ?? null,
    source: input.source,
  };
  const progress = progressAfterEvent(
    shipment,
    newEvent,
  );
  const change = {
    status: progress.status,
    subStatus: progress.subStatus,
    deliveredAt: progress.deliveredAt,
    arrivedAt: progress.arrivedAt,
    updatedAt: now,
    timeline: progress.timeline,
  };
  // The guarded update goes first: if someone else moved the parcel at this moment, nothing
  // has been written yet and the caller's transaction stays clean.
  if (!(await updateShipmentStatus(db, shipment, change))) {
    throw conflict('version_conflict', 'The parcel was changed by someone else at the same moment');
  }
  const event = await insertTrackingEvent(db, newEvent);
  await enqueueWebhookEvents(db, shipmentWebhookEvents({ trackingNo: shipment.trackingNo, from: shipment, to: change, reasonCode: newEvent.reasonCode, occurredAt: input.occurredAt }), now);
  return { event, shipment: { ...shipment, ...change, version: shipment.version + 1 } };
}
