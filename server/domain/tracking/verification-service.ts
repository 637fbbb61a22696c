import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { VerifiedTrackingDetails } from '../../../shared/api/tracking-view';
import type { Database } from '../../db/schema';
import type { DeliveryInstructions } from '../../../shared/courier/manifest';
import { FINAL_STATUSES } from '../../../shared/tracking/shipment-state-machine';
import { conflict, forbidden, tooManyRequests, unauthorized } from '../../app-error';
import { newSessionToken } from '../auth/session-token';
import { findSessionOrderId, insertCustomerSession } from './customer-session-repository';
import { getVerifiedDetails } from './verified-details';
import { requireShipment } from './tracking-service';
import { countFailedAttempts, markVerifySucceeded, recordVerifyAttempt } from './verify-attempt-repository';

export const VERIFY_WINDOW_MS = 15 * 60_000;
/** Wrong tries allowed per parcel per window: 5 guesses of 10,000 is a 0.05 % chance. */
export const MAX_FAILURES_PER_PARCEL = 5;
/** Wrong tries allowed per client address per window, across all parcels (stops sweeping). */
export const MAX_FAILURES_PER_CLIENT = 20;
export const CUSTOMER_SESSION_MS = 7 * 24 * 3600_000;

export interface VerifyResult {
  token: string;
  expiresAt: number;
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
  input: { trackingNo: string; phoneLast4: string; clientKey: string },
  now: number,
): Promise<VerifyResult> {
  const shipment = await requireShipment(db, input.trackingNo);
  const since = now - VERIFY_WINDOW_MS;
  // Recorded as a failure first and counted with itself, so parallel guesses all see each other.
  const attemptId = await recordVerifyAttempt(db, { shipmentId: shipment.id, clientKey: input.clientKey, succeeded: false, at: now });
  const [parcelFailures, clientFailures] = await Promise.all([
    countFailedAttempts(db, { shipmentId: shipment.id }, since),
    countFailedAttempts(db, { clientKey: input.clientKey }, since),
  ]);
  if (parcelFailures > MAX_FAILURES_PER_PARCEL || clientFailures > MAX_FAILURES_PER_CLIENT) {
    throw tooManyRequests('too_many_attempts', 'Too many wrong tries; wait 15 minutes and try again', VERIFY_WINDOW_MS / 1000);
  }
  const order = await db
    .selectFrom('orders')
    .select('recipient_phone')
    .where('id', '=', shipment.orderId)
    .executeTakeFirstOrThrow();
  const ok = sameDigits(order.recipient_phone.replace(/\D/g, '').slice(-4), input.phoneLast4);
  if (ok) await markVerifySucceeded(db, attemptId);
  if (!ok) throw forbidden('verification_failed', 'Those digits do not match the recipient’s phone number');

  const { token, tokenHash } = newSessionToken();
  const expiresAt = now + CUSTOMER_SESSION_MS;
  await insertCustomerSession(db, { tokenHash, orderId: shipment.orderId, createdAt: now, expiresAt });
  return { token, expiresAt, details: await getVerifiedDetails(db, shipment) };
}

/** The parcel, for a caller holding a session token for its order; 401/403 otherwise. */
async function requireVerifiedShipment(db: Kysely<Database>, input: { trackingNo: string; token: string | undefined }, now: number) {
  const shipment = await requireShipment(db, input.trackingNo);
  const orderId = input.token ? await findSessionOrderId(db, input.token, now) : null;
  if (orderId === null) throw unauthorized('verification_required', 'Verify with the phone number first');
  if (orderId !== shipment.orderId) throw forbidden('not_your_parcel', 'This verification is for another order');
  return shipment;
}

/** The verified view for a caller holding a session token for this parcel's order. */
export async function getDetailsForSession(
  db: Kysely<Database>,
  input: { trackingNo: string; token: string | undefined },
  now: number,
): Promise<VerifiedTrackingDetails> {
  return getVerifiedDetails(db, await requireVerifiedShipment(db, input, now));
}

/**
 * The verified customer's delivery instructions, shown on the courier's stop. Not a status
 * change, so the shipment's version stays: a courier's report is no less valid for it.
 */
export async function saveDeliveryInstructions(
  db: Kysely<Database>,
  input: { trackingNo: string; token: string | undefined; instructions: DeliveryInstructions },
  now: number,
): Promise<VerifiedTrackingDetails> {
  const shipment = await requireVerifiedShipment(db, input, now);
  if (FINAL_STATUSES.includes(shipment.status)) throw conflict('already_delivered', 'The parcel has already arrived');
  const empty = !input.instructions.option && !input.instructions.note;
  const value = empty ? null : JSON.stringify({ option: input.instructions.option, note: input.instructions.note || null });
  await db.updateTable('shipments').set({ delivery_instructions: value, updated_at: now }).where('id', '=', shipment.id).execute();
  return getVerifiedDetails(db, { ...shipment, deliveryInstructions: value ? (JSON.parse(value) as DeliveryInstructions) : null });
}
