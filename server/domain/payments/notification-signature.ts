import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature a payment provider puts on its notifications, in the form Stripe uses:
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. The timestamp inside the signed text
 * stops an old notification being replayed; five minutes allows for clocks and retries.
 */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck = 'ok' | 'missing' | 'malformed' | 'stale' | 'mismatch';

export function signNotification(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}

export function checkNotificationSignature(header: string | undefined, body: string, secret: string, nowMs: number): SignatureCheck {
  if (!header) return 'missing';
  const parts = new Map(header.split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (!t || !/^\d{1,12}$/.test(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return 'malformed';
  if (Math.abs(nowMs / 1000 - Number(t)) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  const expected = Buffer.from(signNotification(secret, body, Number(t)).split('v1=')[1]!, 'hex');
  return timingSafeEqual(expected, Buffer.from(v1, 'hex')) ? 'ok' : 'mismatch';
}
