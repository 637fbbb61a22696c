import { STATUS_LABELS, isTrackingStatus, type LocalizedText, type TrackingStatus } from './statuses';

/**
 * Which status may follow which. Shipment status changes only through this table; the
 * client uses it to offer only sensible actions, the server to refuse everything else.
 * A status may follow itself where carriers send progress scans (another hub, a reminder).
 */
export const ALLOWED_TRANSITIONS: Record<TrackingStatus, readonly TrackingStatus[]> = {
  Pending: ['Pending', 'InfoReceived', 'InTransit', 'Exception', 'Expired'],
  InfoReceived: ['InfoReceived', 'InTransit', 'Exception', 'Expired'],
  InTransit: ['InTransit', 'OutForDelivery', 'AvailableForPickup', 'Exception', 'Expired'],
  OutForDelivery: ['OutForDelivery', 'Delivered', 'AttemptFail', 'AvailableForPickup', 'InTransit', 'Exception'],
  AttemptFail: ['OutForDelivery', 'AvailableForPickup', 'InTransit', 'Exception', 'Delivered'],
  AvailableForPickup: ['AvailableForPickup', 'Delivered', 'InTransit', 'Exception', 'Expired'],
  Exception: ['Exception', 'InTransit', 'OutForDelivery', 'AvailableForPickup', 'Delivered', 'Expired'],
  // Final: a delivered or expired parcel is settled; a dispute about it is a claim, not a status.
  Delivered: [],
  Expired: [],
};

export const FINAL_STATUSES: readonly TrackingStatus[] = ['Delivered', 'Expired'];

/** A shipment's direction: to the customer, or a customer's return going back to the shop. */
export type ShipmentLeg = 'delivery' | 'return';

/**
 * The return leg: booked (InfoReceived) → collected from the customer (InTransit) → received
 * by the shop (Delivered). A failed pickup is an AttemptFail and the courier comes again; the
 * shop's receipt follows the courier's pickup with no out-for-delivery step in between.
 */
export const RETURN_LEG_TRANSITIONS: Record<TrackingStatus, readonly TrackingStatus[]> = {
  Pending: ['InfoReceived'],
  InfoReceived: ['AttemptFail', 'InTransit', 'Exception', 'Expired'],
  AttemptFail: ['AttemptFail', 'InTransit', 'Exception', 'Expired'],
  InTransit: ['InTransit', 'Delivered', 'Exception'],
  OutForDelivery: [],
  AvailableForPickup: [],
  Exception: ['Exception', 'InTransit', 'Delivered', 'Expired'],
  Delivered: [],
  Expired: [],
};

const TRANSITIONS: Record<ShipmentLeg, Record<TrackingStatus, readonly TrackingStatus[]>> = {
  delivery: ALLOWED_TRANSITIONS,
  return: RETURN_LEG_TRANSITIONS,
};

/**
 * The collection scan (快递员已揽收): where a parcel's journey with a carrier starts. The status
 * table lets InTransit follow an out-for-delivery parcel (back to the station), but that is not
 * a collection: a parcel is collected only while no carrier holds it yet. On the delivery leg
 * that is before it moved at all; on the return leg, a pickup booked, failed, or held up.
 */
export const COLLECTION_SUB_STATUS = 'InTransit_002';

const COLLECTABLE_FROM: Record<ShipmentLeg, readonly TrackingStatus[]> = {
  delivery: ['Pending', 'InfoReceived'],
  return: ['InfoReceived', 'AttemptFail', 'Exception'],
};

export type TransitionRefusalCode = 'unknown_status' | 'already_final' | 'transition_not_allowed' | 'already_collected';

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: TransitionRefusalCode; message: LocalizedText };

/**
 * Whether a shipment may go from `from` to `to` (and, when given, to that sub-status: the
 * collection scan has its own rule, see COLLECTION_SUB_STATUS).
 */
export function checkTransition(from: string, to: string, leg: ShipmentLeg = 'delivery', toSubStatus?: string): TransitionCheck {
  if (!isTrackingStatus(from) || !isTrackingStatus(to)) {
    const bad = isTrackingStatus(from) ? to : from;
    return {
      ok: false,
      code: 'unknown_status',
      message: { 'zh-CN': `未知的物流状态：${bad}`, en: `Unknown tracking status: ${bad}` },
    };
  }
  if (TRANSITIONS[leg][from].includes(to)) {
    if (toSubStatus !== COLLECTION_SUB_STATUS || COLLECTABLE_FROM[leg].includes(from)) return { ok: true };
    return {
      ok: false,
      code: 'already_collected',
      message: {
        'zh-CN': `包裹已是“${STATUS_LABELS[from]['zh-CN']}”状态，已经揽收过，不能再次揽收`,
        en: `The parcel is already ${STATUS_LABELS[from].en.toLowerCase()}; it was collected before and cannot be collected again`,
      },
    };
  }
  if (FINAL_STATUSES.includes(from)) {
    return {
      ok: false,
      code: 'already_final',
      message: {
        'zh-CN': `包裹已是“${STATUS_LABELS[from]['zh-CN']}”状态，不能再变更为“${STATUS_LABELS[to]['zh-CN']}”`,
        en: `The parcel is already ${STATUS_LABELS[from].en.toLowerCase()}; it cannot become ${STATUS_LABELS[to].en.toLowerCase()}`,
      },
    };
  }
  return {
    ok: false,
    code: 'transition_not_allowed',
    message: {
      'zh-CN': `包裹不能从“${STATUS_LABELS[from]['zh-CN']}”直接变为“${STATUS_LABELS[to]['zh-CN']}”`,
      en: `A parcel cannot go from ${STATUS_LABELS[from].en.toLowerCase()} straight to ${STATUS_LABELS[to].en.toLowerCase()}`,
    },
  };
}

export function nextStatuses(from: TrackingStatus, leg: ShipmentLeg = 'delivery'): readonly TrackingStatus[] {
  return TRANSITIONS[leg][from];
}

/** Whether a status and sub-status may follow `from` (the status table and the collection rule). */
export function mayFollow(from: TrackingStatus, to: { status: TrackingStatus; subStatus: string }, leg: ShipmentLeg = 'delivery'): boolean {
  return checkTransition(from, to.status, leg, to.subStatus).ok;
}
