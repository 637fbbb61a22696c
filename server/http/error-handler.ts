import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../app-error';
import type { Logger } from './logger';

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const codeForStatus: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

export function errorJson(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json<ErrorBody>({ error: { code, message } }, status);
}

/** Turns anything thrown into the error shape; unknown errors become a 500 without internals. */
export function makeErrorHandler(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof AppError) {
      if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.retryAfterSeconds));
      if (err.details) return c.json<ErrorBody>({ error: { code: err.code, message: err.message, details: err.details } }, err.status);
      return errorJson(c, err.status, err.code, err.message);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const malformed = /malformed json/i.test(err.message);
      const code = malformed ? 'malformed_json' : (codeForStatus[err.status] ?? 'bad_request');
      const message = malformed ? 'The request body is not valid JSON' : err.message || code;
      return errorJson(c, err.status as ContentfulStatusCode, code, message);
    }
    const requestId = c.get('requestId') ?? '-';
    // PostgreSQL gave up one of two transactions that waited on each other: nothing of it was
    // kept, and the same request sent again succeeds. Logged, since a lock order should prevent it.
    const sqlState = (err as { code?: unknown }).code;
    if (sqlState === '40P01' || sqlState === '40001') {
      logger.error(`[${requestId}] transaction conflict on ${c.req.method} ${c.req.path}`, err, { requestId });
      c.header('Retry-After', '1');
      return errorJson(c, 503, 'concurrent_update', 'Something else changed the same record at that moment; try again');
    }
    logger.error(`[${requestId}] unhandled error on ${c.req.method} ${c.req.path}`, err, { requestId });
    return errorJson(c, 500, 'internal_error', `Something went wrong on our side (request ${requestId})`);
  };
}
