import type { AttemptChoice } from '../tracking/attempt-choices';
import type { DeliveryInstructions } from '../courier/manifest';
import type { PickupPlace } from '../courier/pickup-point';
import type { ReturnStatus } from '../returns/return-status';
import type { TrackingStatus } from '../tracking/statuses';

/**
 * Response shapes of the tracking endpoints. Types only, so that the customer's first page
 * pays nothing for them; the server builds these objects and the typed client reads them.
 */

/** City-level place: never a street, so the public view can't locate a person. */
export interface PublicPlace {
  province: string | null;
  city: string | null;
}

export interface PublicTrackingEvent {
  status: TrackingStatus;
  subStatus: string;
  /** When it happened, on the device or scanner that saw it (epoch ms, UTC). */
  occurredAt: number;
  place: PublicPlace;
  /** Reason code from the shared taxonomy for failed attempts and exceptions, if any. */
  reasonCode: string | null;
}

export interface PublicTrackingView {
  trackingNo: string;
  status: TrackingStatus;
  subStatus: string;
  /** End of the promised delivery day (epoch ms). */
  promisedBy: number | null;
  deliveredAt: number | null;
  /** Past the promise and not delivered, or delivered after it. */
  late: boolean;
  origin: PublicPlace;
  destination: PublicPlace;
  /**
   * While it waits in a locker or at a station (AvailableForPickup): where, and until when.
   * Never the pickup code: anyone holding the number reads this. (Absent in copies cached
   * before it existed.)
   */
  pickupPlace: PickupPlace | null;
  /** Newest first. */
  events: PublicTrackingEvent[];
  /** Server time the view was made, so a cached copy can say how old it is. */
  generatedAt: number;
}

/** What the courier recorded at the door, for the verified customer only (never in the public view). */
export interface DeliveryProof {
  deliveredAt: number;
  /** As the courier wrote it, unmasked: the customer proved the parcel is theirs. */
  signedBy: string | null;
  /** The role in `signedBy` (门卫, 本人, 快递柜 …), when it starts with one. */
  receiverRole: string | null;
  photoUrl: string | null;
  signatureUrl: string | null;
}

export interface VerifiedPickup extends PickupPlace {
  /** 取件码, as the courier reported it (digits, or shelf-layer-number like 8-3-1024). */
  code: string;
  placedAt: number;
}

export interface VerifiedItem {
  sku: string;
  name: string;
  category: string;
  quantity: number;
}

export interface VerifiedTrackingDetails {
  trackingNo: string;
  orderNo: string;
  recipient: { name: string; phone: string };
  address: { province: string; city: string; district: string; street: string };
  items: VerifiedItem[];
  proof: DeliveryProof | null;
  /** While it waits in a locker or at a station: the place, and the code that opens it. */
  pickup: VerifiedPickup | null;
  instructions: DeliveryInstructions | null;
  /** Instructions can be changed while they still mean something (shared/tracking/instructions-applicability.ts). */
  canChangeInstructions: boolean;
  /**
   * When this verification ends (epoch ms): the phone may keep these details for offline
   * reading until then, and not a moment longer.
   */
  verifiedUntil: number;
  /** The customer's choice after the last failed attempt, while it stands (shared/tracking/attempt-choices.ts). */
  attemptChoice: AttemptChoice | null;
}

export interface DemoParcel {
  trackingNo: string;
  status: TrackingStatus;
  phoneLast4: string;
}

export interface DemoSignIn {
  role: 'courier' | 'staff' | 'warehouse';
  name: string;
  login: string;
  password: string;
}

/** A demo return: open its parcel, verify with the digits, and the return is listed there. */
export interface DemoReturn {
  returnNo: string;
  status: ReturnStatus;
  trackingNo: string;
  phoneLast4: string;
}

export interface DemoDirectory {
  signIns: DemoSignIn[];
  parcels: DemoParcel[];
  returns: DemoReturn[];
}
