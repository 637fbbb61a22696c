import type { MiddlewareHandler } from 'hono';

/**
 * Pages: CSP allows only our own origin, with no inline script (the service worker
 * registration is a bundled module), and images also from data:/blob: for on-device photo
 * previews.
 */
const pagePolicy = (styleSources: string) =>
  [
    "default-src 'self'",
    // 'wasm-unsafe-eval' compiles the courier scanner's ZXing wasm; it still allows no eval() of strings.
    "script-src 'self' 'wasm-unsafe-eval'",
    `style-src 'self'${styleSources}`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

const PAGE_CSP = pagePolicy('');

/**
 * The page policy for a page carrying one <style> element of our own (the drawn tracking page,
 * tracking-page.ts): that element by its hash, and still no inline style attribute or other
 * <style>, so an injected one does nothing.
 */
export const pageCspWithInlineStyle = (styleHash: string) => pagePolicy(` ${styleHash}`);

const PAGE_HEADERS: ReadonlyArray<[string, string]> = [
  ['Content-Security-Policy', PAGE_CSP],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
];

/**
 * API answers are data, never documents: OWASP's REST set, which renders nothing and frames
 * nothing. Also carried by the tracking reads answered in front of the app (tracking-read-in-front.ts).
 */
export const API_HEADERS: ReadonlyArray<[string, string]> = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
];

/**
 * Set before the handler runs, so they go out with whatever response it makes. (Hono's
 * secureHeaders() rewrites the finished response instead, which on @hono/node-server turns
 * every answer into a full Response object and cost half the tracking endpoint's throughput.)
 * Not async: nothing to do after the handler, so no promise of its own per request.
 */
export const securityHeaders: MiddlewareHandler = (c, next) => {
  const headers = c.req.path.startsWith('/api/') ? API_HEADERS : PAGE_HEADERS;
  for (const [name, value] of headers) c.header(name, value);
  return next();
};
