import type { CourierReport, SyncResult } from '../../../shared/courier/courier-report';
import { checkReportContent } from '../../../shared/courier/report-rules';
import { checkTransition, type ShipmentLeg } from '../../../shared/tracking/shipment-state-machine';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import { shopDay } from '../../../shared/time/shop-day';
import type { ProofRequirements } from '../settings/settings-repository';
import { progressAfterEvent, type ShipmentProgress } from '../tracking/shipment-change';

/** A shipment as the batch sees it: loaded once, moved by each applied report in memory. */
export interface ShipmentState extends ShipmentProgress {
  id: number;
  courierId: number | null;
  version: number;
  /** Where the courier meets the customer: the destination city, or the origin for a return pickup. */
  doorstep: { province: string; city: string };
  leg: ShipmentLeg;
  returnId: number | null;
  /** For a return pickup: the start of the customer's slot (epoch ms), when they chose one. */
  pickupSlotStart: number | null;
}

export interface Judgement {
  outcome: SyncResult['outcome'];
  code: string;
  message: string;
  shipmentVersion: number | null;
  /** Only for `applied`: the event to record and the shipment after it. */
  applied?: { status: TrackingStatus; subStatus: string; next: ShipmentState };
}

const judged = (outcome: Judgement['outcome'], code: string, message: string, shipmentVersion: number | null = null): Judgement => ({
  outcome,
  code,
  message,
  shipmentVersion,
});

/**
 * Decides one new courier report against the shipment as it stands: applied, conflict (the
 * world moved on while the phone was offline) or rejected (it was never valid). Pure: the
 * sync service loads, this decides, the service writes.
 */
export function judgeReport(
  report: CourierReport,
  shipment: ShipmentState | undefined,
  ctx: { courierId: number; proof: ProofRequirements; uploadedIds: ReadonlySet<string>; timeZone: string },
): Judgement {
  if (!shipment) return judged('rejected', 'shipment_not_found', `No parcel ${report.trackingNo}`);
  if (shipment.courierId !== ctx.courierId) {
    // Made against an older version: it was this courier's stop then, and dispatch moved it since.
    return report.shipmentVersion < shipment.version
      ? judged('conflict', 'reassigned', 'This parcel was given to another courier while you were offline', shipment.version)
      : judged('rejected', 'not_your_stop', 'This parcel is not on your manifest');
  }
  const content = checkReportContent(report, ctx.proof);
  if (!content.ok) return judged('rejected', content.code, content.message, shipment.version);
  const referenced = [...(report.photoIds ?? []), ...(report.signatureId ? [report.signatureId] : [])];
  if (referenced.some((id) => !ctx.uploadedIds.has(id))) {
    return judged('rejected', 'photo_not_uploaded', 'A photo this report refers to has not been uploaded', shipment.version);
  }
  const transition = checkTransition(shipment.status, content.status, shipment.leg, content.subStatus);
  if (!transition.ok) {
    if (shipment.status === 'Delivered') return judged('conflict', 'already_delivered', 'This parcel was already delivered', shipment.version);
    if (shipment.status === 'Expired') return judged('conflict', 'closed', 'This parcel’s tracking was closed', shipment.version);
    if (report.shipmentVersion !== shipment.version) {
      return judged('conflict', 'status_changed', `The parcel is now ${shipment.status}; this report no longer fits`, shipment.version);
    }
    return judged('rejected', transition.code, transition.message.en, shipment.version);
  }
  // Only once the report otherwise fits (a cancelled pickup is 'closed', not early).
  const due = pickupDueDay(shipment, report.occurredAt, ctx.timeZone);
  if (due !== null) {
    // The customer expects the courier on the day they booked: nothing happens at their door before it.
    return judged('rejected', 'pickup_not_due', `This pickup is booked for ${due}; collect it on that day`, shipment.version);
  }
  const progress = progressAfterEvent(shipment, {
    status: content.status,
    subStatus: content.subStatus,
    occurredAt: report.occurredAt,
    // At the door: the customer's city (the public timeline shows nothing finer).
    place: shipment.doorstep,
    reasonCode: report.reasonCode ?? null,
  });
  const next: ShipmentState = { ...shipment, ...progress, version: shipment.version + 1 };
  return { ...judged('applied', 'applied', 'Recorded', next.version), applied: { status: content.status, subStatus: content.subStatus, next } };
}

/** The shop day a pickup is booked for, when that is after the day of `at`; else null (due, or no slot). */
export function pickupDueDay(shipment: Pick<ShipmentState, 'leg' | 'pickupSlotStart'>, at: number, timeZone: string): string | null {
  if (shipment.leg !== 'return' || shipment.pickupSlotStart === null) return null;
  const booked = shopDay(shipment.pickupSlotStart, timeZone);
  return booked > shopDay(at, timeZone) ? booked : null;
}
