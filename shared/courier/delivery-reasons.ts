import type { LocalizedText } from '../tracking/statuses';

/**
 * Why a parcel could not be handed over, or what went wrong with it: one taxonomy for the
 * courier's buttons, the server's checks, the customer's timeline and the ops queues.
 *
 * Built from carrier practice: the categories follow USPS delivery-exception notices and the
 * X12 214 shipment status reason codes (AT7-02; e.g. A1 missed delivery, A2 incorrect address,
 * AO weather, AQ recipient unavailable), with the reasons Chinese couriers record on SF Express
 * and Cainiao scans (电话无人接听, 门禁无法进入, 驿站代收). `x12` names the closest code where
 * one fits; it is a cross-reference for integrations, not our identifier.
 */
export const REASON_CATEGORIES = ['recipient', 'address', 'access', 'payment', 'parcel', 'carrier', 'other'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

/** Who the problem is down to: decides KPIs (carrier-side failures count against us) and refunds. */
export type Fault = 'recipient' | 'sender' | 'carrier' | 'none';

/** What happens next to the parcel. */
export type NextAction = 'reattempt' | 'hold' | 'return_to_sender' | 'review';

/** A failed attempt ends one delivery try; an exception is a problem with the parcel itself. */
export type ReportKind = 'failed_attempt' | 'exception';

export interface DeliveryReason {
  code: string;
  category: ReasonCategory;
  kinds: readonly ReportKind[];
  fault: Fault;
  photoRequired: boolean;
  nextAction: NextAction;
  /** Tracking sub-status shown for a failed attempt (AttemptFail_…) and for an exception (Exception_…). */
  subStatus: { failed_attempt?: string; exception?: string };
  label: LocalizedText;
  x12?: string;
}

const reason = (r: DeliveryReason) => r;

export const DELIVERY_REASONS: readonly DeliveryReason[] = [
  // recipient
  reason({ code: 'recipient_unavailable', category: 'recipient', kinds: ['failed_attempt'], fault: 'recipient', photoRequired: false, nextAction: 'reattempt', subStatus: { failed_attempt: 'AttemptFail_001' }, label: { 'zh-CN': '收件人不在', en: 'Recipient not available' }, x12: 'AQ' }),
  reason({ code: 'phone_unreachable', category: 'recipient', kinds: ['failed_attempt'], fault: 'recipient', photoRequired: false, nextAction: 'reattempt', subStatus: { failed_attempt: 'AttemptFail_003' }, label: { 'zh-CN': '电话无人接听', en: 'Recipient’s phone not answered' } }),
  reason({ code: 'recipient_rescheduled', category: 'recipient', kinds: ['failed_attempt'], fault: 'recipient', photoRequired: false, nextAction: 'reattempt', subStatus: { failed_attempt: 'AttemptFail_003' }, label: { 'zh-CN': '收件人要求改期派送', en: 'Recipient asked for another day' }, x12: 'AD' }),
  reason({ code: 'refused', category: 'recipient', kinds: ['failed_attempt', 'exception'], fault: 'recipient', photoRequired: false, nextAction: 'return_to_sender', subStatus: { failed_attempt: 'AttemptFail_003', exception: 'Exception_003' }, label: { 'zh-CN': '收件人拒收', en: 'Refused by the recipient' } }),
  reason({ code: 'business_closed', category: 'recipient', kinds: ['failed_attempt'], fault: 'recipient', photoRequired: true, nextAction: 'reattempt', subStatus: { failed_attempt: 'AttemptFail_003' }, label: { 'zh-CN': '单位已下班或休息', en: 'Business closed' }, x12: 'AN' }),
  // address
  reason({ code: 'address_incomplete', category: 'address', kinds: ['failed_attempt', 'exception'], fault: 'sender', photoRequired: false, nextAction: 'review', subStatus: { failed_attempt: 'AttemptFail_003', exception: 'Exception_004' }, label: { 'zh-CN': '地址不详或缺少门牌号', en: 'Address incomplete' }, x12: 'A2' }),
  reason({ code: 'address_not_found', category: 'address', kinds: ['failed_attempt', 'exception'], fault: 'sender', photoRequired: true, nextAction: 'review', subStatus: { failed_attempt: 'AttemptFail_003', exception: 'Exception_004' }, label: { 'zh-CN': '地址查无此处', en: 'Address does not exist' }, x12: 'A5' }),
  reason({ code: 'recipient_moved', category: 'address', kinds: ['exception'], fault: 'recipient', photoRequired: false, nextAction: 'return_to_sender', subStatus: { exception: 'Exception_004' }, label: { 'zh-CN': '收件人已搬离', en: 'Recipient has moved away' } }),
  // access
  reason({ code: 'no_access', category: 'access', kinds: ['failed_attempt'], fault: 'recipient', photoRequired: true, nextAction: 'reattempt', subStatus: { failed_attempt: 'AttemptFail_002' }, label: { 'zh-CN': '门禁或保安不让进入', en: 'Could not get in (gate or guard)' } }),
  reason({ code: 'unsafe_location', category: 'access', kinds: ['failed_attempt'], fault: 'none', photoRequired: true, nextAction: 'hold', subStatus: { failed_attempt: 'AttemptFail_002' }, label: { 'zh-CN': '无法安全放置', en: 'No safe place to leave it' } }),
  reason({ code: 'dog_on_premises', category: 'access', kinds: ['failed_attempt'], fault: 'recipient', photoRequired: false, nextAction: 'reattempt', subStatus: { failed_attempt: 'AttemptFail_002' }, label: { 'zh-CN': '有犬只无法靠近', en: 'Dog on the premises' } }),
  // payment
  reason({ code: 'cod_not_paid', category: 'payment', kinds: ['failed_attempt'], fault: 'recipient', photoRequired: false, nextAction: 'reattempt', subStatus: { failed_attempt: 'AttemptFail_003' }, label: { 'zh-CN': '到付款或代收货款未付', en: 'Cash on delivery not paid' } }),
  reason({ code: 'duties_unpaid', category: 'payment', kinds: ['exception'], fault: 'recipient', photoRequired: false, nextAction: 'hold', subStatus: { exception: 'Exception_008' }, label: { 'zh-CN': '关税未缴纳', en: 'Duties not paid' } }),
  // parcel
  reason({ code: 'parcel_damaged', category: 'parcel', kinds: ['exception'], fault: 'carrier', photoRequired: true, nextAction: 'review', subStatus: { exception: 'Exception_005' }, label: { 'zh-CN': '包裹破损', en: 'Parcel damaged' }, x12: 'AK' }),
  reason({ code: 'parcel_wet', category: 'parcel', kinds: ['exception'], fault: 'carrier', photoRequired: true, nextAction: 'review', subStatus: { exception: 'Exception_005' }, label: { 'zh-CN': '包裹受潮或浸水', en: 'Parcel wet' } }),
  reason({ code: 'contents_missing', category: 'parcel', kinds: ['exception'], fault: 'carrier', photoRequired: true, nextAction: 'review', subStatus: { exception: 'Exception_005' }, label: { 'zh-CN': '内件缺失', en: 'Contents missing' } }),
  reason({ code: 'lost', category: 'parcel', kinds: ['exception'], fault: 'carrier', photoRequired: false, nextAction: 'review', subStatus: { exception: 'Exception_006' }, label: { 'zh-CN': '包裹遗失', en: 'Parcel lost' } }),
  reason({ code: 'security_hold', category: 'parcel', kinds: ['exception'], fault: 'none', photoRequired: false, nextAction: 'hold', subStatus: { exception: 'Exception_008' }, label: { 'zh-CN': '安检扣留', en: 'Held at a security check' } }),
  // carrier
  reason({ code: 'weather_delay', category: 'carrier', kinds: ['exception'], fault: 'none', photoRequired: false, nextAction: 'hold', subStatus: { exception: 'Exception_009' }, label: { 'zh-CN': '天气原因延误', en: 'Delayed by weather' }, x12: 'AO' }),
  reason({ code: 'hub_backlog', category: 'carrier', kinds: ['exception'], fault: 'carrier', photoRequired: false, nextAction: 'hold', subStatus: { exception: 'Exception_002' }, label: { 'zh-CN': '转运中心积压', en: 'Backlog at a sorting hub' } }),
  reason({ code: 'vehicle_breakdown', category: 'carrier', kinds: ['failed_attempt', 'exception'], fault: 'carrier', photoRequired: false, nextAction: 'reattempt', subStatus: { failed_attempt: 'AttemptFail_003', exception: 'Exception_002' }, label: { 'zh-CN': '车辆故障', en: 'Vehicle breakdown' }, x12: 'AI' }),
  reason({ code: 'out_of_time', category: 'carrier', kinds: ['failed_attempt'], fault: 'carrier', photoRequired: false, nextAction: 'reattempt', subStatus: { failed_attempt: 'AttemptFail_003' }, label: { 'zh-CN': '当日时间不足未能派送', en: 'Not enough time to deliver today' }, x12: 'AX' }),
  reason({ code: 'missorted', category: 'carrier', kinds: ['exception'], fault: 'carrier', photoRequired: false, nextAction: 'review', subStatus: { exception: 'Exception_001' }, label: { 'zh-CN': '分拣错误', en: 'Missorted' } }),
  reason({ code: 'return_to_sender', category: 'carrier', kinds: ['exception'], fault: 'none', photoRequired: false, nextAction: 'return_to_sender', subStatus: { exception: 'Exception_007' }, label: { 'zh-CN': '按要求退回寄件人', en: 'Being returned to the sender' } }),
  // other
  reason({ code: 'other', category: 'other', kinds: ['failed_attempt', 'exception'], fault: 'none', photoRequired: true, nextAction: 'review', subStatus: { failed_attempt: 'AttemptFail_003', exception: 'Exception_001' }, label: { 'zh-CN': '其他原因', en: 'Other' } }),
];

const byCode = new Map(DELIVERY_REASONS.map((r) => [r.code, r]));

export function findDeliveryReason(code: string): DeliveryReason | undefined {
  return byCode.get(code);
}

export function reasonsFor(kind: ReportKind): DeliveryReason[] {
  return DELIVERY_REASONS.filter((r) => r.kinds.includes(kind));
}
