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

export type TransitionRefusalCode = 'unknown_status' | 'already_final' | 'transition_not_allowed';

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: TransitionRefusalCode; message: LocalizedText };

export function checkTransition(from: string, to: string): TransitionCheck {
  if (!isTrackingStatus(from) || !isTrackingStatus(to)) {
    const bad = isTrackingStatus(from) ? to : from;
    return {
      ok: false,
      code: 'unknown_status',
      message: { 'zh-CN': `未知的物流状态：${bad}`, en: `Unknown tracking status: ${bad}` },
    };
  }
  if (ALLOWED_TRANSITIONS[from].includes(to)) return { ok: true };
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

export function nextStatuses(from: TrackingStatus): readonly TrackingStatus[] {
  return ALLOWED_TRANSITIONS[from];
}
