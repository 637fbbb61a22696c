import { weighted } from './random';

/**
 * What goes wrong, with the sub-status it shows as, a reason code and the note a courier or
 * hub would write. Codes are short snake_case; the shared reason taxonomy will formalise
 * them later, so keep these few and obvious.
 */
export interface Incident {
  subStatus: string;
  reasonCode: string;
  notes: readonly string[];
}

const incident = (subStatus: string, reasonCode: string, ...notes: string[]): Incident => ({ subStatus, reasonCode, notes });

/** Why a courier could not hand the parcel over; the parcel goes out again later. */
export const FAILED_ATTEMPTS = weighted<Incident>([
  [incident('AttemptFail_001', 'recipient_unavailable', '家中无人，已电话联系', '收件人不在，明日再派'), 55],
  [incident('AttemptFail_002', 'no_access', '小区门禁无法进入', '写字楼前台不代收，无法上楼'), 15],
  [incident('AttemptFail_003', 'phone_unreachable', '电话无人接听，已发短信', '电话关机'), 18],
  [incident('AttemptFail_003', 'recipient_rescheduled', '收件人要求改天派送'), 12],
]);

/** Trouble in the network that holds a parcel up for a while and then clears. */
export const TRANSIT_DELAYS = weighted<Incident>([
  [incident('Exception_009', 'weather_delay', '受暴雨天气影响，运输延误', '大雾封路，班车延误'), 40],
  [incident('Exception_002', 'hub_backlog', '转运中心件量大，延误发出'), 35],
  [incident('Exception_005', 'parcel_damaged', '外包装破损，已重新加固包装'), 15],
  [incident('Exception_008', 'security_hold', '安检复查中'), 10],
]);

/** Exceptions a parcel may still be sitting in when the demo's clock stops. */
export const OPEN_TRANSIT_EXCEPTIONS = weighted<Incident>([
  [incident('Exception_009', 'weather_delay', '受台风影响，暂停发运'), 30],
  [incident('Exception_005', 'parcel_damaged', '包裹破损，内件待核实'), 30],
  [incident('Exception_008', 'security_hold', '安检扣留，待进一步核查'), 15],
  [incident('Exception_002', 'hub_backlog', '转运中心爆仓，延误发出'), 25],
]);

export const LOST = incident('Exception_006', 'lost', '包裹遗失，已启动理赔流程');
export const ADDRESS_INCOMPLETE = incident('Exception_004', 'address_incomplete', '地址不详，正在联系收件人', '门牌号缺失');
export const REFUSED = incident('Exception_003', 'refused', '收件人拒收', '收件人称未购买，拒收');
export const RETURN_TO_SENDER = incident('Exception_007', 'return_to_sender', '拒收件，安排退回');
