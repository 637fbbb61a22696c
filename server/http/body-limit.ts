import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../app-error';

/**
 * Refuses bodies over `maxBytes` before they are read into memory (413). Only requests that
 * carry a body pay for it: Hono's bodyLimit wraps the request stream, which on a GET is pure
 * cost on the busiest endpoints.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError(413, 'payload_too_large', `The body is larger than ${maxBytes} bytes`);
    },
  });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}
