import type { ReturnStatus } from '../../../shared/returns/return-status';

/**
 * The returns queues staff work through, each a set of return statuses. "All" filters
 * nothing. The server counts returns per status; a queue's count is the sum of its statuses.
 */
export const OPS_RETURN_QUEUES = ['needs_review', 'to_receive', 'to_refund', 'all'] as const;
export type OpsReturnQueue = (typeof OPS_RETURN_QUEUES)[number];

export const QUEUE_STATUSES: Record<OpsReturnQueue, readonly ReturnStatus[]> = {
  needs_review: ['needs_review'],
  // Waiting for the courier is still "to receive": staff see what is about to arrive.
  to_receive: ['pickup_scheduled', 'awaiting_dropoff', 'picked_up'],
  to_refund: ['received'],
  all: [],
};

/** The queue a link or an old bookmark names; anything else opens the review queue. */
export function parseQueue(value: unknown): OpsReturnQueue {
  return OPS_RETURN_QUEUES.includes(value as OpsReturnQueue) ? (value as OpsReturnQueue) : 'needs_review';
}

export function queueCount(queue: OpsReturnQueue, counts: Partial<Record<ReturnStatus, number>>): number {
  const statuses = queue === 'all' ? (Object.keys(counts) as ReturnStatus[]) : QUEUE_STATUSES[queue];
  return statuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
}

/** The API's `status` filter: a comma list, or nothing for every status. */
export function queueStatusFilter(queue: OpsReturnQueue): string | undefined {
  const statuses = QUEUE_STATUSES[queue];
  return statuses.length ? statuses.join(',') : undefined;
}

export type QueueOrder = 'oldest_first' | 'newest_first';

/**
 * The order the server lists a queue in (ops-return-list's requestOrder), both by request date:
 * a work queue from the request waiting longest, "all" newest first like an inbox.
 */
export function queueOrder(queue: OpsReturnQueue): QueueOrder {
  return QUEUE_STATUSES[queue].length ? 'oldest_first' : 'newest_first';
}
