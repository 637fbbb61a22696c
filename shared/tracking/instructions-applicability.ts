import type { TrackingStatus } from './statuses';

/**
 * Whether delivery instructions ("leave it at the door", "call first") still mean anything
 * for a parcel. They are for a courier on the way to the door: not for a parcel already
 * handed over or closed, one already waiting in a locker or at a station (the customer
 * collects it), one lost, or one on its way back to the sender. Pure and shared: the server
 * refuses them, the verified page does not offer them.
 */
export type InstructionsRefusal = 'already_delivered' | 'at_pickup_point' | 'lost' | 'returning_to_sender';

const LOST = 'Exception_006';
const RETURNING = ['InTransit_007', 'Exception_007'];

export function instructionsRefusal(status: TrackingStatus, subStatus: string): InstructionsRefusal | null {
  if (status === 'Delivered' || status === 'Expired') return 'already_delivered';
  if (status === 'AvailableForPickup') return 'at_pickup_point';
  if (subStatus === LOST) return 'lost';
  if (RETURNING.includes(subStatus)) return 'returning_to_sender';
  return null;
}
