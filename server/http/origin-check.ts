import type { MiddlewareHandler } from 'hono';
import { forbidden } from '../app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request that a browser says came from another site is refused (403),
 * on top of SameSite=Lax cookies: together they stop cross-site request forgery. Requests
 * without an Origin (curl, the server's own tests) carry no browser cookies by accident.
 */
export const checkOrigin: MiddlewareHandler = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin) {
      throw forbidden('origin_mismatch', 'This request came from another site');
    }
  }
  await next();
};
