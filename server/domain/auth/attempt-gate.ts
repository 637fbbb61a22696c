import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { judgeAttempt, needsTurn, slowedUntil, type AttemptLimits, type AttemptPicture, type AttemptVerdict } from './attempt-limits';
import { claimTurn, isKnownDevice, rememberDevice } from './attempt-gate-repository';
import { hashSessionToken, newSessionToken } from './session-token';

/**
 * The gate before a secret is checked, shared by sign-in and parcel verification: the address
 * limits (pure, attempt-limits), then, for a subject under a spread-out attack, its turn — not
 * needed by a browser that proved this subject's secret before (OWASP's device cookie), so a
 * stranger who takes every turn still cannot keep the owner's own phone out.
 *
 * `subject` names what is guessed at: `login:<login>` or `parcel:<shipment id>`.
 */
export async function admitAttempt(
  db: Kysely<Database>,
  limits: AttemptLimits,
  attempt: {
    subject: string;
    picture: AttemptPicture;
    deviceToken: string | undefined;
    /** Marks the attempt admitted (it now counts against the subject) … */
    markAdmitted: () => Promise<void>;
    /** … and counts the subject's admitted and checked failures, this one included. */
    subjectFailures: () => Promise<number>;
  },
): Promise<AttemptVerdict> {
  const verdict = judgeAttempt(limits, attempt.picture);
  if (!verdict.check) return verdict;
  await attempt.markAdmitted();
  const [subjectFailures, knownDevice] = await Promise.all([
    attempt.subjectFailures(),
    attempt.deviceToken !== undefined ? isKnownDevice(db, hashSessionToken(attempt.deviceToken), attempt.subject) : false,
  ]);
  if (!needsTurn(limits, { subjectFailures, knownDevice })) return verdict;
  const now = attempt.picture.now;
  const turn = await claimTurn(db, attempt.subject, now, limits.slowedSpacingMs);
  return turn.granted ? verdict : slowedUntil(turn.nextAt, now);
}

/** After the secret was proved: this browser is known to the subject from now on; the device token to keep in its cookie. */
export async function rememberThisDevice(db: Kysely<Database>, deviceToken: string | undefined, subject: string, now: number): Promise<string> {
  const token = deviceToken ?? newSessionToken().token;
  await rememberDevice(db, hashSessionToken(token), subject, now);
  return token;
}
