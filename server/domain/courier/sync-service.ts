import type { Kysely } from 'kysely';
import type { CourierReport, SyncRequest, SyncResponse } from '../../../shared/courier/courier-report';
import { isValidTrackingNo, normalizeTrackingNo } from '../../../shared/tracking/tracking-number';
import { AppError } from '../../app-error';
import { transactionOnHeldConnection } from '../../db/held-sqlite-connection';
import { retryOnConflict } from '../../db/retry-on-conflict';
import type { Database } from '../../db/schema';
import { loadProofRequirements } from '../settings/settings-repository';
import { saveShipmentPickupPlace, updateShipmentStatuses } from '../tracking/shipment-repository';
import { bindUploadsToShipment, findCourierUploads } from '../uploads/upload-repository';
import { findStoredReports } from './courier-report-repository';
import { insertRows } from './sync-writes';
import { decideBatch, type Answer, type ChangedShipment } from './batch-decisions';
import { loadShipmentStates } from './shipment-states';
import { applyPickupReports } from '../returns/pickup-progress';
import { reportBodyHash } from './report-body-hash';
import { enqueueWebhookEvents } from '../webhooks/webhook-outbox';
import { shipmentWebhookEvents } from '../webhooks/shipment-webhooks';

/** A phone clock more than this far from ours is flagged on every event it reports. */
export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000;

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
  const changed = new Map<number, ChangedShipment>();
  // What each report says, fingerprinted once however often the transaction runs.
  const bodyHashes = new Map(ordered.map((r) => [r, reportBodyHash(r)]));

  // A batch that lost a race to another for the same parcels runs again here, reading the
  // winner's result, instead of bouncing the phone with a 503.
  await retryOnConflict(() => transactionOnHeldConnection(db, async (trx) => {
    answers.clear();
    changed.clear();
    const [proof, stored, shipments, uploads] = await Promise.all([
      loadProofRequirements(trx),
      findStoredReports(trx, ordered.map((r) => r.id)),
      loadShipmentStates(trx, ordered.map((r) => normalizeTrackingNo(r.trackingNo)).filter(isValidTrackingNo)),
      findCourierUploads(trx, courier.id, ordered.flatMap((r) => [...(r.photoIds ?? []), ...(r.signatureId ? [r.signatureId] : [])])),
    ]);
    const { events, records, photoBindings, pickups, pickupPlaces, moves } = decideBatch(
      ordered,
      { courierId: courier.id, now, sentAt: request.sentAt, clockSkewMs, timeZone, proof, stored, shipments, uploads, bodyHashes },
      answers,
      changed,
    );

    // One guarded statement per hundred parcels: on PostgreSQL one round trip instead of a
    // hundred (on SQLite, with no round trips, it measures the same as single updates). In id
    // order, so two batches touching the same parcels lock them in the same order.
    const moved = [...changed]
      .sort(([a], [b]) => a - b)
      .map(([id, { state, loadedVersion }]) => ({ shipment: { id, version: loadedVersion }, change: { ...state, updatedAt: now }, nextVersion: state.version }));
    if ((await updateShipmentStatuses(trx, moved)) < moved.length) {
      // Someone else moved a parcel of this batch at this very moment (PostgreSQL only):
      // nothing of the batch is kept, and the phone sends it again.
      throw new AppError(503, 'concurrent_update', 'A parcel in this batch changed at the same moment; send it again', 1);
    }
    for (const [shipmentId, place] of pickupPlaces) await saveShipmentPickupPlace(trx, shipmentId, place);
    await insertRows(trx, 'tracking_events', events);
    if ((await insertRows(trx, 'courier_reports', records)) < records.length) {
      throw new AppError(503, 'concurrent_update', 'These reports arrived twice at the same moment; send them again', 1);
    }
    await applyPickupReports(trx, pickups);
    if (moves.length > 0) await enqueueWebhookEvents(trx, () => moves.flatMap(shipmentWebhookEvents), now);
    for (const binding of photoBindings) await bindUploadsToShipment(trx, binding.ids, binding.shipmentId);
  }));

  return {
    // One answer per report, in the order they were sent.
    response: { results: request.reports.map((r) => ({ id: r.id, ...answers.get(r)! })), serverTime: now, clockSkewMs },
    changedTrackingNos: [...changed.values()].map((c) => c.trackingNo),
  };
}
