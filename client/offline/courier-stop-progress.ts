import type { ReportKindName } from '../../shared/courier/courier-report';
import type { ManifestStop } from '../../shared/courier/manifest';
import { STATUS_FOR_REPORT, reportTarget } from '../../shared/courier/report-rules';
import { mayFollow, type ShipmentLeg } from '../../shared/tracking/shipment-state-machine';
import type { TrackingStatus } from '../../shared/tracking/statuses';
import type { OutboxEntry } from './outbox-records';

/** The status a shipment takes when the server applies a report of each kind (the server's own table). */
export const STATUS_AFTER_REPORT: Record<ReportKindName, TrackingStatus> = STATUS_FOR_REPORT;

/** The order the stop page offers them in: the step that moves the parcel furthest first, the problems last. */
export const REPORT_KINDS_IN_ORDER: readonly ReportKindName[] = ['delivered', 'out_for_delivery', 'picked_up', 'at_pickup_point', 'failed_attempt', 'exception'];

/** A stop as the courier sees it now: the manifest's state with this phone's waiting reports laid over it. */
export interface StopProgress {
  status: TrackingStatus;
  /** The version the next report on this stop is made against. */
  version: number;
  /** Reports on this stop still waiting in the outbox. */
  pending: number;
}

/**
 * The server bumps a shipment's version once per applied report, so each waiting report on
 * a stop moves the local version on by one, and the last one (by seq) sets the status.
 */
export function localStopProgress(
  stop: Pick<ManifestStop, 'trackingNo' | 'status' | 'version'>,
  outbox: readonly Pick<OutboxEntry, 'trackingNo' | 'seq' | 'report'>[],
): StopProgress {
  const waiting = outbox.filter((entry) => entry.trackingNo === stop.trackingNo).sort((a, b) => a.seq - b.seq);
  const last = waiting.at(-1);
  return {
    status: last ? STATUS_AFTER_REPORT[last.report.kind] : stop.status,
    version: stop.version + waiting.length,
    pending: waiting.length,
  };
}

/**
 * Whether the shared state machine lets a report of this kind follow `status` (its status and
 * sub-status: "collected" only where nobody collected the parcel yet), and it says something:
 * a report that would leave the status as it is reads to a courier as the same button twice,
 * except the ones that add news (another exception; another failed pickup).
 */
function offered(kind: ReportKindName, status: TrackingStatus, leg: ShipmentLeg, repeatable: ReportKindName): boolean {
  const target = reportTarget(kind);
  return mayFollow(status, target, leg) && (target.status !== status || kind === repeatable);
}

/** The reports the shared state machine allows from a delivery stop's current (local) status. */
export function reportKindsAllowedFrom(status: TrackingStatus): ReportKindName[] {
  return REPORT_KINDS_IN_ORDER.filter((kind) => offered(kind, status, 'delivery', 'exception'));
}

/**
 * At a return pickup the courier does one of two things: collects the parcel (`picked_up`) or
 * cannot (`failed_attempt`). They follow the return leg's transitions, where a failed pickup
 * may follow another (the courier comes again another day) and nothing follows the collection
 * on the courier's side: the shop receives it.
 */
export const PICKUP_REPORT_KINDS: readonly ReportKindName[] = ['picked_up', 'failed_attempt'];

export function pickupReportKindsAllowedFrom(status: TrackingStatus): ReportKindName[] {
  return PICKUP_REPORT_KINDS.filter((kind) => offered(kind, status, 'return', 'failed_attempt'));
}

export function reportKindsForStop(kind: ManifestStop['kind'], status: TrackingStatus): ReportKindName[] {
  return kind === 'pickup' ? pickupReportKindsAllowedFrom(status) : reportKindsAllowedFrom(status);
}

/**
 * What the courier may report on a stop today: nothing on a pickup booked for a later day (the
 * customer expects them then; the server refuses it as `pickup_not_due`), else what its status allows.
 */
export function reportKindsToday(stop: Pick<ManifestStop, 'kind' | 'pickup'>, status: TrackingStatus, manifestDay: string): ReportKindName[] {
  return isForLaterDay(stop, manifestDay) ? [] : reportKindsForStop(stop.kind, status);
}

/**
 * Finished for today: a delivery once delivered or left in a locker or at a station (the
 * customer collects it from there), a pickup once collected (or beyond).
 */
export function isStopDone(kind: ManifestStop['kind'], status: TrackingStatus): boolean {
  if (kind === 'pickup') return status === 'InTransit' || status === 'Delivered';
  return status === 'Delivered' || status === 'AvailableForPickup';
}

/**
 * A pickup the customer booked for a later day than the manifest's (both the shop's calendar
 * days, YYYY-MM-DD, which compare as text): listed ahead of time, not due today.
 */
export function isForLaterDay(stop: Pick<ManifestStop, 'pickup'>, manifestDay: string): boolean {
  const slotDay = stop.pickup?.slotDay ?? null;
  return slotDay !== null && slotDay > manifestDay;
}
