import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

/**
 * A request header, read from Node's own parsed headers when the app runs under
 * @hono/node-server. `c.req.header()` builds a web `Headers` of every header the request
 * carries on first use, which on the busiest endpoints costs more than the rest of the lookup.
 */
export function requestHeader(c: Context<{ Bindings: Partial<HttpBindings> }>, name: Lowercase<string>): string | undefined {
  const incoming = c.env?.incoming;
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
