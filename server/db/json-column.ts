import type { z } from 'zod';

/**
 * The one way a JSON column becomes an object: parsed and checked against the shared schema of
 * what was stored. Called only from a table's row → object mapper. A row that fails is a bug or
 * a hand edit, not bad input: it throws, the request is answered 500 and the row is named in
 * the log, rather than a wrong shape travelling on into rules about money.
 */
export function parseJsonColumn<S extends z.ZodType>(schema: S, text: string, where: string): z.output<S> {
  return checked(schema, JSON.parse(text), where);
}

/** parseJsonColumn with a check in place of a schema, for columns read by the hundred on a hot path. */
export function parseJsonColumnAs<T>(isShape: (value: unknown) => value is T, text: string, where: string): T {
  const value: unknown = JSON.parse(text);
  if (!isShape(value)) throw new Error(`Stored JSON in ${where} does not have the expected shape`);
  return value;
}

/** A stored setting over its defaults: fields added since it was saved take their default. */
export function parseJsonColumnOver<S extends z.ZodType>(schema: S, defaults: z.input<S>, text: string, where: string): z.output<S> {
  return checked(schema, { ...(defaults as object), ...(JSON.parse(text) as object) }, where);
}

function checked<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`Stored JSON in ${where} does not have the expected shape: ${parsed.error.message}`);
  return parsed.data;
}
