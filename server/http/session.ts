import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/courier/manifest';
import { forbidden, unauthorized } from '../app-error';
import type { Database } from '../db/schema';
import { findSessionUser } from '../domain/auth/auth-service';

declare module 'hono' {
  interface ContextVariableMap {
    user: SessionUser;
  }
}

export const SESSION_COOKIE = 'ds_session';

/** A token in a cookie only the server reads (never script), sent on same-site navigations and over HTTPS only when the page is. */
export function setTokenCookie(c: Context, name: string, token: string, path: string, expiresAt: number): void {
  setCookie(c, name, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    path,
    expires: new Date(expiresAt),
  });
}

export function setSessionCookie(c: Context, token: string, expiresAt: number): void {
  setTokenCookie(c, SESSION_COOKIE, token, '/', expiresAt);
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export const sessionToken = (c: Context) => getCookie(c, SESSION_COOKIE);

/**
 * Lets only signed-in users of the given roles through, with the user in `c.var.user`:
 * 401 without a live session (the courier's phone then pauses its queue and asks to sign in
 * again), 403 for the wrong role.
 */
/** The signed-in user of one of `roles`, or 401/403 (for handlers that decide the role per request). */
export async function requireSignedIn(db: Kysely<Database>, token: string | undefined, now: number, ...roles: SessionUser['role'][]): Promise<SessionUser> {
  const user = await findSessionUser(db, token, now);
  if (!user) throw unauthorized('not_signed_in', 'Sign in first (the session is missing or has expired)');
  if (!roles.includes(user.role)) throw forbidden('wrong_role', `Only ${roles.join(' or ')} accounts may do this`);
  return user;
}

/** One cookie per verified parcel, so proving one parcel never unlocks another. */
export const parcelCookie = (trackingNo: string) => `ds_parcel_${trackingNo}`;

/** One cookie per verified order page, as for parcels (the session behind it is the order's either way). */
export const orderCookie = (orderNo: string) => `ds_order_${orderNo}`;

/** A verified customer's session token in a parcel's or an order's cookie, sent to the API only. */
export function setCustomerCookie(c: Context, name: string, token: string, expiresAt: number): void {
  setTokenCookie(c, name, token, '/api', expiresAt);
}

/** Every verified-parcel token the customer's browser holds. */
export const parcelTokens = (c: Context) =>
  Object.entries(getCookie(c))
    .filter(([name]) => name.startsWith('ds_parcel_'))
    .map(([, value]) => value);

export function requireRole(db: Kysely<Database>, clock: () => number, ...roles: SessionUser['role'][]): MiddlewareHandler {
  return async (c, next) => {
    c.set('user', await requireSignedIn(db, sessionToken(c), clock(), ...roles));
    await next();
  };
}
