import type { TrackingStatus } from '../tracking/statuses';

/**
 * Kuaidi100's push states and words, mapped to the nine statuses and their sub-statuses.
 * Pure and table-tested: the only place that knows the aggregator's vocabulary.
 */
export interface MappedStatus {
  status: TrackingStatus;
  subStatus: string;
}

const m = (status: TrackingStatus, n = 1): MappedStatus => ({ status, subStatus: `${status}_${String(n).padStart(3, '0')}` });

/** Main states (one or two digits) and the documented sub-states (three digits). */
export const KUAIDI100_STATES: Readonly<Record<string, MappedStatus>> = {
  0: m('InTransit', 1), // 在途
  1: m('InTransit', 2), // 揽收
  101: m('InfoReceived', 1), // 已下单
  102: m('Pending', 1), // 待揽收
  103: m('InTransit', 2), // 已揽收
  1001: m('InTransit', 3), // 到达派件城市
  1002: m('InTransit', 1), // 干线
  1003: m('InTransit', 4), // 转递
  2: m('Exception', 1), // 疑难
  201: m('Exception', 2), // 超时未签收
  202: m('Expired', 1), // 超时未更新
  203: m('Exception', 3), // 拒收 (退件)
  204: m('AttemptFail', 3), // 派件异常
  205: m('AvailableForPickup', 2), // 柜或驿站超时未取
  206: m('AttemptFail', 1), // 无法联系
  207: m('Exception', 4), // 超区
  208: m('Exception', 2), // 滞留
  209: m('Exception', 5), // 破损
  210: m('Exception', 1), // 寄件人申请撤销
  3: m('Delivered', 1), // 签收
  301: m('Delivered', 2), // 本人签收
  302: m('Delivered', 1), // 派件异常后签收
  303: m('Delivered', 3), // 代签
  304: m('Delivered', 4), // 投柜或站签收
  4: m('Exception', 7), // 退签
  401: m('Exception', 1), // 已销单
  14: m('Exception', 3), // 拒签
  5: m('OutForDelivery', 1), // 派件
  501: m('AvailableForPickup', 2), // 投柜或驿站
  6: m('InTransit', 7), // 退回
  7: m('InTransit', 4), // 转投
  8: m('Exception', 8), // 清关
  10: m('Exception', 8), // 待清关
  11: m('Exception', 8), // 清关中
  12: m('InTransit', 1), // 已清关
  13: m('Exception', 8), // 清关异常
};

/** The Chinese words some pushes carry in `data[].status` instead of a code. */
export const KUAIDI100_WORDS: Readonly<Record<string, MappedStatus>> = {
  在途: m('InTransit', 1),
  揽收: m('InTransit', 2),
  疑难: m('Exception', 1),
  签收: m('Delivered', 1),
  退签: m('Exception', 7),
  派件: m('OutForDelivery', 1),
  退回: m('InTransit', 7),
  转投: m('InTransit', 4),
  清关: m('Exception', 8),
  拒签: m('Exception', 3),
};

/**
 * A state code to a status: the exact code when known, else its main state (a sub-state's
 * first digit, e.g. 503 → 5; four-digit 1xxx → 1); null when nothing fits.
 */
export function mapKuaidi100State(code: string | number | null | undefined): MappedStatus | null {
  if (code === null || code === undefined) return null;
  const text = String(code).trim();
  if (!/^\d{1,4}$/.test(text)) return null;
  return KUAIDI100_STATES[text] ?? (text.length >= 3 ? (KUAIDI100_STATES[text[0]!] ?? null) : null);
}

export function mapKuaidi100Word(word: string | null | undefined): MappedStatus | null {
  if (!word) return null;
  return KUAIDI100_WORDS[word.trim()] ?? null;
}

/**
 * One history item's status: its own status word or code first (it describes that step), else
 * the push's overall state — which describes only the newest step, so it is used for the newest
 * item alone; older items without their own status count as in transit.
 */
export function mapKuaidi100Item(item: { status?: string | null; statusCode?: string | null }, pushState: string | null, newest: boolean): MappedStatus | null {
  const own = mapKuaidi100Word(item.status) ?? mapKuaidi100State(item.statusCode) ?? mapKuaidi100State(item.status);
  if (own) return own;
  if (newest) return mapKuaidi100State(pushState);
  return m('InTransit', 1);
}

/** "2026-12-05 10:12:00" in China time (UTC+8, no summer time) to epoch ms; null when malformed. */
export function parseKuaidi100Time(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s ?? '0'));
  const back = new Date(ms + 8 * 3600_000);
  // Date.UTC rolls 2026-02-30 over into March; a real time survives the round trip.
  return back.getUTCDate() === Number(d) && back.getUTCMonth() === Number(mo) - 1 ? ms : null;
}
