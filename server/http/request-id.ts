import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}

/**
 * A fresh id per request, in the logs and the `X-Request-Id` answer header, so a customer's
 * "request 3f2c…" finds its log line. Made here rather than taken from the caller: a
 * client-chosen id could forge or collide with log lines.
 */
export const requestId: MiddlewareHandler = async (c, next) => {
  const id = randomUUID();
  c.set('requestId', id);
  c.header('X-Request-Id', id);
  await next();
};
