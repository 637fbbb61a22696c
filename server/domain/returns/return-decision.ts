import { refundBreakdown, type RefundBreakdown } from '../../../shared/returns/refund-breakdown';
import { checkEligibility, type Eligibility, type ParcelClaimState } from '../../../shared/returns/return-eligibility';
import type { ReturnPolicy } from '../../../shared/returns/return-policy';
import { findReturnReason, type ItemCondition } from '../../../shared/returns/return-reasons';
import type { OrderReturnContext } from './order-return-context';

export interface ReturnChoice {
  items: readonly { orderItemId: number; quantity: number }[];
  reasonCode: string;
  condition: ItemCondition;
  method: 'pickup' | 'dropoff';
  photoCount: number;
}

export type ReviewReason = 'over_auto_approve_limit' | 'used_item_without_fault';

export interface ReturnDecision {
  eligibility: Eligibility;
  breakdown: RefundBreakdown | null;
  /** Why a person must approve it; empty means the rules approve it on submission. */
  reviewReasons: ReviewReason[];
}

/**
 * The rules' whole answer to a return request: eligible or not (and why), the refund, and
 * whether it can be approved without a person. Pure: the quote and the create endpoints both
 * call it, so what the customer was shown is what is stored.
 */
export function decideReturn(
  ctx: OrderReturnContext,
  choice: ReturnChoice,
  facts: { deliveredAt: number | null; now: number; timeZone: string; policy: ReturnPolicy; parcelClaim: ParcelClaimState | null },
): ReturnDecision {
  const known = new Map(ctx.lines.map((l) => [l.orderItemId, l]));
  const eligibility = checkEligibility({
    orderPaid: ctx.paid,
    deliveredAt: facts.deliveredAt,
    now: facts.now,
    timeZone: facts.timeZone,
    policy: facts.policy,
    reasonCode: choice.reasonCode,
    condition: choice.condition,
    photoCount: choice.photoCount,
    parcelClaim: facts.parcelClaim,
    lines: ctx.lines.map((l) => ({
      orderItemId: l.orderItemId,
      name: l.name,
      category: l.category,
      delivered: l.quantity,
      alreadyReturned: ctx.alreadyReturned.get(l.orderItemId) ?? 0,
      requested: choice.items.find((i) => i.orderItemId === l.orderItemId)?.quantity ?? 0,
    })),
  });
  for (const item of choice.items) {
    if (known.has(item.orderItemId)) continue;
    eligibility.eligible = false;
    eligibility.refusals.push({
      code: 'unknown_item',
      message: { 'zh-CN': '该商品不在这个订单中', en: 'That item is not part of this order' },
      orderItemId: item.orderItemId,
    });
  }
  if (!eligibility.eligible) return { eligibility, breakdown: null, reviewReasons: [] };

  const reason = findReturnReason(choice.reasonCode)!;
  const breakdown = refundBreakdown({
    order: {
      lines: ctx.lines.map((l) => ({ orderItemId: l.orderItemId, quantity: l.quantity, unitPriceFen: l.unitPriceFen })),
      shippingFen: ctx.shippingFen,
      paidTotalFen: ctx.paidTotalFen,
    },
    alreadyReturned: [...ctx.alreadyReturned].map(([orderItemId, quantity]) => ({ orderItemId, quantity })),
    items: choice.items,
    sellerFault: reason.sellerFault,
    method: choice.method,
    returnShippingFeeFen: facts.policy.returnShippingFeeFen,
    alreadyRefundedFen: ctx.alreadyRefundedFen,
  });
  const reviewReasons: ReviewReason[] = [];
  if (breakdown.totalFen >= facts.policy.autoApproveLimitFen) reviewReasons.push('over_auto_approve_limit');
  // A no-reason return must come back in resaleable shape; a used one needs a person's eye.
  if (!reason.sellerFault && choice.condition === 'used') reviewReasons.push('used_item_without_fault');
  return { eligibility, breakdown, reviewReasons };
}
