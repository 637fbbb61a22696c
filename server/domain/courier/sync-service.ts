import type { Kysely } from 'kysely';
import type { CourierReport, SyncRequest, SyncResponse, SyncResult } from '../../../shared/courier/courier-report';
import { checkReportContent } from '../../../shared/courier/report-rules';
import { checkTransition } from '../../../shared/tracking/shipment-state-machine';
import { isValidTrackingNo, normalizeTrackingNo } from '../../../shared/tracking/tracking-number';
import type { Database } from '../../db/schema';
import { loadProofRequirements, type ProofRequirements } from '../settings/settings-repository';
import { findShipmentByTrackingNo } from '../tracking/shipment-repository';
import { applyTrackingEvent } from '../tracking/tracking-service';
import { findStoredReport, insertStoredReport } from './courier-report-repository';
import { reportBodyHash } from './report-body-hash';

/** A phone clock more than this far from ours is flagged on every event it reports. */
export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000;

type Courier = { id: number };
type Verdict = Omit<SyncResult, 'id'> & { eventId?: number };

const verdict = (outcome: SyncResult['outcome'], code: string, message: string, shipmentVersion: number | null = null): Verdict => ({
  outcome,
  code,
  message,
  shipmentVersion,
});

/**
 * Applies a batch from a courier's outbox, exactly once per report id, in the order each
 * device made them, in one transaction: the answer is sent only after the commit, so an
 * acknowledged report is on disk. Returns the parcels that changed, to tell live pages after.
 */
export async function syncCourierReports(
  db: Kysely<Database>,
  courier: Courier,
  request: SyncRequest,
  now: number,
): Promise<{ response: SyncResponse; changedTrackingNos: string[] }> {
  const skew = now - request.sentAt;
  const clockSkewMs = Math.abs(skew) > CLOCK_SKEW_TOLERANCE_MS ? skew : null;
  const ordered = [...request.reports].sort((a, b) => (a.deviceId === b.deviceId ? a.seq - b.seq : a.deviceId < b.deviceId ? -1 : 1));
  const changed = new Set<string>();
  const byId = new Map<string, SyncResult>();

  await db.transaction().execute(async (trx) => {
    const proof = await loadProofRequirements(trx);
    for (const report of ordered) {
      const result = await syncOne(trx, courier, report, { now, clockSkewMs, proof });
      if (result.outcome === 'applied') changed.add(normalizeTrackingNo(report.trackingNo));
      byId.set(report.id, { id: report.id, outcome: result.outcome, code: result.code, message: result.message, shipmentVersion: result.shipmentVersion });
    }
  });
  return {
    // One result per report, in the order they were sent.
    response: { results: request.reports.map((r) => byId.get(r.id)!), serverTime: now, clockSkewMs },
    changedTrackingNos: [...changed],
  };
}

async function syncOne(
  trx: Kysely<Database>,
  courier: Courier,
  report: CourierReport,
  ctx: { now: number; clockSkewMs: number | null; proof: ProofRequirements },
): Promise<Verdict> {
  const bodyHash = reportBodyHash(report);
  const stored = await findStoredReport(trx, report.id);
  if (stored) {
    if (stored.body_hash !== bodyHash || stored.courier_id !== courier.id) {
      return verdict('rejected', 'id_reused', 'This report id was already used for a different report');
    }
    // Seen before: answer as then, change nothing.
    return stored.outcome === 'applied'
      ? verdict('duplicate', 'already_applied', 'Already recorded', stored.shipment_version)
      : verdict(stored.outcome as SyncResult['outcome'], stored.code, stored.message, stored.shipment_version);
  }
  const result = await judge(trx, courier, report, ctx);
  await insertStoredReport(trx, {
    id: report.id,
    courier_id: courier.id,
    device_id: report.deviceId,
    device_seq: report.seq,
    body_hash: bodyHash,
    tracking_no: report.trackingNo,
    kind: report.kind,
    occurred_at: report.occurredAt,
    received_at: ctx.now,
    outcome: result.outcome,
    code: result.code,
    message: result.message,
    shipment_version: result.shipmentVersion,
    event_id: result.eventId ?? null,
  });
  return result;
}

/** Decides one new report: applied, conflict (the world moved on) or rejected (it was never valid). */
async function judge(
  trx: Kysely<Database>,
  courier: Courier,
  report: CourierReport,
  ctx: { now: number; clockSkewMs: number | null; proof: ProofRequirements },
): Promise<Verdict> {
  const trackingNo = normalizeTrackingNo(report.trackingNo);
  if (!isValidTrackingNo(trackingNo)) return verdict('rejected', 'invalid_tracking_number', `${report.trackingNo} is not a valid tracking number`);
  const shipment = await findShipmentByTrackingNo(trx, trackingNo);
  if (!shipment) return verdict('rejected', 'shipment_not_found', `No parcel ${trackingNo}`);
  if (shipment.courierId !== courier.id) {
    // Made against an older version: it was this courier's stop then, and ops moved it since.
    return report.shipmentVersion < shipment.version
      ? verdict('conflict', 'reassigned', 'This parcel was given to another courier while you were offline', shipment.version)
      : verdict('rejected', 'not_your_stop', 'This parcel is not on your manifest', null);
  }
  const content = checkReportContent(report, ctx.proof);
  if (!content.ok) return verdict('rejected', content.code, content.message, shipment.version);
  const photoIds = report.photoIds ?? [];
  const referenced = [...photoIds, ...(report.signatureId ? [report.signatureId] : [])];
  if (referenced.length > 0) {
    const uploaded = await trx.selectFrom('uploads').select('id').where('id', 'in', referenced).where('courier_id', '=', courier.id).execute();
    if (uploaded.length !== new Set(referenced).size) {
      return verdict('rejected', 'photo_not_uploaded', 'A photo this report refers to has not been uploaded', shipment.version);
    }
  }
  const transition = checkTransition(shipment.status, content.status);
  if (!transition.ok) {
    if (shipment.status === 'Delivered') return verdict('conflict', 'already_delivered', 'This parcel was already delivered', shipment.version);
    if (shipment.status === 'Expired') return verdict('conflict', 'closed', 'This parcel’s tracking was closed', shipment.version);
    if (report.shipmentVersion !== shipment.version) {
      return verdict('conflict', 'status_changed', `The parcel is now ${shipment.status}; this report no longer fits`, shipment.version);
    }
    return verdict('rejected', transition.code, transition.message.en, shipment.version);
  }
  const applied = await applyTrackingEvent(
    trx,
    shipment,
    {
      status: content.status,
      subStatus: content.subStatus,
      occurredAt: report.occurredAt,
      // At the door: the destination city (the public timeline shows no finer place).
      place: { province: shipment.destination.province, city: shipment.destination.city },
      reasonCode: report.reasonCode ?? null,
      actor: { type: 'courier', id: courier.id },
      note: report.note ?? null,
      recipientName: report.recipientName ?? null,
      photoId: photoIds[0] ?? null,
      source: { reportId: report.id, deviceSeq: report.seq, clockSkewMs: ctx.clockSkewMs },
    },
    ctx.now,
  );
  if (referenced.length > 0) {
    await trx.updateTable('uploads').set({ shipment_id: shipment.id }).where('id', 'in', referenced).execute();
  }
  return { ...verdict('applied', 'applied', 'Recorded', applied.shipment.version), eventId: applied.event.id };
}

