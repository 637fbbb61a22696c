import { ApiError } from '../../api/api-error';
import { tooManyTriesKey } from '../../api/too-many-tries';
import { isValidTrackingNo, normalizeTrackingNo } from '../../../shared/tracking/tracking-number';

/**
 * The checks of the return page's "prove the parcel is yours" step, worded with the app's own
 * messages where the tracking page already has them (verify.*, home.*).
 */

/** Why the digits did not open the parcel: the tracking page's sentences, plus "no such parcel" (its form never meets one). */
export function verifyProblemKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'verify.failed';
  if (error.unreachable) return 'verify.offline';
  if (error.status === 403) return 'verify.wrong_digits';
  if (error.status === 404) return 'returns.check.unknown_parcel';
  if (error.status === 429) return tooManyTriesKey(error, 'verify');
  if (error.status === 400) return 'verify.bad_format';
  return 'verify.failed';
}

/** The server's rule (shared/tracking/phone.ts), restated: importing that module here would split it out of the tracking page's chunk. */
export const looksLikePhoneLast4 = (digits: string) => /^\d{4}$/.test(digits);

export type ParcelNumberCheck = { ok: true; trackingNo: string } | { ok: false; messageKey: string };

/** A typed tracking number, tidied and checked as the home page checks it, before it costs a request. */
export function checkParcelNumber(typed: string): ParcelNumberCheck {
  const trackingNo = normalizeTrackingNo(typed);
  if (!trackingNo) return { ok: false, messageKey: 'home.empty_number' };
  if (isValidTrackingNo(trackingNo)) return { ok: true, trackingNo };
  // The right shape with a failing check digit is a typo in one digit, which has its own hint.
  return { ok: false, messageKey: /^DS\d{11}$/.test(trackingNo) ? 'home.wrong_check_digit' : 'home.invalid_number' };
}
