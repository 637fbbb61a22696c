/**
 * When a guess at a secret (a password, a parcel's four phone digits) may be checked, after
 * OWASP's authentication guidance: limits count failures per (subject, address) and per
 * address, so a stranger's wrong tries refuse only the stranger; a subject guessed at from
 * many addresses is slowed to one try at a time, never locked, so its owner still gets in.
 *
 * A "subject" is what is guessed at: an account's login, or a parcel.
 */

export interface AttemptLimits {
  /** How far back failures count against a (subject, address) pair and an address. */
  windowMs: number;
  /** Failures one address may make at one subject in the window. */
  perPair: number;
  /** Failures one address may make across all subjects in the window (stops sweeping). */
  perAddress: number;
  /** How far back failures count against the subject from every address. */
  spreadWindowMs: number;
  /** Failures at the subject from all addresses in the spread window before it is slowed. */
  spreadBeforeSlowing: number;
  /** While slowed, the subject takes one try per this, from anyone. */
  slowedSpacingMs: number;
}

/** Failures in a window, counting the attempt being decided (it is recorded as one first). */
export interface FailureTally {
  count: number;
  /** When the oldest of them was made: the window frees a place once it has passed. */
  oldestAt: number | null;
}

export interface AttemptPicture {
  now: number;
  pair: FailureTally;
  address: FailureTally;
}

export interface SubjectPicture {
  /**
   * Failures at the subject from every address in the spread window, counting only attempts
   * admitted past the address limits (this one included): one address's flood of tries in
   * flight adds at most its own few, so it cannot slow the subject by itself.
   */
  subjectFailures: number;
  /** This browser proved the secret of this subject before (its device cookie). */
  knownDevice: boolean;
}

/**
 * `device`: this address has had its turns at this subject; `address`: this address has had
 * its turns at everything; `slowed`: the subject takes one try at a time and it is another's turn.
 */
export type RefusalReason = 'device' | 'address' | 'slowed';

export type AttemptVerdict = { check: true } | { check: false; reason: RefusalReason; retryAfterSeconds: number };

const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

/**
 * Whether this attempt gets past the address limits. When both refuse, the longer wait is the
 * one given, so a client told to come back is not refused again by a limit it wasn't told of.
 */
export function judgeAttempt(limits: AttemptLimits, picture: AttemptPicture): AttemptVerdict {
  const { now } = picture;
  const refusals: { reason: RefusalReason; retryAfterSeconds: number }[] = [];
  if (picture.pair.count > limits.perPair) {
    refusals.push({ reason: 'device', retryAfterSeconds: secondsUntil((picture.pair.oldestAt ?? now) + limits.windowMs, now) });
  }
  if (picture.address.count > limits.perAddress) {
    refusals.push({ reason: 'address', retryAfterSeconds: secondsUntil((picture.address.oldestAt ?? now) + limits.windowMs, now) });
  }
  if (refusals.length === 0) return { check: true };
  const longest = refusals.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
  return { check: false, ...longest };
}

/**
 * The subject is guessed at from many addresses and this browser is not known to it: the try
 * goes ahead only with the subject's one-at-a-time turn (claimed atomically, see attempt-gate).
 */
export const needsTurn = (limits: AttemptLimits, subject: SubjectPicture): boolean => subject.subjectFailures > limits.spreadBeforeSlowing && !subject.knownDevice;

/** The subject's turn is someone else's until `nextTurnAt`. */
export const slowedUntil = (nextTurnAt: number, now: number): AttemptVerdict => ({ check: false, reason: 'slowed', retryAfterSeconds: secondsUntil(nextTurnAt, now) });

/** A wait in words for a message: "3 minutes", "1 minute", "40 seconds". */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
