import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/api/api-error';
import { minutesToWait, tooManyTriesKey } from '../../client/api/too-many-tries';

describe('a 429 in a form’s words', () => {
  it.each([
    ['too_many_attempts', 'courier.sign_in.too_many_tries'],
    ['slowed_down', 'courier.sign_in.slowed_down'],
  ])('%s → %s', (code, key) => {
    expect(tooManyTriesKey(new ApiError(429, code, ''), 'courier.sign_in')).toBe(key);
  });

  it.each<[unknown, number]>([
    [new ApiError(429, 'too_many_attempts', '', null, 900), 15],
    [new ApiError(429, 'slowed_down', '', null, 180), 3],
    [new ApiError(429, 'slowed_down', '', null, 181), 4],
    [new ApiError(429, 'slowed_down', '', null, 20), 1],
    [new ApiError(429, 'too_many_attempts', ''), 15],
    [new Error('boom'), 15],
  ])('waits %o → %i min', (error, minutes) => {
    expect(minutesToWait(error)).toBe(minutes);
  });

  it('reads Retry-After from the answer', async () => {
    const { okResponse } = await import('../../client/api/api-error');
    const answer = new Response(JSON.stringify({ error: { code: 'slowed_down', message: 'wait' } }), { status: 429, headers: { 'retry-after': '180' } });
    const error = await okResponse(async () => answer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).retryAfterSeconds).toBe(180);
  });
});
