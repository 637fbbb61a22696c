import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { conflict } from '../../server/app-error';
import type { Database } from '../../server/db/schema';
import { makeErrorHandler } from '../../server/http/error-handler';
import { idempotentPosts } from '../../server/http/idempotency';
import { jsonBody, requireJsonContent } from '../../server/http/json-body';
import { silentLogger } from '../../server/http/logger';
import type { ShopEnv } from '../../server/http/shop-env';
import { requireShopKey } from '../../server/http/shop-key';

/**
 * The real guard and idempotency middleware around test-only handlers: one that can be held
 * mid-run (it waits on a promise the test resolves, so "still in flight" needs no sleeps), one
 * that fails with a 5xx until told not to, and one that refuses.
 */
export function shopHarness(db: Kysely<Database>, clock: () => number, key: string) {
  const auth = { authorization: `Bearer ${key}` };
  let release: () => void = () => {};
  let held: Promise<void> = Promise.resolve();
  let started: () => void = () => {};
  const runs = { echo: 0, fail: 0, refuse: 0 };
  let failing = true;
  const app = new Hono<ShopEnv>();
  app.onError(makeErrorHandler(silentLogger));
  app
    .use('/api/shop/*', requireShopKey(db, clock), idempotentPosts(db, clock))
    .post('/api/shop/echo', requireJsonContent, jsonBody(z.strictObject({ sku: z.string(), quantity: z.number().int().min(1) })), async (c) => {
      const run = ++runs.echo;
      started();
      await held;
      return c.json({ run, received: c.req.valid('json'), key: c.var.apiKey.name }, 201);
    })
    .post('/api/shop/fail', async (c) => {
      runs.fail++;
      if (failing) throw new Error('the database went away');
      return c.json({ ok: true }, 201);
    })
    .post('/api/shop/unavailable', (c) => c.json({ error: { code: 'busy', message: 'later' } }, 503))
    .post('/api/shop/refuse', () => {
      runs.refuse++;
      throw conflict('price_changed', 'The price changed');
    })
    .get('/api/shop/read', (c) => c.json({ ok: true }));
  return {
    runs,
    /** Holds the next echo mid-run; the promise returned settles once it is running. */
    hold(): Promise<void> {
      held = new Promise((resolve) => (release = resolve));
      return new Promise((resolve) => (started = resolve));
    },
    release: () => release(),
    stopFailing() {
      failing = false;
    },
    post(path: string, body: unknown, idempotencyKey: string | null = 'order-1', headers: Record<string, string> = auth) {
      return app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers, ...(idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey }) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    get: (path: string) => app.request(path, { headers: auth }),
  };
}
