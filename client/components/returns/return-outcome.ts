import type { PickupSlot, ReturnEventView, ReturnItemView, ReturnSummary, ReturnView } from '../../../shared/api/return-views';
import type { ReturnStatus } from '../../../shared/returns/return-status';

/**
 * What a return comes to for the customer's money, and how its status is put in words. A
 * return that ended without a refund must never still show the amount it was quoted: that
 * figure is a promise only while the return is alive.
 */

/** Why a return pays nothing: cancelled, refused by the shop, nothing passed inspection, or nothing left of the order to pay. */
export type NoRefundReason = 'cancelled' | 'rejected' | 'nothing_accepted' | 'nothing_left';

export type RefundOutcome =
  | { kind: 'none'; reason: NoRefundReason }
  /** Inspected: the settlement is what will be (or was) paid. */
  | { kind: 'settled' }
  /** Not inspected yet: the quote is what the rules expect to pay. */
  | { kind: 'expected' };

type OutcomeInput = Pick<ReturnView, 'status' | 'items' | 'settlement'>;

export function refundOutcome(view: OutcomeInput): RefundOutcome {
  if (view.status === 'cancelled' || view.status === 'rejected') return { kind: 'none', reason: view.status };
  if (!view.settlement) return { kind: 'expected' };
  if (view.settlement.totalFen > 0) return { kind: 'settled' };
  // Zero after inspection: either no unit was accepted, or the order had already been paid back in full (the cap).
  const accepted = view.items.reduce((sum, item) => sum + (item.acceptedQuantity ?? 0), 0);
  return { kind: 'none', reason: accepted === 0 ? 'nothing_accepted' : 'nothing_left' };
}

/** A row of "your returns": its amount is worth showing only while money may still come of it. */
export function summaryPaysNothing(summary: Pick<ReturnSummary, 'status' | 'refundFen'>): boolean {
  return summary.status === 'cancelled' || summary.status === 'rejected' || summary.refundFen === 0;
}

export interface InspectionCounts {
  /** Refunded. */
  accepted: number;
  /** Came back damaged: not refunded. */
  damaged: number;
  /** Neither accepted nor damaged (used, missing, not what was sent): not refunded. */
  refused: number;
}

/** Staff count accepted and damaged units (together at most the returned quantity); the rest was refused. */
export function inspectionCounts(item: ReturnItemView): InspectionCounts | null {
  if (item.acceptedQuantity === null) return null;
  const damaged = item.damagedQuantity ?? 0;
  return { accepted: item.acceptedQuantity, damaged, refused: Math.max(0, item.quantity - item.acceptedQuantity - damaged) };
}

export type ReturnStatusHint =
  | { key: 'pickup_scheduled_at'; slot: PickupSlot }
  | { key: 'refunded_amount' | 'received_inspected'; amountFen: number }
  | { key: ReturnStatus | 'closed_nothing_accepted' | 'closed_nothing_left' };

type HintInput = Pick<ReturnView, 'status' | 'items' | 'settlement' | 'pickupSlot' | 'refund'>;

/** The sentence under the status: what happened and what comes next, from the facts on the return. */
export function returnStatusHint(view: HintInput): ReturnStatusHint {
  const { status, pickupSlot, refund, settlement } = view;
  if (status === 'pickup_scheduled' && pickupSlot) return { key: 'pickup_scheduled_at', slot: pickupSlot };
  if (status === 'refunded' && refund) return { key: 'refunded_amount', amountFen: refund.amountFen };
  // Inspection is over once the items are counted: "inspecting" beside the counts would contradict them.
  const inspected = view.items.some((item) => item.acceptedQuantity !== null);
  if (status === 'received' && inspected && settlement && settlement.totalFen > 0) return { key: 'received_inspected', amountFen: settlement.totalFen };
  const outcome = refundOutcome(view);
  if (status === 'closed' && outcome.kind === 'none' && (outcome.reason === 'nothing_accepted' || outcome.reason === 'nothing_left')) {
    return { key: `closed_${outcome.reason}` };
  }
  return { key: status };
}

/** Statuses after the courier (or the drop-off point) took the parcel: the booked slot is history. */
const COLLECTED: readonly ReturnStatus[] = ['picked_up', 'received', 'refunded', 'closed'];

/** How to show the booked pickup slot: by day name while ahead, by date once collected, not at all for a return that stopped. */
export function pickupSlotShown(status: ReturnStatus): 'ahead' | 'history' | 'hidden' {
  if (status === 'cancelled' || status === 'rejected') return 'hidden';
  return COLLECTED.includes(status) ? 'history' : 'ahead';
}

/** What the shop wrote when it inspected the items (the received step's note), if anything. */
export function inspectionNote(events: readonly ReturnEventView[]): string | null {
  return events.find((event) => event.status === 'received' && event.note)?.note ?? null;
}
