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

export function setSessionCookie(c: Context, token: string, expiresAt: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    expires: new Date(expiresAt),
  });
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
export function requireRole(db: Kysely<Database>, clock: () => number, ...roles: SessionUser['role'][]): MiddlewareHandler {
  return async (c, next) => {
    const user = await findSessionUser(db, sessionToken(c), clock());
    if (!user) throw unauthorized('not_signed_in', 'Sign in first (the session is missing or has expired)');
    if (!roles.includes(user.role)) throw forbidden('wrong_role', `Only ${roles.join(' or ')} accounts may do this`);
    c.set('user', user);
    await next();
  };
}
