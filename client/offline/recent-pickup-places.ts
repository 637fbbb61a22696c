import { PICKUP_POINT_TYPES, type PickupPointReport } from '../../shared/courier/pickup-point';
import { readFromDevice, writeToDevice } from './device-storage';

/**
 * The lockers and stations this courier used lately, newest first, so the next drop at the
 * same one is a tap and a code rather than two fields typed with gloves on. Only the place:
 * a code opens one parcel once, and it is the customer's.
 */
export type RecentPickupPlace = Pick<PickupPointReport, 'type' | 'name' | 'address'>;

const KEY = 'courier.recentPickupPlaces';
export const RECENT_PICKUP_PLACES_MAX = 4;

const isPlace = (value: unknown): value is RecentPickupPlace => {
  const place = value as Partial<RecentPickupPlace> | null;
  return (
    typeof place === 'object' &&
    place !== null &&
    (PICKUP_POINT_TYPES as readonly unknown[]).includes(place.type) &&
    typeof place.name === 'string' &&
    typeof place.address === 'string'
  );
};
const isPlaceList = (value: unknown): value is RecentPickupPlace[] => Array.isArray(value) && value.every(isPlace);

/** `place` first, once, and at most RECENT_PICKUP_PLACES_MAX in all. Pure. */
export function withRecentPlace(places: readonly RecentPickupPlace[], place: RecentPickupPlace): RecentPickupPlace[] {
  const same = (p: RecentPickupPlace) => p.type === place.type && p.name === place.name && p.address === place.address;
  const used = { type: place.type, name: place.name, address: place.address };
  return [used, ...places.filter((p) => !same(p))].slice(0, RECENT_PICKUP_PLACES_MAX);
}

export function loadRecentPickupPlaces(): RecentPickupPlace[] {
  return (readFromDevice(KEY, isPlaceList) ?? []).slice(0, RECENT_PICKUP_PLACES_MAX);
}

export function rememberPickupPlace(place: RecentPickupPlace): void {
  writeToDevice(KEY, withRecentPlace(loadRecentPickupPlaces(), place));
}
