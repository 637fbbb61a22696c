import { pickupKeepUntil, type PickupPlace, type PickupPointReport } from '../../../shared/courier/pickup-point';

/**
 * A drop at a locker or station as stored: the code on the event only, the place (with the
 * day it goes back) on the event and the shipment. One mapping for the courier's sync and the
 * demo, so demo parcels carry exactly what a courier's report leaves.
 */
export function pickupPlaceOf(point: PickupPointReport, placedAt: number): PickupPlace {
  // Field by field: the code must never reach the place, which the public view shows.
  return { type: point.type, name: point.name, address: point.address, keepUntil: pickupKeepUntil(point, placedAt) };
}

export function pickupEventColumns(point: PickupPointReport | undefined, placedAt: number): { pickup_code: string | null; pickup_place: string | null } {
  if (!point) return { pickup_code: null, pickup_place: null };
  return { pickup_code: point.code, pickup_place: JSON.stringify(pickupPlaceOf(point, placedAt)) };
}
