import type { MiddlewareHandler } from 'hono';
import type { Logger } from './logger';

/** One line per request, tagged with the request id that error logs and 500 answers carry. */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = (performance.now() - started).toFixed(1);
    logger.info(`[${c.get('requestId')}] ${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms`);
  };
}
