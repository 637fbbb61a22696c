import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../../server/domain/api-keys/api-key-service';
import { IDEMPOTENCY_KEY_RETENTION_MS, deleteExpiredIdempotencyKeys } from '../../server/domain/idempotency/idempotency-repository';
import { createTestApp } from '../support/test-app';
import { outsiders, staff, type TestApp } from './ops-desk-fixtures';
import { shopHarness } from '../support/idempotency-harness';

let t: TestApp;
let key: string;

beforeEach(async () => {
  t = await createTestApp();
  key = (await createApiKey(t.db, { name: 'ERP' }, { staffId: null, at: t.now() })).key;
});
afterEach(() => t.dispose());

const auth = (k = key) => ({ authorization: `Bearer ${k}` });

const harness = () => shopHarness(t.db, t.deps.clock, key);
const rows = () => t.db.selectFrom('idempotency_keys').selectAll().orderBy('id').execute();
const order = { sku: 'TEA-01', quantity: 2 };

describe('the shop API key guard', () => {
  it('lets a live key in and says whose it is', async () => {
    const res = await t.app.request('/api/shop/whoami', { headers: auth() });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'ERP', scopes: ['shop'] });
  });

  it.each([
    ['no Authorization header', {}],
    ['another scheme', { authorization: `Basic ${Buffer.from('ERP:x').toString('base64')}` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('answers 401 api_key_required to %s', async (_name, headers) => {
    const res = await t.app.request('/api/shop/whoami', { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({ error: { code: 'api_key_required' } });
  });

  it.each([
    ['an unknown key', `dsk_live_${'A'.repeat(32)}`],
    ['something that is not a key', 'hunter2'],
    ['a key with something appended', 'KEY+x'],
  ])('answers 401 api_key_invalid to %s', async (_name, presented) => {
    const res = await t.app.request('/api/shop/whoami', { headers: auth(presented.replace('KEY', key)) });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'api_key_invalid' } });
  });

  it('refuses a revoked key (401) at once', async () => {
    const id = (await t.db.selectFrom('api_keys').select('id').executeTakeFirstOrThrow()).id;
    const staffCookie = await staff(t);
    expect((await t.app.request(`/api/ops/api-keys/${id}/revoke`, { method: 'POST', headers: { cookie: staffCookie } })).status).toBe(200);
    const res = await t.app.request('/api/shop/whoami', { headers: auth() });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'api_key_invalid' } });
  });

  it('takes no session cookie for a key: staff, courier and customer cookies alone get 401 api_key_required', async () => {
    const cookies = { staff: await staff(t), ...(await outsiders(t)) };
    for (const [who, cookie] of Object.entries(cookies)) {
      if (!cookie) continue;
      const reads: RequestInit = { headers: { cookie } };
      const writes: RequestInit = { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'idempotency-key': 'x' }, body: '{}' };
      for (const init of [reads, writes]) {
        const res = await t.app.request('/api/shop/whoami', init);
        expect(res.status, who).toBe(401);
        expect(await res.json(), who).toMatchObject({ error: { code: 'api_key_required' } });
      }
    }
  });

  it('guards every path under /api/shop, known or not', async () => {
    expect((await t.app.request('/api/shop/orders')).status).toBe(401);
    expect((await t.app.request('/api/shop/orders', { headers: auth() })).status).toBe(404);
  });
});

describe('Idempotency-Key on the real /api/shop', () => {
  it('is required on every POST, and not on a GET', async () => {
    const post = (headers: Record<string, string>) => t.app.request('/api/shop/whoami', { method: 'POST', headers: { ...auth(), 'content-type': 'application/json', ...headers }, body: '{}' });
    const missing = await post({});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: 'idempotency_key_required' } });

    // An answer (here: no such endpoint) is kept and given again to the retry.
    const first = await post({ 'idempotency-key': 'k1' });
    expect(first.status).toBe(404);
    const again = await post({ 'idempotency-key': 'k1' });
    expect(again.status).toBe(404);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());

    expect((await t.app.request('/api/shop/whoami', { headers: auth() })).status).toBe(200);
    expect(await rows()).toHaveLength(1);
  });
});

describe('idempotentPosts', () => {
  it('runs the first request, keeps its answer, and replays it to a retry with the same body', async () => {
    const h = harness();
    const first = await h.post('/api/shop/echo', order);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const body = await first.json();
    expect(body).toEqual({ run: 1, received: order, key: 'ERP' });

    t.setNow(t.now() + 3_600_000);
    const retry = await h.post('/api/shop/echo', order);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await retry.json()).toEqual(body);
    expect(h.runs.echo).toBe(1);

    expect(await rows()).toEqual([
      expect.objectContaining({ idempotency_key: 'order-1', request_method: 'POST', request_path: '/api/shop/echo', state: 'done', response_status: 201, response_body: JSON.stringify(body), completed_at: t.now() - 3_600_000 }),
    ]);
  });

  it('answers 422 idempotency_key_reused to the same key with another body or path, running nothing', async () => {
    const h = harness();
    expect((await h.post('/api/shop/echo', order)).status).toBe(201);
    for (const [path, body] of [['/api/shop/echo', { ...order, quantity: 3 }], ['/api/shop/echo', JSON.stringify(order, null, 2)], ['/api/shop/echo?dry=1', order], ['/api/shop/refuse', order]] as const) {
      const res = await h.post(path, body);
      expect(res.status, `${path} ${String(body)}`).toBe(422);
      expect(await res.json()).toMatchObject({ error: { code: 'idempotency_key_reused' } });
    }
    expect(h.runs).toEqual({ echo: 1, fail: 0, refuse: 0 });
  });

  it('answers 409 idempotency_key_in_flight while the first request still runs, then replays its answer', async () => {
    const h = harness();
    const running = h.hold();
    const first = h.post('/api/shop/echo', order);
    await running;

    const meanwhile = await h.post('/api/shop/echo', order);
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.headers.get('retry-after')).toBe('1');
    expect(await meanwhile.json()).toMatchObject({ error: { code: 'idempotency_key_in_flight' } });
    expect((await rows())[0]!.state).toBe('in_flight');

    h.release();
    expect((await first).status).toBe(201);
    const retry = await h.post('/api/shop/echo', order);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(h.runs.echo).toBe(1);
  });

  it('runs exactly one of two identical first requests sent at once', async () => {
    const h = harness();
    const running = h.hold();
    const sent = [h.post('/api/shop/echo', order), h.post('/api/shop/echo', order)];
    await running;
    // The one that runs is held, so the first to answer is the other: told the key is busy.
    expect((await Promise.race(sent)).status).toBe(409);
    h.release();
    const answers = await Promise.all(sent);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(h.runs.echo).toBe(1);
    expect(await rows()).toHaveLength(1);
  });

  it.each([
    ['missing', null, 'idempotency_key_required'],
    ['empty', '', 'idempotency_key_invalid'],
    ['an empty quoted string', '""', 'idempotency_key_invalid'],
    ['256 characters long', 'k'.repeat(256), 'idempotency_key_invalid'],
  ])('answers 400 when the key is %s, running and storing nothing', async (_name, idempotencyKey, code) => {
    const h = harness();
    const res = await h.post('/api/shop/echo', order, idempotencyKey);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code } });
    expect(h.runs.echo).toBe(0);
    expect(await rows()).toEqual([]);
  });

  it('takes a key of 255 characters, and the draft\'s quoted form as the same key as the bare one', async () => {
    const h = harness();
    expect((await h.post('/api/shop/echo', order, 'k'.repeat(255))).status).toBe(201);
    expect((await h.post('/api/shop/echo', order, '"abc-1"')).status).toBe(201);
    const bare = await h.post('/api/shop/echo', order, 'abc-1');
    expect(bare.headers.get('idempotent-replayed')).toBe('true');
    expect(h.runs.echo).toBe(2);
  });

  it('keeps no answer of ours that failed (thrown or 5xx), so the retry runs for real', async () => {
    const h = harness();
    const failed = await h.post('/api/shop/fail', order);
    expect(failed.status).toBe(500);
    expect(await rows()).toEqual([]);

    h.stopFailing();
    const retry = await h.post('/api/shop/fail', order);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(h.runs.fail).toBe(2);

    expect((await h.post('/api/shop/unavailable', order, 'other')).status).toBe(503);
    expect((await rows()).map((r) => r.idempotency_key)).toEqual(['order-1']);
  });

  it('keeps a refusal (4xx), from the handler or from validating the body, as the answer', async () => {
    const h = harness();
    const refused = await h.post('/api/shop/refuse', order, 'r');
    expect(refused.status).toBe(409);
    const replayed = await h.post('/api/shop/refuse', order, 'r');
    expect(replayed.status).toBe(409);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(await replayed.json()).toEqual(await refused.json());
    expect(h.runs.refuse).toBe(1);

    const invalid = { sku: 'TEA-01', quantity: 0 };
    expect((await h.post('/api/shop/echo', invalid, 'v')).status).toBe(400);
    const again = await h.post('/api/shop/echo', invalid, 'v');
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(h.runs.echo).toBe(0);
  });

  it('scopes keys to the API key: two shops may use the same Idempotency-Key', async () => {
    const h = harness();
    const other = (await createApiKey(t.db, { name: '小程序' }, { staffId: null, at: t.now() })).key;
    expect(await (await h.post('/api/shop/echo', order)).json()).toMatchObject({ key: 'ERP', run: 1 });
    expect(await (await h.post('/api/shop/echo', order, 'order-1', auth(other))).json()).toMatchObject({ key: '小程序', run: 2 });
  });

  it('leaves other methods alone', async () => {
    const h = harness();
    expect((await h.get('/api/shop/read')).status).toBe(200);
    expect(await rows()).toEqual([]);
  });

  it('forgets keys after 24 hours: the cleanup deletes them, and an old key runs again even before it has', async () => {
    const h = harness();
    const start = t.now();
    expect((await h.post('/api/shop/echo', order, 'old')).status).toBe(201);
    t.setNow(start + 60_000);
    expect((await h.post('/api/shop/echo', order, 'newer')).status).toBe(201);

    t.setNow(start + IDEMPOTENCY_KEY_RETENTION_MS);
    expect(await deleteExpiredIdempotencyKeys(t.db, t.now())).toBe(0);
    t.setNow(start + IDEMPOTENCY_KEY_RETENTION_MS + 1);
    expect(await deleteExpiredIdempotencyKeys(t.db, t.now())).toBe(1);
    expect((await rows()).map((r) => r.idempotency_key)).toEqual(['newer']);

    t.setNow(start + 60_000 + IDEMPOTENCY_KEY_RETENTION_MS + 1);
    const rerun = await h.post('/api/shop/echo', order, 'newer');
    expect(rerun.headers.get('idempotent-replayed')).toBeNull();
    expect(h.runs.echo).toBe(3);
  });
});
