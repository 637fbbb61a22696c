/**
 * A JSON document that arrives inside something else, such as a form field (the Kuaidi100
 * push carries its events as the `param` field): parsed here, at the edge, never in routes or
 * the domain (JSON columns have their own checked parser in server/db/json-column.ts).
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
