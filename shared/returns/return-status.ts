import type { LocalizedText } from '../tracking/statuses';

/**
 * The life of a return request. Every change goes through `checkReturnTransition`; the
 * customer may cancel until the parcel has left their hands.
 */
export const RETURN_STATUSES = [
  'requested',
  'needs_review',
  'approved',
  'rejected',
  'pickup_scheduled',
  'awaiting_dropoff',
  'picked_up',
  'received',
  'refunded',
  'closed',
  'cancelled',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURN_TRANSITIONS: Record<ReturnStatus, readonly ReturnStatus[]> = {
  requested: ['approved', 'needs_review', 'rejected', 'cancelled'],
  needs_review: ['approved', 'rejected', 'cancelled'],
  approved: ['pickup_scheduled', 'awaiting_dropoff', 'cancelled'],
  pickup_scheduled: ['picked_up', 'cancelled'],
  // Handed in at a drop-off point counts as picked up; a shop desk may receive it directly.
  awaiting_dropoff: ['picked_up', 'received', 'cancelled'],
  picked_up: ['received'],
  // Closed straight from received when inspection accepted nothing to refund.
  received: ['refunded', 'closed'],
  refunded: ['closed'],
  rejected: [],
  closed: [],
  cancelled: [],
};

/** Still counts against the delivered quantity: everything but a refusal or a cancellation. */
export const LIVE_RETURN_STATUSES: readonly ReturnStatus[] = RETURN_STATUSES.filter((s) => s !== 'rejected' && s !== 'cancelled');

export const CANCELLABLE_RETURN_STATUSES: readonly ReturnStatus[] = RETURN_STATUSES.filter((s) =>
  RETURN_TRANSITIONS[s].includes('cancelled'),
);

export function canMoveReturn(from: ReturnStatus, to: ReturnStatus): boolean {
  return RETURN_TRANSITIONS[from].includes(to);
}

export type ReturnTransitionCheck = { ok: true } | { ok: false; code: 'return_transition_not_allowed'; message: LocalizedText };

export function checkReturnTransition(from: ReturnStatus, to: ReturnStatus): ReturnTransitionCheck {
  if (canMoveReturn(from, to)) return { ok: true };
  return {
    ok: false,
    code: 'return_transition_not_allowed',
    message: {
      'zh-CN': `退货单不能从“${RETURN_STATUS_LABELS[from]['zh-CN']}”变为“${RETURN_STATUS_LABELS[to]['zh-CN']}”`,
      en: `A return cannot go from ${RETURN_STATUS_LABELS[from].en.toLowerCase()} to ${RETURN_STATUS_LABELS[to].en.toLowerCase()}`,
    },
  };
}

export const RETURN_STATUS_LABELS: Record<ReturnStatus, LocalizedText> = {
  requested: { 'zh-CN': '已提交', en: 'Requested' },
  needs_review: { 'zh-CN': '待审核', en: 'Being reviewed' },
  approved: { 'zh-CN': '已同意', en: 'Approved' },
  rejected: { 'zh-CN': '已拒绝', en: 'Rejected' },
  pickup_scheduled: { 'zh-CN': '待上门取件', en: 'Pickup scheduled' },
  awaiting_dropoff: { 'zh-CN': '待寄回', en: 'Waiting for drop-off' },
  picked_up: { 'zh-CN': '已取件', en: 'Picked up' },
  received: { 'zh-CN': '商家已收货', en: 'Received by the shop' },
  refunded: { 'zh-CN': '已退款', en: 'Refunded' },
  closed: { 'zh-CN': '已完成', en: 'Closed' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};
