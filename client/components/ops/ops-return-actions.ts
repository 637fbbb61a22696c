import type { ReturnStatus } from '../../../shared/returns/return-status';

/**
 * What staff can do with a return in each status; the server's state machine has the last
 * word (a 409 when someone else moved it first).
 */
export type OpsReturnAction = 'review' | 'receive' | 'refund';

export function opsReturnAction(status: ReturnStatus): OpsReturnAction | null {
  switch (status) {
    case 'requested':
    case 'needs_review':
      return 'review';
    // A drop-off can be received at the shop's desk before any carrier scans it.
    case 'picked_up':
    case 'awaiting_dropoff':
      return 'receive';
    case 'received':
      return 'refund';
    default:
      return null;
  }
}

/** What the last action on a return's page did, or that someone else got there first. */
export type OpsReturnOutcome = 'approved' | 'rejected' | 'received' | 'refunded' | 'conflict';

export type OpsStatusTone = 'progress' | 'delivered' | 'attention' | 'idle';

/** Badge colour: amber where staff must act, green once the money went back, grey when over. */
export function returnStatusTone(status: ReturnStatus): OpsStatusTone {
  switch (status) {
    case 'requested':
    case 'needs_review':
    case 'received':
      return 'attention';
    case 'refunded':
    case 'closed':
      return 'delivered';
    case 'rejected':
    case 'cancelled':
      return 'idle';
    default:
      return 'progress';
  }
}
