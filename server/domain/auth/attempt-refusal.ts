import { AppError, tooManyRequests } from '../../app-error';
import { waitInWords, type AttemptVerdict } from './attempt-limits';

/**
 * The 429 for a refused attempt, worded for whoever reads it: the one who tried too often
 * is told it is their device, the owner of a slowed account, parcel or order that it is being
 * protected. Either way Retry-After says when a try will be let through.
 */
export function attemptRefused(verdict: Extract<AttemptVerdict, { check: false }>, subject: 'account' | 'parcel' | 'order'): AppError {
  const wait = waitInWords(verdict.retryAfterSeconds);
  switch (verdict.reason) {
    case 'device':
      return tooManyRequests('too_many_attempts', `Too many wrong tries from this device; try again in ${wait}`, verdict.retryAfterSeconds);
    case 'address':
      return tooManyRequests('too_many_attempts', `Too many wrong tries from this network; try again in ${wait}`, verdict.retryAfterSeconds);
    case 'slowed': {
      const what = subject === 'account' ? 'wrong passwords for this account' : `wrong tries for this ${subject}`;
      return tooManyRequests(
        'slowed_down',
        `Many ${what} came from elsewhere, so it takes one try at a time; try again in ${wait}`,
        verdict.retryAfterSeconds,
      );
    }
  }
}
