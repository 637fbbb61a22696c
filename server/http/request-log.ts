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
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: routePatternOf(c),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
