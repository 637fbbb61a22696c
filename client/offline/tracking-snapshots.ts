import type { PublicTrackingView } from '../../shared/api/tracking-view';
import { readFromDevice, removeFromDevice, writeToDevice } from './device-storage';

/**
 * The last public view of each parcel seen on this device, so its page still opens with no
 * network. Only the public view: the verified details are personal and never stored here.
 */
export interface TrackingSnapshot {
  view: PublicTrackingView;
  /** When this device received the view (epoch ms). */
  fetchedAt: number;
}

const keyFor = (trackingNo: string) => `snapshot.${trackingNo}`;

function isTrackingSnapshot(value: unknown): value is TrackingSnapshot {
  const snapshot = value as TrackingSnapshot | null;
  return (
    typeof snapshot?.fetchedAt === 'number' &&
    typeof snapshot.view?.trackingNo === 'string' &&
    Array.isArray(snapshot.view.events)
  );
}

export function saveTrackingSnapshot(view: PublicTrackingView, fetchedAt: number): void {
  writeToDevice(keyFor(view.trackingNo), { view, fetchedAt } satisfies TrackingSnapshot);
}

export function loadTrackingSnapshot(trackingNo: string): TrackingSnapshot | null {
  return readFromDevice(keyFor(trackingNo), isTrackingSnapshot);
}

export function forgetTrackingSnapshot(trackingNo: string): void {
  removeFromDevice(keyFor(trackingNo));
}
