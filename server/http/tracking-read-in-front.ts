import { randomUUID } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import type { Hono } from 'hono';
import { isValidTrackingNo } from '../../shared/tracking/tracking-number';
import type { AppDeps } from '../app-deps';
import { publicViewCacheFor, type CachedPublicView } from '../domain/tracking/public-view-cache';
import type { AppMetrics } from './metrics';
import { publicViewAnswer } from './public-view-answer';
import { logRequest } from './request-log';
import { API_HEADERS } from './security-headers';

const PREFIX = '/api/track/';
/** The route's pattern, as metrics and the request log name it when Hono answers. */
const ROUTE = '/api/track/:trackingNo';
const API_HEADER_SET: Readonly<Record<string, string>> = Object.fromEntries(API_HEADERS);

/**
 * `GET /api/track/:no` answered from this instance's view cache before Hono routes the
 * request: the busiest read there is, and routing it through 250 routes and the app's
 * middleware cost about as much as everything else the server does for it (measured; a read
 * from memory is a few µs). Everything an answer through the app carries is carried here,
 * from the same sources: the request id, the API's security headers, the view's own headers
 * and 304 rule (public-view-answer.ts), the request metric and, when request logging is on,
 * the log line. tests/api/track-read-in-front.test.ts holds the two answers to each other.
 *
 * Through the app as before: other methods, a number written otherwise than the canonical way,
 * a query string, a request with a body, and any read that fails (an unknown number, a
 * database error), so every error has the one way it is answered and logged.
 */
export function answerTrackingReadsFirst(app: Hono, deps: Pick<AppDeps, 'db' | 'bus' | 'clock' | 'config' | 'logger'> & { metrics: AppMetrics }): void {
  const views = publicViewCacheFor(deps);
  const logger = deps.config.logRequests ? deps.logger : null;
  const throughApp = app.fetch;

  function answerInFront(request: Request, env: unknown, executionCtx: unknown): Response | Promise<Response> | undefined {
    if (request.method !== 'GET') return undefined;
    const trackingNo = trackingNoIn(request.url);
    if (trackingNo === null) return undefined;
    const incoming = (env as Partial<HttpBindings> | undefined)?.incoming;
    if (incoming && (incoming.headers['transfer-encoding'] !== undefined || Number(incoming.headers['content-length'] ?? 0) > 0)) return undefined;
    const started = performance.now();
    const now = deps.clock();
    const ifNoneMatch = incoming ? incoming.headers['if-none-match'] : request.headers.get('if-none-match');
    const kept = views.peek(trackingNo, now);
    if (kept) return answer(kept, ifNoneMatch, started);
    // Not in memory (first read, expired, changed): read here too; an unknown number or a
    // failed read goes through the app, which answers and logs it as it does every error.
    return views.get(trackingNo, now).then(
      (view) => answer(view, ifNoneMatch, started),
      () => throughApp(request, env as never, executionCtx as never),
    );
  }

  function answer(view: CachedPublicView, ifNoneMatch: string | null | undefined, started: number): Response {
    const { status, body, headers } = publicViewAnswer(view, ifNoneMatch);
    const requestId = randomUUID();
    const response = new Response(body, { status, headers: { 'X-Request-Id': requestId, ...API_HEADER_SET, ...headers } });
    deps.metrics.observeRequest('GET', ROUTE, status, (performance.now() - started) / 1000);
    if (logger) logRequest(logger, { requestId, method: 'GET', route: ROUTE, status, started });
    return response;
  }

  app.fetch = (request, env, executionCtx) => answerInFront(request, env, executionCtx) ?? throughApp(request, env, executionCtx);
}

/** The tracking number of `…/api/track/<number>` written the canonical way, else null. */
function trackingNoIn(url: string): string | null {
  // After the scheme's `//`, the path starts at the first `/`.
  const path = url.indexOf('/', url.indexOf('//') + 2);
  if (path === -1 || !url.startsWith(PREFIX, path)) return null;
  const trackingNo = url.slice(path + PREFIX.length);
  return isValidTrackingNo(trackingNo) ? trackingNo : null;
}
