import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { keptInstructions } from '../../../shared/api/delivery-instructions';
import type { VerifiedTrackingDetails } from '../../../shared/api/tracking-view';
import type { Database } from '../../db/schema';
import type { DeliveryInstructions } from '../../../shared/courier/manifest';
import { saveShipmentInstructions } from './shipment-repository';
import { requireOrder } from '../orders/order-repository';
import { instructionsRefusal, type InstructionsRefusal } from '../../../shared/tracking/instructions-applicability';
import { conflict, forbidden, unauthorized } from '../../app-error';
import type { AttemptLimits } from '../auth/attempt-limits';
import { admitAttempt, rememberThisDevice } from '../auth/attempt-gate';
import { attemptRefused } from '../auth/attempt-refusal';
import { newSessionToken } from '../auth/session-token';
import { findCustomerSession, insertCustomerSession } from './customer-session-repository';
import { getVerifiedDetails } from './verified-details';
import { requireShipment } from './tracking-service';
import { forgetVerifyAttempt, markVerifyAdmitted, markVerifyFailed, markVerifySucceeded, recordVerifyAttempt, tallyFailedAttempts } from './verify-attempt-repository';

/**
 * Four digits are only 10,000 guesses, so what bounds a stranger is the parcel's own count,
 * whatever number of addresses they use: after 10 wrong tries in a day from anywhere, the
 * parcel takes one try per 10 minutes, at most 10 + 144 = 154 guesses a day (1.5 %; the old
 * 5 per 15 minutes allowed 480). Slowed, not locked: the customer's right digits get through
 * at the next turn. One address still has 5 tries at a parcel and 20 at all parcels in 15 minutes.
 */
export const VERIFY_LIMITS: AttemptLimits = {
  windowMs: 15 * 60_000,
  perPair: 5,
  perAddress: 20,
  spreadWindowMs: 24 * 3600_000,
  spreadBeforeSlowing: 10,
  slowedSpacingMs: 10 * 60_000,
};
export const CUSTOMER_SESSION_MS = 7 * 24 * 3600_000;

export interface VerifyResult {
  token: string;
  expiresAt: number;
  /** This browser's device token, known to the parcel from now on (OWASP's device cookie). */
  deviceToken: string;
  details: VerifiedTrackingDetails;
}

function sameDigits(a: string, b: string): boolean {
  const x = Buffer.from(a.padEnd(4, '\0'));
  const y = Buffer.from(b.padEnd(4, '\0'));
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Proof of ownership by the last four digits of the recipient's phone (as SF Express does).
 * Limits are checked before the digits, so a limited client learns nothing from its guess.
 */
export async function verifyByPhoneLast4(
  db: Kysely<Database>,
  input: { trackingNo: string; phoneLast4: string; clientKey: string; deviceToken?: string },
  now: number,
): Promise<VerifyResult> {
  const shipment = await requireShipment(db, input.trackingNo);
  const clientKey = input.clientKey;
  const shipmentId = shipment.id;
  const subject = `parcel:${shipmentId}`;
  // Recorded as a failure first and counted with itself, so parallel guesses all see each other.
  const attemptId = await recordVerifyAttempt(db, { shipmentId, clientKey, succeeded: false, at: now, stage: 'pending' });
  const since = now - VERIFY_LIMITS.windowMs;
  const [pair, address] = await Promise.all([tallyFailedAttempts(db, { shipmentId, clientKey }, since), tallyFailedAttempts(db, { clientKey }, since)]);
  const verdict = await admitAttempt(db, VERIFY_LIMITS, {
    subject,
    picture: { now, pair, address },
    deviceToken: input.deviceToken,
    markAdmitted: () => markVerifyAdmitted(db, attemptId),
    subjectFailures: async () => (await tallyFailedAttempts(db, { shipmentId, admittedOnly: true }, now - VERIFY_LIMITS.spreadWindowMs)).count,
  });
  if (!verdict.check) {
    await forgetVerifyAttempt(db, attemptId);
    throw attemptRefused(verdict, 'parcel');
  }
  const order = await requireOrder(db, shipment.orderId);
  const ok = sameDigits(order.recipientPhone.replace(/\D/g, '').slice(-4), input.phoneLast4);
  if (!ok) {
    await markVerifyFailed(db, attemptId);
    throw forbidden('verification_failed', 'Those digits do not match the recipient’s phone number');
  }
  await markVerifySucceeded(db, { id: attemptId, shipmentId, clientKey });
  const deviceToken = await rememberThisDevice(db, input.deviceToken, subject, now);

  const { token, tokenHash } = newSessionToken();
  const expiresAt = now + CUSTOMER_SESSION_MS;
  await insertCustomerSession(db, { tokenHash, orderId: shipment.orderId, createdAt: now, expiresAt });
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
