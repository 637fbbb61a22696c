import type { MiddlewareHandler } from 'hono';

/**
 * CSP allows only our own origin: no inline script (the service worker registration is a
 * bundled module), images also from data:/blob: for on-device photo previews.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: ReadonlyArray<[string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
];

/**
 * Set before the handler runs, so they go out with whatever response it makes. (Hono's
 * secureHeaders() rewrites the finished response instead, which on @hono/node-server turns
 * every answer into a full Response object and cost half the tracking endpoint's throughput.)
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  for (const [name, value] of HEADERS) c.header(name, value);
  await next();
};
