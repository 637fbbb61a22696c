import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import { badRequest } from '../app-error';

/** Validates the query string against a zod schema; a bad filter is one 400 naming the parameter. */
export function queryParams<T extends ZodType>(schema: T) {
  return zValidator('query', schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw badRequest('invalid_query', `${where}${issue?.message ?? 'invalid query'}`);
    }
  });
}
