import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import en from '../../client/locales/en.json';
import zhCN from '../../client/locales/zh-CN.json';
import courierEn from '../../client/locales/courier/en.json';
import courierZhCN from '../../client/locales/courier/zh-CN.json';
import opsEn from '../../client/locales/ops/en.json';
import opsZhCN from '../../client/locales/ops/zh-CN.json';
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

describe('the 429 sentences, in both languages', () => {
  it.each([
    ['verify', 'en', en],
    ['verify', 'zh-CN', zhCN],
    ['courier.sign_in', 'en', courierEn],
    ['courier.sign_in', 'zh-CN', courierZhCN],
    ['ops.sign_in', 'en', opsEn],
    ['ops.sign_in', 'zh-CN', opsZhCN],
  ])('%s in %s says the wait', (prefix, lang, messages) => {
    const i18n = createI18n({ legacy: false, locale: lang, messages: { [lang]: messages } });
    for (const key of ['too_many_tries', 'slowed_down']) {
      const text = i18n.global.t(`${prefix}.${key}`, { minutes: 7 });
      expect(text).toContain('7');
      expect(text).not.toContain('{minutes}');
      expect(text).not.toBe(`${prefix}.${key}`);
    }
  });
});
