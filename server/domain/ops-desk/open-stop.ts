import type { ShipmentLeg } from '../../../shared/tracking/shipment-state-machine';

/**
 * A stop a courier still has to make: a delivery not yet finished (a parcel on its way back to
 * the sender is no longer anyone's delivery, and one left in a locker or at a station waits for
 * its customer, not for a courier), or a return pickup not yet collected. Mirrors
 * the open part of the courier's manifest, so the desk and the phone agree on "their stops".
 */
export function isOpenStop(s: { leg: ShipmentLeg; status: string; subStatus: string }): boolean {
  if (s.leg === 'return') return (OPEN_PICKUP_STATUSES as readonly string[]).includes(s.status);
  return !(CLOSED_DELIVERY_STATUSES as readonly string[]).includes(s.status) && s.subStatus !== RETURNING_TO_SENDER;
}

export const OPEN_PICKUP_STATUSES = ['InfoReceived', 'AttemptFail', 'Exception'] as const;
export const CLOSED_DELIVERY_STATUSES = ['Delivered', 'AvailableForPickup', 'Expired'] as const;
export const RETURNING_TO_SENDER = 'InTransit_007';
