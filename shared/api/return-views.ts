import type { RefundBreakdown } from '../returns/refund-breakdown';
import type { Refusal } from '../returns/return-eligibility';
import type { CategoryExclusion } from '../returns/return-policy';
import type { ItemCondition, ReturnReasonCode } from '../returns/return-reasons';
import type { ReceiptVerdict } from '../returns/return-arrival';
import type { ReturnStatus } from '../returns/return-status';
import type { ClaimKind, ReturnMethod } from './returns';

/** Response shapes of the return, claim and ops-return endpoints. Types only. */

export interface ReturnableItem {
  orderItemId: number;
  sku: string;
  name: string;
  category: string;
  delivered: number;
  /** Delivered minus what live returns already hold. */
  returnable: number;
  unitPriceFen: number;
}

export interface PickupSlot {
  start: number;
  end: number;
}

/** Everything the return form needs: `GET /api/returns/options?trackingNo=` (verified customer). */
export interface ReturnOptions {
  trackingNo: string;
  orderNo: string;
  orderPaid: boolean;
  deliveredAt: number | null;
  timeZone: string;
  items: ReturnableItem[];
  policy: {
    noReasonDays: number;
    qualityDays: number;
    returnShippingFeeFen: number;
    exclusions: CategoryExclusion[];
  };
  pickupSlots: PickupSlot[];
  returns: ReturnSummary[];
  claims: ClaimView[];
  /** Which claim this parcel allows now (lost in transit, or delivered but not received), if any. */
  claimable: ClaimKind | null;
  /** Why no item can be returned while this parcel's claim stands (open, refunded or sent again); null when returns are possible. */
  returnBlockedBy: Refusal | null;
}

/** `POST /api/returns/quote`: the rules' answer before submitting. */
export interface ReturnQuote {
  eligible: boolean;
  refusals: Refusal[];
  lastDay: string | null;
  breakdown: RefundBreakdown | null;
  /** Approved on submission (every rule passes and the amount is under the shop's limit). */
  autoApprove: boolean;
}

export interface ReturnSummary {
  returnNo: string;
  status: ReturnStatus;
  reasonCode: ReturnReasonCode;
  itemCount: number;
  refundFen: number;
  createdAt: number;
}

export interface ReturnItemView {
  orderItemId: number;
  sku: string;
  name: string;
  quantity: number;
  acceptedQuantity: number | null;
  damagedQuantity: number | null;
}

export interface ReturnEventView {
  status: ReturnStatus;
  occurredAt: number;
  /** Who moved it: the customer, staff, a courier, or the rules (auto-approval). */
  actor: 'customer' | 'staff' | 'courier' | 'system';
  /** Only what a person wrote. */
  note: string | null;
  /** What the system did, shown in words by the client. */
  fact: ReturnEventFact | null;
  /** Why a pickup failed: a code of the delivery reason taxonomy. */
  reasonCode: string | null;
}

/**
 * Facts the system records on a return's history: approved by the rules without a person, a
 * courier who could not collect (with a reason), an inspection that left nothing to refund.
 */
export type ReturnEventFact = 'auto_approved' | 'pickup_failed' | 'nothing_to_refund' | 'received_without_arrival';

export interface RefundView {
  amountFen: number;
  status: 'pending' | 'succeeded';
  completedAt: number | null;
  /** The provider's reference, for the customer's bank statement. */
  reference: string | null;
  /**
   * Working days the payment provider said the money usually takes to arrive, once paid; the
   * client names the days in the shop's calendar (shared/time/working-days.ts). Null before paid.
   */
  usualArrival: { minWorkingDays: number; maxWorkingDays: number } | null;
}

/** A return as its customer sees it: `GET /api/returns/:returnNo`. */
export interface ReturnView {
  returnNo: string;
  trackingNo: string;
  orderNo: string;
  status: ReturnStatus;
  reasonCode: ReturnReasonCode;
  /** None for a no-reason return. */
  reasonDetail: string | null;
  condition: ItemCondition;
  method: ReturnMethod;
  pickupSlot: PickupSlot | null;
  /** Shown as a QR code at the drop-off point. */
  dropoffCode: string | null;
  /** The courier's pickup, tracked like any parcel. */
  returnTrackingNo: string | null;
  items: ReturnItemView[];
  /** What the rules promised when it was requested. */
  quote: RefundBreakdown;
  /** What is paid back after inspection (equal to the quote when everything is accepted). */
  settlement: RefundBreakdown | null;
  refund: RefundView | null;
  photoUrls: string[];
  note: string | null;
  decisionNote: string | null;
  canCancel: boolean;
  createdAt: number;
  /** Newest first. */
  events: ReturnEventView[];
}

export type ClaimStatus = 'open' | 'refunded' | 'resent' | 'rejected';

export interface ClaimView {
  claimNo: string;
  trackingNo: string;
  kind: ClaimKind;
  status: ClaimStatus;
  note: string | null;
  decisionNote: string | null;
  refundFen: number | null;
  resendTrackingNo: string | null;
  createdAt: number;
  decidedAt: number | null;
}

/** One row of `GET /api/ops/returns`. */
export interface OpsReturnSummary extends ReturnSummary {
  trackingNo: string;
  orderNo: string;
  method: ReturnMethod;
  customerName: string;
  city: string;
  updatedAt: number;
}

export interface OpsReturnList {
  returns: OpsReturnSummary[];
  total: number;
  /** Returns in each status (ignoring the status filter), for the queue tabs. */
  counts: Partial<Record<ReturnStatus, number>>;
}

/** `GET /api/ops/returns/:returnNo`: the full picture for review, inspection and refund. */
export interface OpsReturnDetail extends ReturnView {
  customer: { name: string; phone: string };
  address: { province: string; city: string; district: string; street: string };
  /** Why a person must look (over the auto-approve limit, …); empty when the rules approved it. */
  reviewReasons: string[];
  returnShipment: { trackingNo: string; status: string; courierName: string | null } | null;
  /** May the desk confirm receipt now (see shared/returns/return-arrival.ts). */
  receipt: ReceiptVerdict;
  orderPaidFen: number;
  orderRefundedFen: number;
}

export interface OpsClaimView extends ClaimView {
  orderNo: string;
  customerName: string;
  orderPaidFen: number;
  orderRefundedFen: number;
}
