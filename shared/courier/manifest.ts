import type { AttemptChoice } from '../tracking/attempt-choices';
import type { TrackingStatus } from '../tracking/statuses';

/** Types only: the courier's phone keeps the manifest in IndexedDB and works from it offline. */

export const DELIVERY_OPTIONS = ['leave_at_door', 'parcel_locker', 'reception', 'call_first'] as const;
export type DeliveryOption = (typeof DELIVERY_OPTIONS)[number];

export interface DeliveryInstructions {
  option: DeliveryOption | null;
  note: string | null;
}

/** What a courier collects at a return-pickup stop. */
export interface PickupDetails {
  returnNo: string;
  items: { name: string; quantity: number }[];
  /** The customer's chosen time slot (epoch ms). */
  slot: { start: number; end: number } | null;
  /**
   * The shop's calendar day (YYYY-MM-DD) the slot starts on. A pickup booked for a later day is
   * on the courier's list ahead of time but not among today's stops.
   */
  slotDay: string | null;
}

export interface ManifestStop {
  /**
   * A delivery, or the pickup of a customer's return: reported with the same outbox, as
   * `picked_up` (collected) or `failed_attempt` (with a reason) against the return shipment.
   */
  kind: 'delivery' | 'pickup';
  /** Set for pickups. */
  pickup: PickupDetails | null;
  trackingNo: string;
  status: TrackingStatus;
  subStatus: string;
  /** The version the courier's reports are made against. */
  version: number;
  routePosition: number;
  recipient: { name: string; phone: string };
  address: { province: string; city: string; district: string; street: string };
  instructions: DeliveryInstructions | null;
  /** What the customer chose after a failed attempt: another day, or collecting it from the station. */
  attemptChoice: AttemptChoice | null;
  itemCount: number;
  promisedBy: number | null;
}

export interface CourierManifest {
  courier: { id: number; name: string; phone: string; city: string };
  /** The shop-time-zone day this manifest is for, as YYYY-MM-DD. */
  day: string;
  generatedAt: number;
  stops: ManifestStop[];
  /** Proof-of-delivery rules in force (a setting): what the delivered form requires. */
  proofRequirements: { photo: boolean; recipientName: boolean; signature: boolean };
}

export interface SessionUser {
  role: 'courier' | 'staff' | 'warehouse';
  id: number;
  name: string;
  login: string;
  expiresAt: number;
}
