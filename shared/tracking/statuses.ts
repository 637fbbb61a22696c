/**
 * The nine status tags that the big tracking aggregators normalise every carrier to,
 * each with numbered sub-statuses (`InTransit_003`). Labels live here rather than in the
 * client locales because the server, the demo generator and the client all name them.
 */
export const TRACKING_STATUSES = [
  'Pending',
  'InfoReceived',
  'InTransit',
  'OutForDelivery',
  'AttemptFail',
  'Delivered',
  'AvailableForPickup',
  'Exception',
  'Expired',
] as const;

export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface SubStatusDefinition {
  code: string;
  status: TrackingStatus;
  label: LocalizedText;
}

const sub = (status: TrackingStatus, n: number, zh: string, en: string): SubStatusDefinition => ({
  code: `${status}_${String(n).padStart(3, '0')}`,
  status,
  label: { 'zh-CN': zh, en },
});

export const SUB_STATUSES: readonly SubStatusDefinition[] = [
  sub('Pending', 1, '订单已创建，等待揽收信息', 'Order created, waiting for carrier information'),
  sub('Pending', 2, '暂无物流信息', 'No tracking information yet'),
  sub('InfoReceived', 1, '商家已发货，等待快递员揽收', 'Shipped by the seller, awaiting pickup by the carrier'),
  sub('InTransit', 1, '运输中', 'On the way'),
  sub('InTransit', 2, '快递员已揽收', 'Picked up by the carrier'),
  sub('InTransit', 3, '已到达转运中心', 'Arrived at a sorting hub'),
  sub('InTransit', 4, '已离开转运中心', 'Departed a sorting hub'),
  sub('InTransit', 5, '已到达派送网点', 'Arrived at the local delivery station'),
  sub('InTransit', 6, '包裹已退回网点', 'Returned to the delivery station'),
  sub('InTransit', 7, '正在退回寄件人', 'On its way back to the sender'),
  // After an exception the shop has sorted out: back at the station for the next day's round.
  sub('InTransit', 8, '已回到派送网点，安排次日再次派送', 'Back at the delivery station, to be delivered again tomorrow'),
  // The customer's own choice after a failed attempt (shared/tracking/attempt-choices.ts).
  sub('InTransit', 9, '已按收件人要求改约派送日期', 'Delivery rescheduled at the recipient’s request'),
  sub('InTransit', 10, '按收件人要求留在派送网点，等待自取', 'Held at the delivery station for the recipient to collect'),
  sub('OutForDelivery', 1, '派送中', 'Out for delivery'),
  sub('OutForDelivery', 2, '快递员已联系收件人', 'The courier has contacted the recipient'),
  sub('OutForDelivery', 3, '已预约派送时间', 'Delivery appointment scheduled'),
  sub('AttemptFail', 1, '派送未成功：收件人不在', 'Delivery attempted: recipient not available'),
  sub('AttemptFail', 2, '派送未成功：无法进入', 'Delivery attempted: could not get access'),
  sub('AttemptFail', 3, '派送未成功：其他原因', 'Delivery attempted: other reason'),
  sub('Delivered', 1, '包裹已送达', 'Delivered to the address'),
  sub('Delivered', 2, '本人已签收', 'Signed for by the recipient'),
  sub('Delivered', 3, '他人代收', 'Received by someone else on the recipient’s behalf'),
  sub('Delivered', 4, '已放置在指定位置', 'Left at the agreed place'),
  sub('AvailableForPickup', 1, '已到达自提点，请凭取件码取件', 'Ready for collection at a pickup point'),
  sub('AvailableForPickup', 2, '已放入快递柜', 'Placed in a parcel locker'),
  sub('Exception', 1, '包裹异常', 'There is a problem with the parcel'),
  sub('Exception', 2, '派送延误', 'Delivery delayed'),
  sub('Exception', 3, '收件人拒收', 'Refused by the recipient'),
  sub('Exception', 4, '地址有误或不完整', 'Address incorrect or incomplete'),
  sub('Exception', 5, '包裹破损', 'Parcel damaged'),
  sub('Exception', 6, '包裹丢失', 'Parcel lost'),
  sub('Exception', 7, '包裹正在退回寄件人', 'Being returned to the sender'),
  sub('Exception', 8, '包裹被扣留（海关或安检）', 'Held (customs or security check)'),
  sub('Exception', 9, '天气或不可抗力影响', 'Affected by weather or force majeure'),
  // Still a problem, but a person at the shop has taken it up with the customer.
  sub('Exception', 10, '商家正在联系您处理包裹问题', 'The shop is contacting you to sort out this parcel'),
  sub('Expired', 1, '长时间无物流更新', 'No updates for a long time'),
];

const byCode = new Map(SUB_STATUSES.map((s) => [s.code, s]));

export const STATUS_LABELS: Record<TrackingStatus, LocalizedText> = {
  Pending: { 'zh-CN': '待揽收', en: 'Pending' },
  InfoReceived: { 'zh-CN': '已发货', en: 'Shipped' },
  InTransit: { 'zh-CN': '运输中', en: 'In transit' },
  OutForDelivery: { 'zh-CN': '派送中', en: 'Out for delivery' },
  AttemptFail: { 'zh-CN': '派送未成功', en: 'Delivery attempt failed' },
  Delivered: { 'zh-CN': '已签收', en: 'Delivered' },
  AvailableForPickup: { 'zh-CN': '待取件', en: 'Ready for pickup' },
  Exception: { 'zh-CN': '异常', en: 'Exception' },
  Expired: { 'zh-CN': '已过期', en: 'Expired' },
};

export function isTrackingStatus(value: string): value is TrackingStatus {
  return (TRACKING_STATUSES as readonly string[]).includes(value);
}

export function findSubStatus(code: string): SubStatusDefinition | undefined {
  return byCode.get(code);
}

/** The sub-status a status falls back to when a report names none (always the `_001` one). */
export function defaultSubStatus(status: TrackingStatus): string {
  return `${status}_001`;
}

/**
 * Resolves the sub-status an event should carry: the given code when it belongs to the
 * status, the status's default when none is given; anything else is a mismatch the caller
 * must refuse rather than guess at.
 */
export function resolveSubStatus(
  status: TrackingStatus,
  code: string | null | undefined,
): { ok: true; subStatus: string } | { ok: false; code: 'unknown_sub_status' | 'sub_status_mismatch' } {
  if (code == null || code === '') return { ok: true, subStatus: defaultSubStatus(status) };
  const found = byCode.get(code);
  if (!found) return { ok: false, code: 'unknown_sub_status' };
  if (found.status !== status) return { ok: false, code: 'sub_status_mismatch' };
  return { ok: true, subStatus: found.code };
}
