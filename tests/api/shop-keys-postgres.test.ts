import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeyList, CreatedApiKey } from '../../shared/api/api-keys';
import { createApp } from '../../server/app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { IDEMPOTENCY_KEY_RETENTION_MS, deleteExpiredIdempotencyKeys } from '../../server/domain/idempotency/idempotency-repository';
import { freePort } from '../support/free-port';
import { startPostgres } from '../support/postgres-server';
import { staffCookie } from '../support/return-fixtures';
import { testDeps } from '../support/app-deps';
import { get, send, type TestApp } from './ops-desk-fixtures';
import { shopHarness } from '../support/idempotency-harness';

// API keys and idempotency keys on the scale-out engine: BIGINT times, ON CONFLICT … RETURNING,
// and the unique constraint deciding between requests on separate pooled connections.
let pg: ReturnType<typeof startPostgres>;
let handle: DatabaseHandle;
let t: TestApp;

beforeAll(async () => {
  pg = startPostgres(await freePort());
  handle = createDb(pg.url);
  await migrateToLatest(handle.db);
  let now = Date.UTC(2026, 10, 21, 4, 0, 0);
  const deps = testDeps(handle.db, () => now);
  t = { app: createApp(deps), deps, db: handle.db, now: () => now, setNow: (ms: number) => void (now = ms), dispose: async () => {} } as TestApp;
}, 60_000);
afterAll(async () => {
  await handle?.close();
  pg?.stop();
});

describe('shop API keys and Idempotency-Key on PostgreSQL', () => {
  it('makes, uses, lists and revokes a key', async () => {
    const cookie = await staffCookie(t);
    const created = (await (await send(t, 'POST', '/api/ops/api-keys', { name: 'ERP' }, cookie)).json()) as CreatedApiKey;
    const whoami = () => t.app.request('/api/shop/whoami', { headers: { authorization: `Bearer ${created.key}` } });
    expect(await (await whoami()).json()).toEqual({ name: 'ERP', scopes: ['shop'] });
    t.setNow(t.now() + 60_000);
    expect((await whoami()).status).toBe(200);
    const [listed] = ((await (await get(t, '/api/ops/api-keys', cookie)).json()) as ApiKeyList).keys;
    expect(listed).toMatchObject({ id: created.id, createdAt: t.now() - 60_000, lastUsedAt: t.now(), revokedAt: null });

    expect((await t.app.request(`/api/ops/api-keys/${created.id}/revoke`, { method: 'POST', headers: { cookie } })).status).toBe(200);
    t.setNow(t.now() + 60_000);
    const again = await t.app.request(`/api/ops/api-keys/${created.id}/revoke`, { method: 'POST', headers: { cookie } });
    expect(await again.json()).toMatchObject({ revokedAt: t.now() - 60_000 });
    expect((await whoami()).status).toBe(401);
  });

  it('runs one of two first requests at once, replays, refuses another body, keeps no 5xx, and forgets after 24 h', async () => {
    const cookie = await staffCookie(t);
    const { key } = (await (await send(t, 'POST', '/api/ops/api-keys', { name: '小程序' }, cookie)).json()) as CreatedApiKey;
    const h = shopHarness(t.db, t.deps.clock, key);
    const order = { sku: 'TEA-01', quantity: 2 };

    const running = h.hold();
    const sent = [h.post('/api/shop/echo', order, 'pg-1'), h.post('/api/shop/echo', order, 'pg-1')];
    await running;
    expect((await Promise.race(sent)).status).toBe(409);
    h.release();
    expect((await Promise.all(sent)).map((r) => r.status).sort()).toEqual([201, 409]);

    const replay = await h.post('/api/shop/echo', order, 'pg-1');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toMatchObject({ run: 1 });
    expect((await h.post('/api/shop/echo', { ...order, quantity: 3 }, 'pg-1')).status).toBe(422);
    expect((await h.post('/api/shop/fail', order, 'pg-2')).status).toBe(500);
    expect(h.runs.echo).toBe(1);

    t.setNow(t.now() + IDEMPOTENCY_KEY_RETENTION_MS + 1);
    expect(await deleteExpiredIdempotencyKeys(t.db, t.now())).toBe(1);
    expect(await t.db.selectFrom('idempotency_keys').selectAll().execute()).toEqual([]);
  });
});
