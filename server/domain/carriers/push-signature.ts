import { createHash, timingSafeEqual } from 'node:crypto';
import { checkNotificationSignature, signNotification } from '../payments/notification-signature';

/**
 * How a carrier's push proves it came from the carrier. The generic JSON push is signed like
 * the payment provider's notifications (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`,
 * five minutes either way, so neither an old push nor one dated ahead can be replayed later);
 * the Kuaidi100-style push carries `sign` = upper-case hex MD5 of `param + salt`.
 */
export type PushSignatureCheck = 'ok' | 'missing' | 'malformed' | 'stale' | 'future' | 'mismatch';

export const signCarrierPush = signNotification;

export function checkCarrierPushSignature(header: string | undefined, rawBody: string, secret: string, nowMs: number): PushSignatureCheck {
  const check = checkNotificationSignature(header, rawBody, secret, nowMs);
  if (check !== 'stale') return check;
  const t = /(?:^|,)\s*t=(\d+)/.exec(header ?? '')?.[1];
  return Number(t) * 1000 > nowMs ? 'future' : 'stale';
}

export function kuaidi100Sign(param: string, salt: string): string {
  return createHash('md5').update(param + salt, 'utf8').digest('hex').toUpperCase();
}

export function checkKuaidi100Sign(sign: string | undefined, param: string, salt: string): 'ok' | 'missing' | 'malformed' | 'mismatch' {
  if (!sign) return 'missing';
  if (!/^[0-9A-Fa-f]{32}$/.test(sign)) return 'malformed';
  const expected = Buffer.from(kuaidi100Sign(param, salt), 'hex');
  return timingSafeEqual(expected, Buffer.from(sign, 'hex')) ? 'ok' : 'mismatch';
}
