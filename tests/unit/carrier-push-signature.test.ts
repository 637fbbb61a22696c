import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkCarrierPushSignature, checkKuaidi100Sign, kuaidi100Sign, signCarrierPush } from '../../server/domain/carriers/push-signature';

const SECRET = 'carrier-secret-0123456789';
const BODY = '{"events":[]}';
const NOW = Date.UTC(2026, 11, 5, 8, 0, 0);
const T = NOW / 1000;

describe('the generic push signature', () => {
  it.each([
    ['good', signCarrierPush(SECRET, BODY, T), 'ok'],
    ['good, 299 s old', signCarrierPush(SECRET, BODY, T - 299), 'ok'],
    ['good, 299 s ahead', signCarrierPush(SECRET, BODY, T + 299), 'ok'],
    ['stale (301 s old)', signCarrierPush(SECRET, BODY, T - 301), 'stale'],
    ['future (301 s ahead)', signCarrierPush(SECRET, BODY, T + 301), 'future'],
    ['wrong secret', signCarrierPush('another-secret-000000', BODY, T), 'mismatch'],
    ['other body', signCarrierPush(SECRET, BODY + ' ', T), 'mismatch'],
    ['timestamp changed after signing', signCarrierPush(SECRET, BODY, T).replace(`t=${T}`, `t=${T - 1}`), 'mismatch'],
    ['missing', undefined, 'missing'],
    ['empty', '', 'missing'],
    ['no v1', `t=${T}`, 'malformed'],
    ['no t', `v1=${'a'.repeat(64)}`, 'malformed'],
    ['short hex', `t=${T},v1=abc`, 'malformed'],
    ['not a number', `t=soon,v1=${'a'.repeat(64)}`, 'malformed'],
    ['other scheme', 'sha256=abc', 'malformed'],
  ])('%s → %s', (_name, header, expected) => {
    expect(checkCarrierPushSignature(header, BODY, SECRET, NOW)).toBe(expected);
  });

  it('is HMAC-SHA256 of "t.body" in hex', async () => {
    const { createHmac } = await import('node:crypto');
    expect(signCarrierPush(SECRET, BODY, 1700000000)).toBe(`t=1700000000,v1=${createHmac('sha256', SECRET).update(`1700000000.${BODY}`).digest('hex')}`);
  });
});

describe('the Kuaidi100 sign', () => {
  const param = '{"lastResult":{"nu":"SF1"}}';
  const salt = 'salt-1';
  const good = createHash('md5').update(param + salt).digest('hex').toUpperCase();
  it.each([
    ['good', good, 'ok'],
    ['lower-case hex of the same digest', good.toLowerCase(), 'ok'],
    ['another salt', kuaidi100Sign(param, 'salt-2'), 'mismatch'],
    ['another param', kuaidi100Sign(param + ' ', salt), 'mismatch'],
    ['missing', undefined, 'missing'],
    ['not hex', 'Z'.repeat(32), 'malformed'],
    ['too short', good.slice(0, 31), 'malformed'],
  ])('%s → %s', (_name, sign, expected) => {
    expect(checkKuaidi100Sign(sign, param, salt)).toBe(expected);
  });

  it('is upper-case MD5 of param + salt', () => {
    expect(kuaidi100Sign(param, salt)).toBe(good);
    expect(kuaidi100Sign('中文', 'x')).toBe(createHash('md5').update('中文x', 'utf8').digest('hex').toUpperCase());
  });
});
