import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/api/api-error';
import { checkParcelNumber, looksLikePhoneLast4, verifyProblemKey } from '../../client/components/returns/return-parcel-proof';
import { PHONE_LAST4_PATTERN } from '../../shared/tracking/phone';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';

describe('proving a return’s parcel on the return’s page', () => {
  it.each([
    [new ApiError(0, 'network_unreachable', ''), 'verify.offline'],
    [new ApiError(403, 'wrong_digits', ''), 'verify.wrong_digits'],
    [new ApiError(404, 'shipment_not_found', ''), 'returns.check.unknown_parcel'],
    [new ApiError(429, 'too_many_attempts', ''), 'verify.too_many_tries'],
    [new ApiError(429, 'slowed_down', ''), 'verify.slowed_down'],
    [new ApiError(400, 'invalid_request', ''), 'verify.bad_format'],
    [new ApiError(500, 'internal', ''), 'verify.failed'],
    [new Error('boom'), 'verify.failed'],
  ])('%s → %s', (error, key) => {
    expect(verifyProblemKey(error)).toBe(key);
  });

  it.each(['1234', '0000', '123', '12345', '12a4', ' 1234', ''])('checks %j as the server does', (digits) => {
    expect(looksLikePhoneLast4(digits)).toBe(PHONE_LAST4_PATTERN.test(digits));
  });

  it('takes a typed tracking number as the home page does', () => {
    const good = makeTrackingNo(1_058_722_46);
    expect(checkParcelNumber(` ${good.toLowerCase().slice(0, 5)} ${good.slice(5)} `)).toEqual({ ok: true, trackingNo: good });
    expect(checkParcelNumber('   ')).toEqual({ ok: false, messageKey: 'home.empty_number' });
    const typo = `${good.slice(0, -1)}${(Number(good.at(-1)) + 1) % 10}`;
    expect(checkParcelNumber(typo)).toEqual({ ok: false, messageKey: 'home.wrong_check_digit' });
    expect(checkParcelNumber('RT261201000011')).toEqual({ ok: false, messageKey: 'home.invalid_number' });
  });
});
