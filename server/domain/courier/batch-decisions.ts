import type { Insertable } from 'kysely';
import type { CourierReport, SyncResult } from '../../../shared/courier/courier-report';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import { isValidTrackingNo, normalizeTrackingNo } from '../../../shared/tracking/tracking-number';
import type { CourierReportTable, TrackingEventTable } from '../../db/schema';
import type { ProofRequirements } from '../settings/settings-repository';
import type { PickupReport } from '../returns/pickup-progress';
import type { ShipmentMove } from '../webhooks/shipment-webhooks';
import type { StoredReport } from './courier-report-repository';
import { eventTimeOf } from './event-time';
import { pickupEventColumns } from './pickup-point-columns';
import { judgeReport, type ShipmentState } from './report-judgement';

export type Answer = Omit<SyncResult, 'id'>;

/** A parcel the batch moved: where it ends, the version it was read at, and its number. */
export interface ChangedShipment {
  state: ShipmentState;
  loadedVersion: number;
  trackingNo: string;
}

/** What a courier's batch decides against: what was read for it, and the moment it arrived. */
export interface BatchContext {
  courierId: number;
  now: number;
  /** The phone's clock when it sent the batch. */
  sentAt: number;
  clockSkewMs: number | null;
  timeZone: string;
  proof: ProofRequirements;
  /** Answers to report ids seen before; the batch adds its own as it goes. */
  stored: Map<string, StoredReport>;
  /** The batch's parcels by number; each applied report moves its parcel for the next. */
  shipments: Map<string, ShipmentState>;
  /** The courier's uploads among those referred to, with the parcel each proves (null: none yet). */
  uploads: Map<string, number | null>;
  bodyHashes: ReadonlyMap<CourierReport, string>;
}

/**
 * Decides every report of a batch, in device order, in memory: each applied report moves its
 * shipment for the next, and the rows to write are gathered for the caller to write together.
 * Fills `answers` (per report) and `changed` (per shipment id) as it goes.
 */
export function decideBatch(
  ordered: readonly CourierReport[],
  ctx: BatchContext,
  answers: Map<CourierReport, Answer>,
  changed: Map<number, ChangedShipment>,
) {
  const events: Insertable<TrackingEventTable>[] = [];
  const records: Insertable<CourierReportTable>[] = [];
  const photoBindings: Array<{ ids: string[]; shipmentId: number }> = [];
  const pickups: PickupReport[] = [];
  // The latest drop at a locker or station per parcel: where it waits, for the public view.
  const pickupPlaces = new Map<number, string>();
  // Each applied report's move, for the shop's webhooks (written with the batch).
  const moves: ShipmentMove[] = [];

  for (const sent of ordered) {
    const bodyHash = ctx.bodyHashes.get(sent)!;
    const seen = ctx.stored.get(sent.id);
    if (seen) {
      answers.set(sent, answerAgain(seen, bodyHash, ctx.courierId));
      continue;
    }
    const time = eventTimeOf(sent.occurredAt, ctx.sentAt, ctx.now);
    // Judged and recorded at the believed time; the report row keeps what the phone said.
    const report = time.deviceOccurredAt === null ? sent : { ...sent, occurredAt: time.occurredAt };
    const trackingNo = normalizeTrackingNo(report.trackingNo);
    const shipment = ctx.shipments.get(trackingNo);
    const verdict = isValidTrackingNo(trackingNo)
      ? judgeReport(report, shipment, { courierId: ctx.courierId, proof: ctx.proof, uploadedIds: usableUploads(ctx.uploads, shipment?.id), timeZone: ctx.timeZone })
      : { outcome: 'rejected' as const, code: 'invalid_tracking_number', message: `${report.trackingNo} is not a valid tracking number`, shipmentVersion: null };
    if ('applied' in verdict && verdict.applied && shipment) {
      const next = verdict.applied.next;
      const event = eventRow(report, next, verdict.applied, { courierId: ctx.courierId, now: ctx.now, clockSkewMs: ctx.clockSkewMs, deviceOccurredAt: time.deviceOccurredAt });
      events.push(event);
      if (event.pickup_place) pickupPlaces.set(shipment.id, event.pickup_place);
      const entry = changed.get(shipment.id);
      changed.set(shipment.id, { state: next, loadedVersion: entry?.loadedVersion ?? shipment.version, trackingNo });
      moves.push({ trackingNo, from: shipment, to: next, reasonCode: report.reasonCode ?? null, occurredAt: report.occurredAt });
      ctx.shipments.set(trackingNo, next);
      const photos = [...(report.photoIds ?? []), ...(report.signatureId ? [report.signatureId] : [])];
      if (photos.length > 0) photoBindings.push({ ids: photos, shipmentId: shipment.id });
      for (const id of photos) ctx.uploads.set(id, shipment.id);
      if (next.returnId !== null) {
        pickups.push({ returnId: next.returnId, status: verdict.applied.status, occurredAt: report.occurredAt, courierId: ctx.courierId, reasonCode: report.reasonCode ?? null });
      }
    }
    const answer: Answer = { outcome: verdict.outcome, code: verdict.code, message: verdict.message, shipmentVersion: verdict.shipmentVersion };
    answers.set(sent, answer);
    // The same id twice in one batch: the second is a resend of the first (or, with another body, refused).
    ctx.stored.set(sent.id, { bodyHash, courierId: ctx.courierId, ...answer });
    records.push(recordRow(sent, bodyHash, answer, ctx.courierId, ctx.now));
  }
  return { events, records, photoBindings, pickups, pickupPlaces, moves };
}

const storedAnswer = (a: Answer) => ({ outcome: a.outcome, code: a.code, message: a.message, shipment_version: a.shipmentVersion });

/** A report seen before: answer as then and change nothing, unless the id now carries another body. */
function answerAgain(seen: StoredReport, bodyHash: string, courierId: number): Answer {
  if (seen.bodyHash !== bodyHash || seen.courierId !== courierId) {
    return { outcome: 'rejected', code: 'id_reused', message: 'This report id was already used for a different report', shipmentVersion: null };
  }
  return seen.outcome === 'applied'
    ? { outcome: 'duplicate', code: 'already_applied', message: 'Already recorded', shipmentVersion: seen.shipmentVersion }
    : { outcome: seen.outcome, code: seen.code, message: seen.message, shipmentVersion: seen.shipmentVersion };
}

/** A photo may prove one parcel only: one already bound elsewhere is not usable here. */
function usableUploads(uploads: Map<string, number | null>, shipmentId: number | undefined): Set<string> {
  return new Set([...uploads].filter(([, boundTo]) => boundTo === null || boundTo === shipmentId).map(([id]) => id));
}

function eventRow(
  report: CourierReport,
  shipment: ShipmentState,
  applied: { status: TrackingStatus; subStatus: string },
  ctx: { courierId: number; now: number; clockSkewMs: number | null; deviceOccurredAt: number | null },
): Insertable<TrackingEventTable> {
  return {
    shipment_id: shipment.id,
    status: applied.status,
    sub_status: applied.subStatus,
    occurred_at: report.occurredAt,
    recorded_at: ctx.now,
    province: shipment.doorstep.province,
    city: shipment.doorstep.city,
    reason_code: report.reasonCode ?? null,
    actor_type: 'courier',
    actor_id: ctx.courierId,
    note: report.note ?? null,
    recipient_name: report.recipientName ?? null,
    photo_id: report.photoIds?.[0] ?? null,
    signature_id: report.signatureId ?? null,
    report_id: report.id,
    device_seq: report.seq,
    clock_skew_ms: ctx.clockSkewMs,
    device_occurred_at: ctx.deviceOccurredAt,
    ...pickupEventColumns(report.pickupPoint, report.occurredAt),
  };
}

function recordRow(report: CourierReport, bodyHash: string, answer: Answer, courierId: number, now: number): Insertable<CourierReportTable> {
  return {
    id: report.id,
    courier_id: courierId,
    device_id: report.deviceId,
    device_seq: report.seq,
    body_hash: bodyHash,
    tracking_no: report.trackingNo,
    kind: report.kind,
    occurred_at: report.occurredAt,
    received_at: now,
    ...storedAnswer(answer),
  };
}
