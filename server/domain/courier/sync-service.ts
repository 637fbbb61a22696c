import type { Insertable, Kysely } from 'kysely';
import type { CourierReport, SyncRequest, SyncResponse, SyncResult } from '../../../shared/courier/courier-report';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import { isValidTrackingNo, normalizeTrackingNo } from '../../../shared/tracking/tracking-number';
import { AppError } from '../../app-error';
import { retryOnConflict } from '../../db/retry-on-conflict';
import type { CourierReportTable, Database, TrackingEventTable } from '../../db/schema';
import { loadProofRequirements } from '../settings/settings-repository';
import { findShipmentsByTrackingNos, saveShipmentPickupPlace, updateShipmentStatus } from '../tracking/shipment-repository';
import { pickupEventColumns } from './pickup-point-columns';
import { bindUploadsToShipment, findCourierUploads } from '../uploads/upload-repository';
import { findStoredReports, type StoredReport } from './courier-report-repository';
import { insertRows } from './sync-writes';
import { judgeReport, type ShipmentState } from './report-judgement';
import { applyPickupReports, type PickupReport } from '../returns/pickup-progress';
import { findPickupSlotStarts } from '../returns/return-repository';
import { reportBodyHash } from './report-body-hash';
import { eventTimeOf } from './event-time';
import { enqueueWebhookEvents } from '../webhooks/webhook-outbox';
import { shipmentWebhookEvents, type ShipmentMove } from '../webhooks/shipment-webhooks';

/** A phone clock more than this far from ours is flagged on every event it reports. */
export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000;

type Answer = Omit<SyncResult, 'id'>;

/**
 * Applies a batch from a courier's outbox exactly once per report id, in the order each
 * device made them, in one transaction: the answer goes out only after the commit, so an
 * acknowledged report is on disk.
 *
 * Reads are per batch (stored ids, shipments, uploads), decisions are in memory (each
 * applied report moves its shipment for the next), and the writes go out together: a
 * report costs its rows, not a round of queries.
 */
export async function syncCourierReports(
  db: Kysely<Database>,
  courier: { id: number },
  request: SyncRequest,
  now: number,
  /** The shop's: a pickup is collected on the shop day it was booked for. */
  timeZone: string,
): Promise<{ response: SyncResponse; changedTrackingNos: string[] }> {
  const skew = now - request.sentAt;
  const clockSkewMs = Math.abs(skew) > CLOCK_SKEW_TOLERANCE_MS ? skew : null;
  const ordered = [...request.reports].sort((a, b) => (a.deviceId === b.deviceId ? a.seq - b.seq : a.deviceId < b.deviceId ? -1 : 1));
  // Per report, not per id: a batch may carry one id twice, and each copy gets its own truth.
  const answers = new Map<CourierReport, Answer>();
  const changed = new Map<number, { state: ShipmentState; loadedVersion: number; trackingNo: string }>();

  // A batch that lost a race to another for the same parcels runs again here, reading the
  // winner's result, instead of bouncing the phone with a 503.
  await retryOnConflict(() => db.transaction().execute(async (trx) => {
    answers.clear();
    changed.clear();
    const [proof, stored, shipments, uploads] = await Promise.all([
      loadProofRequirements(trx),
      findStoredReports(trx, ordered.map((r) => r.id)),
      loadShipmentStates(trx, ordered.map((r) => normalizeTrackingNo(r.trackingNo))),
      findCourierUploads(trx, courier.id, ordered.flatMap((r) => [...(r.photoIds ?? []), ...(r.signatureId ? [r.signatureId] : [])])),
    ]);
    const events: Insertable<TrackingEventTable>[] = [];
    const records: Insertable<CourierReportTable>[] = [];
    const photoBindings: Array<{ ids: string[]; shipmentId: number }> = [];
    const pickups: PickupReport[] = [];
    // The latest drop at a locker or station per parcel: where it waits, for the public view.
    const pickupPlaces = new Map<number, string>();
    // Each applied report's move, for the shop's webhooks (written with the batch).
    const moves: ShipmentMove[] = [];

    for (const sent of ordered) {
      const bodyHash = reportBodyHash(sent);
      const seen = stored.get(sent.id);
      if (seen) {
        answers.set(sent, answerAgain(seen, bodyHash, courier.id));
        continue;
      }
      const time = eventTimeOf(sent.occurredAt, request.sentAt, now);
      // Judged and recorded at the believed time; the report row keeps what the phone said.
      const report = time.deviceOccurredAt === null ? sent : { ...sent, occurredAt: time.occurredAt };
      const trackingNo = normalizeTrackingNo(report.trackingNo);
      const shipment = shipments.get(trackingNo);
      const verdict = isValidTrackingNo(trackingNo)
        ? judgeReport(report, shipment, { courierId: courier.id, proof, uploadedIds: usableUploads(uploads, shipment?.id), timeZone })
        : { outcome: 'rejected' as const, code: 'invalid_tracking_number', message: `${report.trackingNo} is not a valid tracking number`, shipmentVersion: null };
      if ('applied' in verdict && verdict.applied && shipment) {
        const next = verdict.applied.next;
        const event = eventRow(report, next, verdict.applied, { courierId: courier.id, now, clockSkewMs, deviceOccurredAt: time.deviceOccurredAt });
        events.push(event);
        if (event.pickup_place) pickupPlaces.set(shipment.id, event.pickup_place);
        const entry = changed.get(shipment.id);
        changed.set(shipment.id, { state: next, loadedVersion: entry?.loadedVersion ?? shipment.version, trackingNo });
        moves.push({ trackingNo, from: shipment, to: next, reasonCode: report.reasonCode ?? null, occurredAt: report.occurredAt });
        shipments.set(trackingNo, next);
        const photos = [...(report.photoIds ?? []), ...(report.signatureId ? [report.signatureId] : [])];
        if (photos.length > 0) photoBindings.push({ ids: photos, shipmentId: shipment.id });
        for (const id of photos) uploads.set(id, shipment.id);
        if (next.returnId !== null) {
          pickups.push({ returnId: next.returnId, status: verdict.applied.status, occurredAt: report.occurredAt, courierId: courier.id, reasonCode: report.reasonCode ?? null });
        }
      }
      const answer: Answer = { outcome: verdict.outcome, code: verdict.code, message: verdict.message, shipmentVersion: verdict.shipmentVersion };
      answers.set(sent, answer);
      // The same id twice in one batch: the second is a resend of the first (or, with another body, refused).
      stored.set(sent.id, { bodyHash, courierId: courier.id, ...answer });
      records.push(recordRow(sent, bodyHash, answer, courier.id, now));
    }

    // In id order, so two batches touching the same parcels lock them in the same order.
    for (const [shipmentId, { state, loadedVersion }] of [...changed].sort(([a], [b]) => a - b)) {
      const change = { ...state, updatedAt: now };
      if (!(await updateShipmentStatus(trx, { id: shipmentId, version: loadedVersion }, change, state.version))) {
        // Someone else moved a parcel of this batch at this very moment (PostgreSQL only):
        // nothing of the batch is kept, and the phone sends it again.
        throw new AppError(503, 'concurrent_update', 'A parcel in this batch changed at the same moment; send it again', 1);
      }
    }
    for (const [shipmentId, place] of pickupPlaces) await saveShipmentPickupPlace(trx, shipmentId, place);
    await insertRows(trx, 'tracking_events', events);
    if ((await insertRows(trx, 'courier_reports', records)) < records.length) {
      throw new AppError(503, 'concurrent_update', 'These reports arrived twice at the same moment; send them again', 1);
    }
    await applyPickupReports(trx, pickups);
    await enqueueWebhookEvents(trx, moves.flatMap(shipmentWebhookEvents), now);
    for (const binding of photoBindings) await bindUploadsToShipment(trx, binding.ids, binding.shipmentId);
  }));

  return {
    // One answer per report, in the order they were sent.
    response: { results: request.reports.map((r) => ({ id: r.id, ...answers.get(r)! })), serverTime: now, clockSkewMs },
    changedTrackingNos: [...changed.values()].map((c) => c.trackingNo),
  };
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

/** The batch's parcels as the rules judge them: the customer's doorstep, or the shop's for a return pickup. */
async function loadShipmentStates(trx: Kysely<Database>, trackingNos: string[]): Promise<Map<string, ShipmentState>> {
  const shipments = await findShipmentsByTrackingNos(trx, trackingNos.filter(isValidTrackingNo));
  const slots = await findPickupSlotStarts(trx, [...shipments.values()].flatMap((s) => (s.returnId === null ? [] : [s.returnId])));
  return new Map(
    [...shipments].map(([trackingNo, s]) => [
      trackingNo,
      {
        id: s.id,
        courierId: s.courierId,
        version: s.version,
        status: s.status,
        subStatus: s.subStatus,
        deliveredAt: s.deliveredAt,
        arrivedAt: s.arrivedAt,
        doorstep: s.leg === 'return' ? s.origin : s.destination,
        leg: s.leg,
        returnId: s.returnId,
        pickupSlotStart: s.returnId === null ? null : (slots.get(s.returnId) ?? null),
        timeline: s.timeline,
      },
    ]),
  );
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
