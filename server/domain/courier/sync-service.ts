import type { Insertable, Kysely } from 'kysely';
import type { PublicTrackingEvent } from '../../../shared/api/tracking-view';
import type { CourierReport, SyncRequest, SyncResponse, SyncResult } from '../../../shared/courier/courier-report';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import { isValidTrackingNo, normalizeTrackingNo } from '../../../shared/tracking/tracking-number';
import { AppError } from '../../app-error';
import type { CourierReportTable, Database, TrackingEventTable } from '../../db/schema';
import { loadProofRequirements } from '../settings/settings-repository';
import { updateShipmentStatus } from '../tracking/shipment-repository';
import { insertRows } from './sync-writes';
import { judgeReport, type ShipmentState } from './report-judgement';
import { applyPickupReports, type PickupReport } from '../returns/pickup-progress';
import { reportBodyHash } from './report-body-hash';
import { eventTimeOf } from './event-time';

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
): Promise<{ response: SyncResponse; changedTrackingNos: string[] }> {
  const skew = now - request.sentAt;
  const clockSkewMs = Math.abs(skew) > CLOCK_SKEW_TOLERANCE_MS ? skew : null;
  const ordered = [...request.reports].sort((a, b) => (a.deviceId === b.deviceId ? a.seq - b.seq : a.deviceId < b.deviceId ? -1 : 1));
  // Per report, not per id: a batch may carry one id twice, and each copy gets its own truth.
  const answers = new Map<CourierReport, Answer>();
  const changed = new Map<number, { state: ShipmentState; loadedVersion: number; trackingNo: string }>();

  await db.transaction().execute(async (trx) => {
    const [proof, stored, shipments, uploads] = await Promise.all([
      loadProofRequirements(trx),
      loadStoredReports(trx, ordered.map((r) => r.id)),
      loadShipments(trx, ordered.map((r) => normalizeTrackingNo(r.trackingNo))),
      loadUploads(trx, courier.id, ordered.flatMap((r) => [...(r.photoIds ?? []), ...(r.signatureId ? [r.signatureId] : [])])),
    ]);
    const events: Insertable<TrackingEventTable>[] = [];
    const records: Insertable<CourierReportTable>[] = [];
    const photoBindings: Array<{ ids: string[]; shipmentId: number }> = [];
    const pickups: PickupReport[] = [];

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
        ? judgeReport(report, shipment, { courierId: courier.id, proof, uploadedIds: usableUploads(uploads, shipment?.id) })
        : { outcome: 'rejected' as const, code: 'invalid_tracking_number', message: `${report.trackingNo} is not a valid tracking number`, shipmentVersion: null };
      if ('applied' in verdict && verdict.applied && shipment) {
        const next = verdict.applied.next;
        events.push(eventRow(report, next, verdict.applied, { courierId: courier.id, now, clockSkewMs, deviceOccurredAt: time.deviceOccurredAt }));
        const entry = changed.get(shipment.id);
        changed.set(shipment.id, { state: next, loadedVersion: entry?.loadedVersion ?? shipment.version, trackingNo });
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
      stored.set(sent.id, { body_hash: bodyHash, courier_id: courier.id, ...storedAnswer(answer) });
      records.push(recordRow(sent, bodyHash, answer, courier.id, now));
    }

    // In id order, so two batches touching the same parcels lock them in the same order.
    for (const [shipmentId, { state, loadedVersion }] of [...changed].sort(([a], [b]) => a - b)) {
      const change = { ...state, updatedAt: now, publicTimeline: JSON.stringify(state.timeline) };
      if (!(await updateShipmentStatus(trx, { id: shipmentId, version: loadedVersion }, change, state.version))) {
        // Someone else moved a parcel of this batch at this very moment (PostgreSQL only):
        // nothing of the batch is kept, and the phone sends it again.
        throw new AppError(503, 'concurrent_update', 'A parcel in this batch changed at the same moment; send it again', 1);
      }
    }
    await insertRows(trx, 'tracking_events', events);
    if ((await insertRows(trx, 'courier_reports', records)) < records.length) {
      throw new AppError(503, 'concurrent_update', 'These reports arrived twice at the same moment; send them again', 1);
    }
    await applyPickupReports(trx, pickups);
    for (const binding of photoBindings) {
      await trx.updateTable('uploads').set({ shipment_id: binding.shipmentId }).where('id', 'in', binding.ids).execute();
    }
  });

  return {
    // One answer per report, in the order they were sent.
    response: { results: request.reports.map((r) => ({ id: r.id, ...answers.get(r)! })), serverTime: now, clockSkewMs },
    changedTrackingNos: [...changed.values()].map((c) => c.trackingNo),
  };
}

type StoredAnswer = { body_hash: string; courier_id: number; outcome: string; code: string; message: string; shipment_version: number | null };

const storedAnswer = (a: Answer) => ({ outcome: a.outcome, code: a.code, message: a.message, shipment_version: a.shipmentVersion });

/** A report seen before: answer as then and change nothing, unless the id now carries another body. */
function answerAgain(seen: StoredAnswer, bodyHash: string, courierId: number): Answer {
  if (seen.body_hash !== bodyHash || seen.courier_id !== courierId) {
    return { outcome: 'rejected', code: 'id_reused', message: 'This report id was already used for a different report', shipmentVersion: null };
  }
  return seen.outcome === 'applied'
    ? { outcome: 'duplicate', code: 'already_applied', message: 'Already recorded', shipmentVersion: seen.shipment_version }
    : { outcome: seen.outcome as Answer['outcome'], code: seen.code, message: seen.message, shipmentVersion: seen.shipment_version };
}

async function loadStoredReports(trx: Kysely<Database>, ids: string[]): Promise<Map<string, StoredAnswer>> {
  const rows = await trx
    .selectFrom('courier_reports')
    .select(['id', 'body_hash', 'courier_id', 'outcome', 'code', 'message', 'shipment_version'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

async function loadShipments(trx: Kysely<Database>, trackingNos: string[]): Promise<Map<string, ShipmentState>> {
  const valid = [...new Set(trackingNos.filter(isValidTrackingNo))];
  if (valid.length === 0) return new Map();
  const rows = await trx
    .selectFrom('shipments')
    .select(['id', 'tracking_no', 'courier_id', 'version', 'status', 'sub_status', 'delivered_at', 'arrived_at', 'public_timeline', 'leg', 'return_id'])
    .select(['origin_province', 'origin_city', 'destination_province', 'destination_city'])
    .where('tracking_no', 'in', valid)
    .execute();
  return new Map(
    rows.map((r) => [
      r.tracking_no,
      {
        id: r.id,
        courierId: r.courier_id,
        version: r.version,
        status: r.status as TrackingStatus,
        subStatus: r.sub_status,
        deliveredAt: r.delivered_at,
        arrivedAt: r.arrived_at,
        doorstep:
          r.leg === 'return'
            ? { province: r.origin_province, city: r.origin_city }
            : { province: r.destination_province, city: r.destination_city },
        leg: r.leg === 'return' ? 'return' : 'delivery',
        returnId: r.return_id,
        timeline: JSON.parse(r.public_timeline) as PublicTrackingEvent[],
      },
    ]),
  );
}

/** This courier's uploads among `ids`, with the parcel each already proves (null: none yet). */
async function loadUploads(trx: Kysely<Database>, courierId: number, ids: string[]): Promise<Map<string, number | null>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('uploads').select(['id', 'shipment_id']).where('id', 'in', ids).where('courier_id', '=', courierId).execute();
  return new Map(rows.map((r) => [r.id, r.shipment_id]));
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
    report_id: report.id,
    device_seq: report.seq,
    clock_skew_ms: ctx.clockSkewMs,
    device_occurred_at: ctx.deviceOccurredAt,
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
