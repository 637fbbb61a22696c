import type { LocalizedText } from '../tracking/statuses';
import { shopDatePlusDays, shopDayNumber } from '../time/shop-calendar';
import { CATEGORY_LABELS, exclusionFor, type ReturnPolicy } from './return-policy';
import { findReturnReason, type ItemCondition } from './return-reasons';

/**
 * May this return be made? One pure function: the customer's phone previews it, the server
 * decides with it. Every "no" has a machine code and a sentence in both languages.
 */

export interface EligibilityLine {
  orderItemId: number;
  name: string;
  category: string;
  delivered: number;
  /** Units in other live returns (not rejected or cancelled) or already returned. */
  alreadyReturned: number;
  requested: number;
}

export interface EligibilityInput {
  orderPaid: boolean;
  /** When the parcel reached the customer; null if it never did. */
  deliveredAt: number | null;
  now: number;
  timeZone: string;
  policy: ReturnPolicy;
  reasonCode: string;
  condition: ItemCondition;
  photoCount: number;
  lines: readonly EligibilityLine[];
  /** A lost-parcel claim on this parcel that is open or was answered with money or goods; null if none (or it was rejected). */
  parcelClaim: ParcelClaimState | null;
}

/** A claim that speaks for the parcel's items: they were either never received or already made good. */
export type ParcelClaimState = 'open' | 'refunded' | 'resent';

export type RefusalCode =
  | 'not_paid'
  | 'not_delivered'
  | 'unknown_reason'
  | 'no_items'
  | 'unknown_item'
  | 'quantity_exceeded'
  | 'window_closed'
  | 'category_excluded'
  | 'photo_required'
  | 'parcel_claimed';

export interface Refusal {
  code: RefusalCode;
  message: LocalizedText;
  /** The line it is about, when it is about one. */
  orderItemId?: number;
}

export interface Eligibility {
  eligible: boolean;
  refusals: Refusal[];
  /** Last shop-calendar day (YYYY-MM-DD) a request with this reason can be made; null before delivery. */
  lastDay: string | null;
}

const refusal = (code: RefusalCode, zh: string, en: string, orderItemId?: number): Refusal => ({
  code,
  message: { 'zh-CN': zh, en },
  ...(orderItemId === undefined ? {} : { orderItemId }),
});

export function checkEligibility(input: EligibilityInput): Eligibility {
  const refusals: Refusal[] = [];
  const reason = findReturnReason(input.reasonCode);
  const days = reason?.sellerFault ? input.policy.qualityDays : input.policy.noReasonDays;
  const lastDay = input.deliveredAt === null ? null : shopDatePlusDays(input.deliveredAt, input.timeZone, days);

  if (!input.orderPaid) refusals.push(refusal('not_paid', '订单尚未付款，不能退货', 'The order is not paid, so nothing can be returned'));
  if (input.deliveredAt === null) {
    refusals.push(refusal('not_delivered', '包裹签收后才能申请退货', 'A return can be requested once the parcel has been delivered'));
  }
  if (input.parcelClaim !== null) refusals.push(claimRefusalOf(input.parcelClaim));
  if (!reason) {
    refusals.push(refusal('unknown_reason', '请选择退货原因', 'Choose a reason for the return'));
    return { eligible: false, refusals, lastDay };
  }
  if (input.deliveredAt !== null) {
    // Day 1 is the day after delivery, in the shop's calendar; the last day counts in full.
    const day = shopDayNumber(input.now, input.timeZone) - shopDayNumber(input.deliveredAt, input.timeZone);
    if (day > days) {
      refusals.push(
        reason.sellerFault
          ? refusal('window_closed', `质量问题需在签收后${days}天内申请，已超过期限（截止${zhDay(lastDay)}）`, `Quality problems must be reported within ${days} days of delivery; the last day was ${enDay(lastDay)}`)
          : refusal('window_closed', `无理由退货需在签收后${days}天内申请，已超过期限（截止${zhDay(lastDay)}）`, `No-reason returns must be requested within ${days} days of delivery; the last day was ${enDay(lastDay)}`),
      );
    }
  }
  const chosen = input.lines.filter((l) => l.requested > 0);
  if (chosen.length === 0) refusals.push(refusal('no_items', '请选择要退的商品和数量', 'Choose the items and how many to return'));
  for (const line of chosen) {
    const left = line.delivered - line.alreadyReturned;
    if (!Number.isInteger(line.requested) || line.requested > left) {
      refusals.push(
        left <= 0
          ? refusal('quantity_exceeded', `“${line.name}”已全部申请退货`, `Every “${line.name}” is already being returned`, line.orderItemId)
          : refusal('quantity_exceeded', `“${line.name}”最多还能退 ${left} 件`, `At most ${left} of “${line.name}” can still be returned`, line.orderItemId),
      );
    }
    if (!reason.sellerFault) {
      const rule = exclusionFor(line.category, input.condition, input.policy);
      if (rule) {
        const label = CATEGORY_LABELS[line.category] ?? { 'zh-CN': line.category, en: line.category };
        refusals.push(
          rule.when === 'always'
            ? refusal('category_excluded', `${label['zh-CN']}类商品不支持七天无理由退货；如有质量问题仍可申请`, `${label.en} can't be returned without a reason; quality problems can still be returned`, line.orderItemId)
            : refusal('category_excluded', `${label['zh-CN']}类商品拆封后不支持无理由退货；如有质量问题仍可申请`, `Opened ${label.en.toLowerCase()} can't be returned without a reason; quality problems can still be returned`, line.orderItemId),
        );
      }
    }
  }
  if (reason.photoRequired && input.photoCount === 0) {
    refusals.push(refusal('photo_required', `“${reason.label['zh-CN']}”需要上传照片作为凭证`, `A photo is required for “${reason.label.en.toLowerCase()}”`));
  }
  return { eligible: refusals.length === 0, refusals, lastDay };
}

/**
 * A claim says the parcel never arrived (or was lost) and is paid by refund or by sending it
 * again; returning its items as well would pay for them twice. Said in words, since the
 * customer may not connect the two.
 */
const CLAIM_REFUSALS: Record<ParcelClaimState, Refusal> = {
  open: refusal('parcel_claimed', '这个包裹已申请理赔（未收到或丢失），正在处理中，不能同时退货', 'This parcel has a claim (not received or lost) being looked at, so its items can\'t also be returned'),
  refunded: refusal('parcel_claimed', '这个包裹已按理赔退款，不能再退货', 'This parcel was already refunded through a claim, so its items can\'t also be returned'),
  resent: refusal('parcel_claimed', '这个包裹已按理赔补发，请对补发的包裹申请退货', 'This parcel was sent again after a claim; request a return on the new parcel instead'),
};

export const claimRefusalOf = (claim: ParcelClaimState): Refusal => CLAIM_REFUSALS[claim];

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A shop day (YYYY-MM-DD) as people write it, 12月16日 or Dec 16: a window is days long, so the year goes without saying. */
function zhDay(day: string | null): string {
  if (!day) return '';
  const [, m, d] = day.split('-').map(Number);
  return `${m}月${d}日`;
}

function enDay(day: string | null): string {
  if (!day) return '';
  const [, m, d] = day.split('-').map(Number);
  return `${EN_MONTHS[m! - 1]} ${d}`;
}
