import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';

/**
 * A request answered before its body was read to the end (a 413 from the size limit, a 401
 * on an upload) leaves the rest of that body on the connection. Node and @hono/node-server
 * would try to drain it, but the web stream wrapping the body stops the flow once its queue
 * is full, so the drain stalls and the socket is dropped half a second later — after the
 * answer said `keep-alive`, so the client's next request on it fails; and a short tail that
 * does arrive is parsed as the next request (400). Saying `Connection: close` makes Node end
 * the connection right after this answer and tells the client to open a new one.
 */
export const closeWhenBodyUnread: MiddlewareHandler<{ Bindings: Partial<HttpBindings> }> = async (c, next) => {
  await next();
  // app.request() in tests has no socket.
  const incoming = c.env?.incoming;
  if (!incoming) return;
  const hasBody = incoming.headers['transfer-encoding'] !== undefined || Number(incoming.headers['content-length'] ?? 0) > 0;
  if (hasBody && !incoming.readableEnded) c.header('Connection', 'close');
};
