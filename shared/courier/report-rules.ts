import { COLLECTION_SUB_STATUS } from '../tracking/shipment-state-machine';
import type { TrackingStatus } from '../tracking/statuses';
import { findDeliveryReason, type DeliveryReason } from './delivery-reasons';
import type { CourierManifest } from './manifest';
import { pickupSubStatus, type PickupPointType } from './pickup-point';

/**
 * What a courier's report must contain, and which tracking status it moves the parcel to.
 * Pure and shared: the phone's forms ask for exactly what the server will check.
 * (Types only from courier-report.ts, so the client can import this without zod.)
 */
type ReportKind = 'picked_up' | 'out_for_delivery' | 'delivered' | 'at_pickup_point' | 'failed_attempt' | 'exception';

export interface ReportContent {
  kind: ReportKind;
  reasonCode?: string;
  recipientName?: string;
  photoIds?: readonly string[];
  signatureId?: string;
  /** For `at_pickup_point`: the schema has checked the rest of it (code, name, address). */
  pickupPoint?: { type: PickupPointType };
}

export const STATUS_FOR_REPORT: Record<ReportKind, TrackingStatus> = {
  picked_up: 'InTransit',
  out_for_delivery: 'OutForDelivery',
  delivered: 'Delivered',
  at_pickup_point: 'AvailableForPickup',
  failed_attempt: 'AttemptFail',
  exception: 'Exception',
};

/** The sub-status a report that takes no reason records (a failed attempt's or exception's comes from its reason). */
export const SUB_STATUS_FOR_REPORT: Partial<Record<ReportKind, string>> = {
  picked_up: COLLECTION_SUB_STATUS,
  out_for_delivery: 'OutForDelivery_001',
  delivered: 'Delivered_001',
};

/** Where a report of this kind takes the shipment, as the state machine judges it (a reason's own sub-status is never the collection). */
export function reportTarget(kind: ReportKind): { status: TrackingStatus; subStatus: string } {
  const status = STATUS_FOR_REPORT[kind];
  return { status, subStatus: SUB_STATUS_FOR_REPORT[kind] ?? `${status}_001` };
}

export type ReportProblem = { code: string; message: string };

export type ReportCheck =
  | { ok: true; status: TrackingStatus; subStatus: string; reason: DeliveryReason | null }
  | ({ ok: false } & ReportProblem);

const problem = (code: string, message: string): ReportCheck => ({ ok: false, code, message });

/** Checks a report's content against the reason taxonomy and the proof-of-delivery setting. */
export function checkReportContent(report: ReportContent, proof: CourierManifest['proofRequirements']): ReportCheck {
  const status = STATUS_FOR_REPORT[report.kind];
  const photos = report.photoIds?.length ?? 0;
  if (report.kind === 'failed_attempt' || report.kind === 'exception') {
    if (!report.reasonCode) return problem('reason_required', 'Say why: a reason is required');
    const reason = findDeliveryReason(report.reasonCode);
    if (!reason) return problem('unknown_reason', `Unknown reason ${report.reasonCode}`);
    if (!reason.kinds.includes(report.kind)) {
      return problem('reason_not_for_kind', `${reason.code} is not a reason for a ${report.kind.replace('_', ' ')}`);
    }
    if (reason.photoRequired && photos === 0) return problem('photo_required', `A photo is required for ${reason.code}`);
    const subStatus = reason.subStatus[report.kind] ?? `${status}_001`;
    return { ok: true, status, subStatus, reason };
  }
  if (report.reasonCode) return problem('reason_not_for_kind', `A ${report.kind.replace(/_/g, ' ')} report takes no reason`);
  if (report.kind === 'delivered') {
    if (proof.photo && photos === 0) return problem('photo_required', 'A photo is required as proof of delivery');
    if (proof.recipientName && !report.recipientName?.trim()) return problem('recipient_name_required', 'Say who took the parcel');
    if (proof.signature && !report.signatureId) return problem('signature_required', 'A signature is required');
    return { ok: true, status, subStatus: reportTarget('delivered').subStatus, reason: null };
  }
  if (report.kind === 'at_pickup_point') {
    if (!report.pickupPoint) return problem('pickup_point_required', 'Say where the parcel waits: locker or station, its name, address and the pickup code');
    return { ok: true, status, subStatus: pickupSubStatus(report.pickupPoint.type), reason: null };
  }
  return { ok: true, status, subStatus: reportTarget(report.kind).subStatus, reason: null };
}
