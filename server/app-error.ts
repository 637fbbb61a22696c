import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error type the API answers with. Domain services throw it; the error handler
 * turns it into `{"error":{"code","message"}}` with its status.
 */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** For 429 and 503: how long to wait, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
    /** Structured reasons a client can show (e.g. each rule a return broke), sent as `details`. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string) => new AppError(400, code, message);
export const unauthorized = (code: string, message: string) => new AppError(401, code, message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
export const notFound = (code: string, message: string) => new AppError(404, code, message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) => new AppError(409, code, message, undefined, details);
export const tooManyRequests = (code: string, message: string, retryAfterSeconds: number) =>
  new AppError(429, code, message, retryAfterSeconds);
export const unprocessable = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(422, code, message, undefined, details);
