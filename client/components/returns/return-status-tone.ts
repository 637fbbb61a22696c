import type { ReturnStatus } from '../../../shared/returns/return-status';
import type { StatusTone } from '../tracking/tracking-status-tone';

/** A return's colour, in the parcel's tones: on its way, done, refused, or stopped. */
const TONE_BY_RETURN_STATUS: Record<ReturnStatus, StatusTone> = {
  requested: 'progress',
  needs_review: 'progress',
  approved: 'progress',
  pickup_scheduled: 'progress',
  awaiting_dropoff: 'progress',
  picked_up: 'progress',
  received: 'progress',
  refunded: 'delivered',
  closed: 'delivered',
  rejected: 'attention',
  cancelled: 'idle',
};

/**
 * `paidNothing`: the return ended with nothing refunded (inspection accepted nothing). Closed is
 * then no success to colour green: the customer sent items back and got no money.
 */
export function returnStatusTone(status: ReturnStatus, paidNothing = false): StatusTone {
  if (status === 'closed' && paidNothing) return 'attention';
  return TONE_BY_RETURN_STATUS[status];
}
