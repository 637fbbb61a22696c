import type { TrackingStatus } from './statuses';

/**
 * The promise is kept when the parcel reaches the customer, or a pickup point or locker they
 * can collect it from: how long they then take to collect it is theirs, not the carrier's.
 */
export const ARRIVED_STATUSES: readonly TrackingStatus[] = ['Delivered', 'AvailableForPickup'];

/**
 * A parcel is late when it missed its promised day: it arrived (see ARRIVED_STATUSES) after
 * the promise, or it has not arrived and the promise has passed. No promise, never late.
 */
export function isLate(promisedBy: number | null, arrivedAt: number | null, now: number): boolean {
  if (promisedBy == null) return false;
  return (arrivedAt ?? now) > promisedBy;
}
