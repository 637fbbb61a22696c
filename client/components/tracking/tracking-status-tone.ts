import type { TrackingStatus } from '../../../shared/tracking/statuses';

/** The colour family a status is drawn in: moving, done, needs the customer's attention, or idle. */
export type StatusTone = 'progress' | 'delivered' | 'attention' | 'idle';

const TONE_BY_STATUS: Record<TrackingStatus, StatusTone> = {
  Pending: 'idle',
  InfoReceived: 'progress',
  InTransit: 'progress',
  OutForDelivery: 'progress',
  AvailableForPickup: 'progress',
  AttemptFail: 'attention',
  Exception: 'attention',
  Delivered: 'delivered',
  Expired: 'idle',
};

/** A late parcel still on its way asks for attention; once delivered, it is done (the late flag says the rest). */
export function statusTone(status: TrackingStatus, late: boolean): StatusTone {
  const tone = TONE_BY_STATUS[status];
  return late && tone === 'progress' ? 'attention' : tone;
}
