import type { Kysely } from 'kysely';
import type { PublicTrackingEvent } from '../../../shared/api/tracking-view';
import { carrierEventSchema, type CarrierEventResult } from '../../../shared/api/carriers';
import { checkTransition } from '../../../shared/tracking/shipment-state-machine';
import { resolveSubStatus, type TrackingStatus } from '../../../shared/tracking/statuses';
import { normalizeTrackingNo } from '../../../shared/tracking/tracking-number';
import { transactionOnHeldConnection } from '../../db/held-sqlite-connection';
import type { Database } from '../../db/schema';
import { AppError, conflict } from '../../app-error';
import { addToPublicTimeline } from '../tracking/public-timeline';
import { progressAfterEvent, type ShipmentProgress } from '../tracking/shipment-change';
import { updateShipmentStatuses } from '../tracking/shipment-repository';
import { toTrackingEventRow, type NewTrackingEvent } from '../tracking/tracking-event-repository';
import { shipmentWebhookEvents } from '../webhooks/shipment-webhooks';
import { enqueueWebhookEvents, type WebhookEvent } from '../webhooks/webhook-outbox';
import type { Carrier } from './carrier-repository';
import { findShipmentsWithCarrier, insertCarrierEventRows } from './carrier-event-repository';

/** One pushed event, checked and in our terms (occurredAt in epoch ms). */
export interface CarrierEventInput {
  eventId: string;
  trackingNo: string;
  status: TrackingStatus;
  subStatus?: string | null;
  occurredAt: number;
  place?: { province?: string | null; city?: string | null } | null;
  description?: string | null;
}

/** A shipment whose status a carrier event moved (for webhooks out: "shipment status changed"). */
export interface CarrierStatusChange {
  trackingNo: string;
  from: TrackingStatus;
  to: TrackingStatus;
  subStatus: string;
  occurredAt: number;
}

export interface CarrierBatchOutcome {
  results: CarrierEventResult[];
  /** Parcels whose log or timeline changed: publish each on the tracking bus after commit. */
  changedTrackingNos: string[];
  statusChanges: CarrierStatusChange[];
}

/**
 * A raw pushed event (from JSON) to an input, or the reason it is refused: shape, status,
 * sub-status and time are checked here so one bad event is answered `rejected` and the rest
 * of the push still applies.
 */
export function parseCarrierEvent(raw: unknown): { ok: true; event: CarrierEventInput } | { ok: false; eventId: string; code: string } {
  const eventId = typeof raw === 'object' && raw !== null && typeof (raw as { eventId?: unknown }).eventId === 'string' ? String((raw as { eventId: string }).eventId).slice(0, 100) : '';
  const parsed = carrierEventSchema.safeParse(raw);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    const code = field === 'status' ? 'bad_status' : field === 'occurredAt' ? 'bad_time' : field === 'eventId' ? 'bad_event_id' : 'invalid_event';
    return { ok: false, eventId, code };
  }
  const e = parsed.data;
  const sub = resolveSubStatus(e.status, e.subStatus);
  if (!sub.ok) return { ok: false, eventId, code: sub.code };
  const occurredAt = typeof e.occurredAt === 'number' ? e.occurredAt : Date.parse(e.occurredAt);
  return {
    ok: true,
    event: { eventId: e.eventId, trackingNo: e.trackingNo, status: e.status, subStatus: sub.subStatus, occurredAt, place: e.place ?? null, description: e.description ?? null },
  };
}

interface Candidate {
  index: number;
  input: CarrierEventInput;
  event: NewTrackingEvent;
}

/**
 * Applies a batch of one carrier's events inside the caller's transaction: one read for all
 * the batch's parcels, one insert per 100 events (each carrier event once: the unique index
 * skips repeats), one guarded status write per parcel.
 *
 * Rules, per parcel, over its new events in time order:
 * - older than the parcel's latest event → `recorded_late`: in the log and the public timeline
 *   at its place in time, the status kept (a late scan never moves a parcel backwards);
 * - otherwise, if the state machine allows → `applied` (the status moves);
 * - if the machine refuses (say, 派件 after 签收) → `recorded` with the refusal code: the carrier
 *   holds the parcel, so its word is kept in the log and timeline, but the status stays where
 *   the rules put it and staff see the odd event there.
 * Refused outright (`rejected`): unknown tracking number, a parcel not handed to this carrier
 * (hand-over sets shipments.carrier_code; until then a carrier has no say over a parcel), or a
 * bad event. Throws 409 version_conflict when someone else moved a parcel meanwhile: the caller
 * retries the whole batch (see receiveCarrierEvents).
 */
export async function applyCarrierEvents(
  db: Kysely<Database>,
  carrier: Pick<Carrier, 'id' | 'code'>,
  events: readonly ({ ok: true; event: CarrierEventInput } | { ok: false; eventId: string; code: string })[],
  now: number,
): Promise<CarrierBatchOutcome> {
  const results: CarrierEventResult[] = events.map((e) => (e.ok ? { eventId: e.event.eventId, outcome: 'duplicate' } : { eventId: e.eventId, outcome: 'rejected', code: e.code }));
  const valid = events.flatMap((e, index) => (e.ok ? [{ index, input: { ...e.event, trackingNo: normalizeTrackingNo(e.event.trackingNo) } }] : []));
  const shipments = await findShipmentsWithCarrier(db, valid.map((v) => v.input.trackingNo));

  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const { index, input } of valid) {
    const found = shipments.get(input.trackingNo);
    const refusal = !found ? 'unknown_tracking_number' : found.carrierCode !== carrier.code ? 'not_with_this_carrier' : null;
    if (!found || refusal) {
      results[index] = { eventId: input.eventId, outcome: 'rejected', code: refusal ?? 'unknown_tracking_number' };
      continue;
    }
    if (seen.has(input.eventId)) continue; // twice in one push: the later copy is a duplicate
    seen.add(input.eventId);
    candidates.push({
      index,
      input,
      event: {
        shipmentId: found.shipment.id,
        status: input.status,
        subStatus: input.subStatus ?? `${input.status}_001`,
        occurredAt: input.occurredAt,
        recordedAt: now,
        place: { province: input.place?.province ?? null, city: input.place?.city ?? null },
        reasonCode: null,
        actor: { type: 'carrier', id: carrier.id },
        note: input.description ?? null,
        recipientName: null,
        photoId: null,
      },
    });
  }

  const inserted = await insertCarrierEventRows(
    db,
    candidates.map((c) => ({ ...toTrackingEventRow(c.event), carrier_code: carrier.code, carrier_event_id: c.input.eventId })),
  );
  const fresh = candidates.filter((c) => inserted.has(c.input.eventId));

  const byShipment = new Map<string, Candidate[]>();
  for (const c of fresh) byShipment.set(c.input.trackingNo, [...(byShipment.get(c.input.trackingNo) ?? []), c]);
  const statusChanges: CarrierStatusChange[] = [];
  const webhookEvents: WebhookEvent[] = [];
  const moves: Parameters<typeof updateShipmentStatuses>[1][number][] = [];
  for (const [trackingNo, list] of byShipment) {
    const { shipment } = shipments.get(trackingNo)!;
    // Stable sort: equal times keep the order the carrier sent them in.
    list.sort((a, b) => a.input.occurredAt - b.input.occurredAt);
    let latest = latestTime(shipment.timeline);
    let progress: ShipmentProgress = { status: shipment.status, subStatus: shipment.subStatus, deliveredAt: shipment.deliveredAt, arrivedAt: shipment.arrivedAt, timeline: shipment.timeline };
    for (const c of list) {
      if (c.input.occurredAt < latest) {
        progress = { ...progress, timeline: addToPublicTimeline(progress.timeline, c.event) };
        results[c.index] = { eventId: c.input.eventId, outcome: 'recorded_late' };
        continue;
      }
      latest = c.input.occurredAt;
      const check = checkTransition(progress.status, c.event.status, shipment.leg, c.event.subStatus);
      if (!check.ok) {
        progress = { ...progress, timeline: addToPublicTimeline(progress.timeline, c.event) };
        results[c.index] = { eventId: c.input.eventId, outcome: 'recorded', code: check.code };
        continue;
      }
      if (progress.status !== c.event.status) statusChanges.push({ trackingNo, from: progress.status, to: c.event.status, subStatus: c.event.subStatus, occurredAt: c.event.occurredAt });
      // The shop hears of every move a carrier makes, queued in this same transaction.
      webhookEvents.push(
        ...shipmentWebhookEvents({
          trackingNo,
          from: { status: progress.status, subStatus: progress.subStatus },
          to: { status: c.event.status, subStatus: c.event.subStatus },
          reasonCode: c.event.reasonCode,
          occurredAt: c.event.occurredAt,
        }),
      );
      progress = progressAfterEvent(progress, { ...c.event, status: c.event.status });
      results[c.index] = { eventId: c.input.eventId, outcome: 'applied' };
    }
    moves.push({ shipment, change: { ...progress, updatedAt: now } });
  }
  // The one status-moving write per parcel, guarded by its version like every other path, all
  // of the push's parcels in one statement.
  if ((await updateShipmentStatuses(db, moves)) !== moves.length) {
    throw conflict('version_conflict', 'A parcel of this push was changed by someone else at the same moment');
  }
  await enqueueWebhookEvents(db, webhookEvents, now);
  return { results, changedTrackingNos: [...byShipment.keys()], statusChanges };
}

function latestTime(timeline: readonly PublicTrackingEvent[]): number {
  return timeline.reduce((max, e) => Math.max(max, e.occurredAt), Number.NEGATIVE_INFINITY);
}

const MAX_ATTEMPTS = 5;

/**
 * applyCarrierEvents in its own transaction, retried when a parcel was moved by someone else
 * meanwhile (a courier, staff, or the same carrier's concurrent push). Publish the outcome's
 * changedTrackingNos after this returns: the change is committed by then.
 */
export async function receiveCarrierEvents(
  db: Kysely<Database>,
  carrier: Pick<Carrier, 'id' | 'code'>,
  events: readonly unknown[],
  now: number,
): Promise<CarrierBatchOutcome> {
  const parsed = events.map(parseCarrierEvent);
  for (let attempt = 1; ; attempt++) {
    try {
      return await transactionOnHeldConnection(db, (trx) => applyCarrierEvents(trx, carrier, parsed, now));
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'version_conflict') || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
