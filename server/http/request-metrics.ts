import type { MiddlewareHandler } from 'hono';
import type { AppMetrics } from './metrics';
import { routePatternOf } from './route-pattern';

/**
 * Times every request into `doorstep_http_request_duration_seconds`, labelled by the route
 * pattern that answered. Mounted first, so the time includes the other middleware and an
 * error turned into an answer by the error handler.
 */
export function measureRequests(metrics: AppMetrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    metrics.observeRequest(c.req.method, routePatternOf(c), c.res.status, (performance.now() - started) / 1000);
  };
}
