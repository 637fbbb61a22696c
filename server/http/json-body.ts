import { zValidator } from '@hono/zod-validator';
import type { MiddlewareHandler } from 'hono';
import type { ZodType } from 'zod';
import { AppError } from '../app-error';

/** 415 unless the request says it carries JSON, before anything reads the body. */
export const requireJsonContent: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  await next();
};

/**
 * Validates the JSON body against a shared zod schema; failures become one 400 naming the
 * first problem, so a client learns which field to fix.
 */
export function jsonBody<T extends ZodType>(schema: T) {
  return zValidator('json', schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw new AppError(400, 'invalid_request', `${where}${issue?.message ?? 'invalid body'}`);
    }
  });
}
