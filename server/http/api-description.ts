import { describeRoute, resolver } from 'hono-openapi';
import { z, type ZodType } from 'zod';

/**
 * Describes a route for the OpenAPI document from the same zod schemas the route validates
 * with (jsonBody) and answers with, so the reference cannot drift from the server.
 */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
});

interface RouteDescription {
  summary: string;
  description?: string;
  tag: string;
  body?: ZodType;
  /** Success answers: status → [schema, what it means]. */
  ok: Record<number, [ZodType, string]>;
  /** Refusals worth naming: status → the codes it carries. */
  errors?: Record<number, string>;
  /** POSTs of the shop API take an Idempotency-Key. */
  idempotent?: boolean;
}

export function described(route: RouteDescription) {
  const responses: Record<string, { description: string; content: { 'application/json': { schema: ReturnType<typeof resolver> } } }> = {};
  for (const [status, [schema, description]] of Object.entries(route.ok)) responses[status] = { description, content: { 'application/json': { schema: resolver(schema) } } };
  for (const [status, codes] of Object.entries(route.errors ?? {})) responses[status] = { description: codes, content: { 'application/json': { schema: resolver(errorBodySchema) } } };
  return describeRoute({
    summary: route.summary,
    description: route.description,
    tags: [route.tag],
    parameters: route.idempotent
      ? [{ in: 'header', name: 'Idempotency-Key', required: true, schema: { type: 'string', maxLength: 255 }, description: 'Any unique string per operation (a UUID). The same key with the same body answers the first answer again; with another body 422; while the first is still running 409.' }]
      : undefined,
    requestBody: route.body ? { required: true, content: { 'application/json': { schema: resolver(route.body) } } } : undefined,
    responses,
  });
}
