import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { forbidden } from '../../app-error';
import type { AttemptLimits } from '../auth/attempt-limits';
import { admitAttempt, rememberThisDevice } from '../auth/attempt-gate';
import { attemptRefused } from '../auth/attempt-refusal';
import { newSessionToken } from '../auth/session-token';
import { insertCustomerSession } from './customer-session-repository';
import {
  forgetVerifyAttempt,
  markVerifyAdmitted,
  markVerifyFailed,
  markVerifySucceeded,
  recordVerifyAttempt,
  tallyFailedAttempts,
  type DigitsSubject,
} from './verify-attempt-repository';

/**
 * Four digits are only 10,000 guesses, so what bounds a stranger is the subject's own count,
 * whatever number of addresses they use: after 10 wrong tries in a day from anywhere, the
 * subject takes one try per 10 minutes, at most 10 + 144 = 154 guesses a day (1.5 %; the old
 * 5 per 15 minutes allowed 480). Slowed, not locked: the customer's right digits get through
 * at the next turn. One address still has 5 tries at a subject and 20 at all of them in 15 minutes.
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

function sameDigits(a: string, b: string): boolean {
  const x = Buffer.from(a.padEnd(4, '\0'));
  const y = Buffer.from(b.padEnd(4, '\0'));
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Proof of ownership by the last four digits of the recipient's phone (as SF Express does), for
 * a parcel or an order's page: the same limits, each subject counted on its own. Limits are
 * checked before the digits, so a limited client learns nothing from its guess. Answers this
 * browser's device token, known to the subject from now on (OWASP's device cookie); throws 403
 * for wrong digits and 429 when the limits refuse the try.
 */
export async function provePhoneDigits(
  db: Kysely<Database>,
  subject: DigitsSubject,
  input: { recipientPhone: string; phoneLast4: string; clientKey: string; deviceToken?: string },
  now: number,
): Promise<string> {
  const { target, id } = subject;
  const { clientKey } = input;
  const gateSubject = `${target}:${id}`;
  // Recorded as a failure first and counted with itself, so parallel guesses all see each other.
  const attemptId = await recordVerifyAttempt(db, subject, { clientKey, succeeded: false, at: now, stage: 'pending' });
  const since = now - VERIFY_LIMITS.windowMs;
  const [pair, address] = await Promise.all([
    tallyFailedAttempts(db, target, { subjectId: id, clientKey }, since),
    tallyFailedAttempts(db, target, { clientKey }, since),
  ]);
  const verdict = await admitAttempt(db, VERIFY_LIMITS, {
    subject: gateSubject,
    picture: { now, pair, address },
    deviceToken: input.deviceToken,
    markAdmitted: () => markVerifyAdmitted(db, target, attemptId),
    subjectFailures: async () => (await tallyFailedAttempts(db, target, { subjectId: id, admittedOnly: true }, now - VERIFY_LIMITS.spreadWindowMs)).count,
  });
  if (!verdict.check) {
    await forgetVerifyAttempt(db, target, attemptId);
    throw attemptRefused(verdict, target);
  }
  if (!sameDigits(input.recipientPhone.replace(/\D/g, '').slice(-4), input.phoneLast4)) {
    await markVerifyFailed(db, target, attemptId);
    throw forbidden('verification_failed', 'Those digits do not match the recipient’s phone number');
  }
  await markVerifySucceeded(db, subject, { id: attemptId, clientKey });
  return rememberThisDevice(db, input.deviceToken, gateSubject, now);
}

/**
 * A verified customer's session: for the whole order, however it was proved (a parcel of it or
 * its page), for a week. The token goes in a cookie; only its hash is stored.
 */
export async function openCustomerSession(db: Kysely<Database>, orderId: number, now: number): Promise<{ token: string; expiresAt: number }> {
  const { token, tokenHash } = newSessionToken();
  const expiresAt = now + CUSTOMER_SESSION_MS;
  await insertCustomerSession(db, { tokenHash, orderId, createdAt: now, expiresAt });
  return { token, expiresAt };
}
