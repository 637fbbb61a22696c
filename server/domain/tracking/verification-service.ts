import type { Kysely } from 'kysely';
import { keptInstructions } from '../../../shared/api/delivery-instructions';
import type { VerifiedTrackingDetails } from '../../../shared/api/tracking-view';
import type { Database } from '../../db/schema';
import type { DeliveryInstructions } from '../../../shared/courier/manifest';
import { saveShipmentInstructions } from './shipment-repository';
import { requireOrder } from '../orders/order-repository';
import { instructionsRefusal, type InstructionsRefusal } from '../../../shared/tracking/instructions-applicability';
import { conflict, forbidden, unauthorized } from '../../app-error';
import { findCustomerSession } from './customer-session-repository';
import { openCustomerSession, provePhoneDigits } from './phone-digits-proof';
import { getVerifiedDetails } from './verified-details';
import { requireShipment } from './tracking-service';

export interface VerifyResult {
  token: string;
  expiresAt: number;
  /** This browser's device token, known to the parcel from now on (OWASP's device cookie). */
  deviceToken: string;
  details: VerifiedTrackingDetails;
}

/** Proof that a parcel is the customer's by the recipient phone's last four digits (phone-digits-proof); opens a session for its order. */
export async function verifyByPhoneLast4(
  db: Kysely<Database>,
  input: { trackingNo: string; phoneLast4: string; clientKey: string; deviceToken?: string },
  now: number,
): Promise<VerifyResult> {
  const shipment = await requireShipment(db, input.trackingNo);
  const order = await requireOrder(db, shipment.orderId);
  const deviceToken = await provePhoneDigits(db, { target: 'parcel', id: shipment.id }, { ...input, recipientPhone: order.recipientPhone }, now);
  const { token, expiresAt } = await openCustomerSession(db, shipment.orderId, now);
  return { token, expiresAt, deviceToken, details: await getVerifiedDetails(db, shipment, expiresAt) };
}

/** The parcel, for a caller holding a session token for its order; 401/403 otherwise. */
export async function requireVerifiedShipment(db: Kysely<Database>, input: { trackingNo: string; token: string | undefined }, now: number) {
  const shipment = await requireShipment(db, input.trackingNo);
  const session = input.token ? await findCustomerSession(db, input.token, now) : null;
  if (session === null) throw unauthorized('verification_required', 'Verify with the phone number first');
  if (session.orderId !== shipment.orderId) throw forbidden('not_your_parcel', 'This verification is for another order');
  return { shipment, verifiedUntil: session.expiresAt };
}

/** The verified view for a caller holding a session token for this parcel's order. */
export async function getDetailsForSession(
  db: Kysely<Database>,
  input: { trackingNo: string; token: string | undefined },
  now: number,
): Promise<VerifiedTrackingDetails> {
  const { shipment, verifiedUntil } = await requireVerifiedShipment(db, input, now);
  return getVerifiedDetails(db, shipment, verifiedUntil);
}

const NOT_APPLICABLE: Record<Exclude<InstructionsRefusal, 'already_delivered'>, string> = {
  at_pickup_point: 'The parcel already waits in a locker or at a station: collect it with the pickup code',
  lost: 'The parcel is lost; there is no delivery to instruct (claim it instead)',
  returning_to_sender: 'The parcel is on its way back to the sender',
};

/**
 * The verified customer's delivery instructions, shown on the courier's stop. Not a status
 * change, so the shipment's version stays: a courier's report is no less valid for it.
 */
export async function saveDeliveryInstructions(
  db: Kysely<Database>,
  input: { trackingNo: string; token: string | undefined; instructions: DeliveryInstructions },
  now: number,
): Promise<VerifiedTrackingDetails> {
  const { shipment, verifiedUntil } = await requireVerifiedShipment(db, input, now);
  const refusal = instructionsRefusal(shipment.status, shipment.subStatus);
  if (refusal === 'already_delivered') throw conflict('already_delivered', 'The parcel has already arrived');
  if (refusal) throw conflict('instructions_not_applicable', NOT_APPLICABLE[refusal]);
  const instructions = keptInstructions(input.instructions);
  await saveShipmentInstructions(db, shipment.id, instructions, now);
  return getVerifiedDetails(db, { ...shipment, deliveryInstructions: instructions }, verifiedUntil);
}
