import type { MiddlewareHandler } from 'hono';
import { forbidden } from '../app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request that a browser says came from another site is refused (403),
 * on top of SameSite=Lax cookies: together they stop cross-site request forgery. Requests
 * without an Origin (curl, the server's own tests) carry no browser cookies by accident.
 *
 * Behind a proxy that ends TLS (TRUST_PROXY), the browser's origin is `https://host` while
 * this server is spoken to in plain HTTP; the proxy's X-Forwarded-Proto says which it was.
 */
export function checkOrigin(trustProxy: boolean): MiddlewareHandler {
  // Not async: reads pass straight on, with no promise of its own per request.
  return (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== ownOrigin(c.req.url, trustProxy ? c.req.header('x-forwarded-proto') : undefined)) {
        throw forbidden('origin_mismatch', 'This request came from another site');
      }
    }
    return next();
  };
}

function ownOrigin(requestUrl: string, forwardedProto: string | undefined): string {
  const url = new URL(requestUrl);
  // The rightmost entry is the one our proxy set, as with X-Forwarded-For.
  const proto = forwardedProto?.split(',').at(-1)?.trim().toLowerCase();
  if (proto === 'https' || proto === 'http') url.protocol = `${proto}:`;
  return url.origin;
}
