import type { PublicTrackingEvent } from '../../../shared/api/tracking-view';
import { ARRIVED_STATUSES } from '../../../shared/tracking/lateness';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import { addToPublicTimeline, type TimelineSource } from './public-timeline';

export interface ShipmentProgress {
  status: TrackingStatus;
  subStatus: string;
  deliveredAt: number | null;
  arrivedAt: number | null;
  timeline: PublicTrackingEvent[];
}

/**
 * What a shipment looks like after one more (already allowed) event: the status it moves to,
 * when it was delivered or first reached the customer, and its public timeline. Pure, so the
 * single-event path and the courier's batch path move shipments the same way.
 */
export function progressAfterEvent(
  before: ShipmentProgress,
  event: TimelineSource & { status: TrackingStatus },
): ShipmentProgress {
  return {
    status: event.status,
    subStatus: event.subStatus,
    deliveredAt: event.status === 'Delivered' ? event.occurredAt : before.deliveredAt,
    arrivedAt: before.arrivedAt ?? (ARRIVED_STATUSES.includes(event.status) ? event.occurredAt : null),
    timeline: addToPublicTimeline(before.timeline, event),
  };
}
