import type { MiddlewareHandler } from 'hono';
import type { Logger } from './logger';
import { routePatternOf } from './route-pattern';

/**
 * One line per request, tagged with the request id that error logs and 500 answers carry.
 * The route pattern rather than the path: a path holds tracking and order numbers, which a
 * log store has no need to keep.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logRequest(logger, { requestId: c.get('requestId'), method: c.req.method, route: routePatternOf(c), status: c.res.status, started });
  };
}

/** The line itself, also for answers given before the app's middleware (tracking-read-in-front.ts). */
export function logRequest(logger: Logger, r: { requestId: string; method: string; route: string; status: number; started: number }): void {
  logger.info('request', {
    requestId: r.requestId,
    method: r.method,
    route: r.route,
    status: r.status,
    durationMs: Math.round((performance.now() - r.started) * 10) / 10,
  });
}
