import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { setTokenCookie } from './session';

/**
 * OWASP's device cookie: a browser that proved an account's password or a parcel's digits
 * keeps a random token (only its hash is stored, with what it proved), and is then not made to
 * wait behind strangers guessing at that account or parcel from elsewhere.
 */
export const DEVICE_COOKIE = 'ds_device';
const A_YEAR_MS = 365 * 24 * 3600_000;

export const deviceToken = (c: Context): string | undefined => {
  const value = getCookie(c, DEVICE_COOKIE);
  // The shape the server makes (128 bits, base64url); anything else is ignored, not looked up.
  return value !== undefined && /^[A-Za-z0-9_-]{22}$/.test(value) ? value : undefined;
};

export function setDeviceCookie(c: Context, token: string, now: number): void {
  setTokenCookie(c, DEVICE_COOKIE, token, '/api', now + A_YEAR_MS);
}
