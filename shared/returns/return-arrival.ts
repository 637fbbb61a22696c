import type { ReturnStatus } from './return-status';

/**
 * Whether the shop may confirm a return as received, and why not.
 * - `arrived`: the return leg was delivered back to the shop (the courier's "delivered"
 *   report on the return leg, or any scan that ends the leg as Delivered).
 * - `in_transit`: collected from the customer but not yet delivered back.
 * - `dropoff_unrecorded`: waiting for a drop-off; nothing in Doorstep records a drop-off
 *   point's hand-in (there is no return leg to scan), so only a staff override receives it.
 * - `not_awaiting_receipt`: not a return on its way to the shop at all.
 * Only the two middle verdicts may be overridden, by staff giving a reason.
 */
export type ReceiptVerdict = 'arrived' | 'in_transit' | 'dropoff_unrecorded' | 'not_awaiting_receipt';

export function canReceive(ret: { status: ReturnStatus }, returnLeg: { status: string } | null): ReceiptVerdict {
  if (ret.status !== 'picked_up' && ret.status !== 'awaiting_dropoff') return 'not_awaiting_receipt';
  if (returnLeg?.status === 'Delivered') return 'arrived';
  return ret.status === 'picked_up' ? 'in_transit' : 'dropoff_unrecorded';
}

export const OVERRIDABLE_VERDICTS: readonly ReceiptVerdict[] = ['in_transit', 'dropoff_unrecorded'];
