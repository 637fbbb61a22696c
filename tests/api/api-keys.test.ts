import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKeyList, ApiKeyView, CreatedApiKey } from '../../shared/api/api-keys';
import { createStaff } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { createTestApp } from '../support/test-app';
import { get, outsiders, send, type TestApp } from './ops-desk-fixtures';

let t: TestApp;
let cookie: string;

const create = (body: unknown, who = cookie) => send(t, 'POST', '/api/ops/api-keys', body, who);
const revoke = (id: number | string, who = cookie) => t.app.request(`/api/ops/api-keys/${id}/revoke`, { method: 'POST', headers: { cookie: who } });
const list = async () => (await (await get(t, '/api/ops/api-keys', cookie)).json()) as ApiKeyList;
const stored = () => t.db.selectFrom('api_keys').selectAll().orderBy('id').execute();
const whoami = (key: string) => t.app.request('/api/shop/whoami', { headers: { authorization: `Bearer ${key}` } });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function made(name = 'ERP'): Promise<CreatedApiKey> {
  const res = await create({ name });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedApiKey;
}

beforeEach(async () => {
  t = await createTestApp();
  const s = await createStaff(t.db);
  await t.db.updateTable('staff').set({ name: '运营 孙' }).where('id', '=', s.id).execute();
  cookie = await signIn(t, s.email);
});
afterEach(() => t.dispose());

describe('POST /api/ops/api-keys', () => {
  it('makes a key, shows it once, and stores only its hash and first characters', async () => {
    const created = await made('  小程序  ');
    expect(created).toEqual({ id: expect.any(Number), name: '小程序', key: expect.stringMatching(/^dsk_live_[0-9A-Za-z]{32}$/), prefix: created.key.slice(0, 13), scopes: ['shop'], createdAt: t.now() });

    const [row] = await stored();
    expect(row).toMatchObject({ name: '小程序', key_prefix: created.prefix, key_hash: sha256(created.key), scopes: '["shop"]', created_at: t.now(), revoked_at: null, last_used_at: null });
    expect(JSON.stringify(row)).not.toContain(created.key);

    // Never again: not in the list, not in a revoke's answer.
    const listed = JSON.stringify(await list());
    expect(listed).not.toContain(created.key);
    expect(listed).not.toContain(row!.key_hash);
    expect(JSON.stringify(await (await revoke(created.id)).json())).not.toContain(created.key);
  });

  it('makes a different key every time, even under the same name', async () => {
    const a = await made('ERP');
    const b = await made('ERP');
    expect(a.key).not.toBe(b.key);
    expect(a.id).not.toBe(b.id);
    expect((await list()).keys).toHaveLength(2);
  });

  it('takes a name of 60 characters and an explicit scope list', async () => {
    const res = await create({ name: '店'.repeat(60), scopes: ['shop'] });
    expect(res.status).toBe(201);
    expect(((await res.json()) as CreatedApiKey).name).toBe('店'.repeat(60));
  });

  it.each([
    ['an empty name', { name: '' }],
    ['a name of spaces', { name: '   ' }],
    ['a name of 61 characters', { name: 'x'.repeat(61) }],
    ['a name with a control character', { name: 'ERP\u0007' }],
    ['a name as a number', { name: 42 }],
    ['no name', {}],
    ['an unknown scope', { name: 'ERP', scopes: ['admin'] }],
    ['no scope', { name: 'ERP', scopes: [] }],
    ['an unknown field', { name: 'ERP', key: 'dsk_live_mine' }],
    ['broken JSON', '{"name":'],
  ])('refuses %s with 400 and makes nothing', async (_name, body) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: expect.stringMatching(/^(invalid_request|malformed_json)$/) } });
    expect(await stored()).toEqual([]);
  });

  it('refuses a body that is not JSON (415)', async () => {
    const res = await t.app.request('/api/ops/api-keys', { method: 'POST', headers: { cookie, 'content-type': 'text/plain' }, body: '{"name":"ERP"}' });
    expect(res.status).toBe(415);
    expect(await stored()).toEqual([]);
  });
});

describe('GET /api/ops/api-keys', () => {
  it('lists keys newest first, with who made them and when each was last used', async () => {
    expect(await list()).toEqual({ keys: [] });
    const erp = await made('ERP');
    t.setNow(t.now() + 60_000);
    const shop = await made('小程序');
    expect((await list()).keys).toEqual<ApiKeyView[]>([
      { id: shop.id, name: '小程序', prefix: shop.prefix, scopes: ['shop'], createdAt: t.now(), createdBy: '运营 孙', lastUsedAt: null, revokedAt: null },
      { id: erp.id, name: 'ERP', prefix: erp.prefix, scopes: ['shop'], createdAt: t.now() - 60_000, createdBy: '运营 孙', lastUsedAt: null, revokedAt: null },
    ]);
  });

  it('notes a use at most once a minute', async () => {
    const key = await made();
    const lastUsed = async () => (await list()).keys[0]!.lastUsedAt;
    const used = t.now();
    expect((await whoami(key.key)).status).toBe(200);
    expect(await lastUsed()).toBe(used);

    t.setNow(used + 59_000);
    expect((await whoami(key.key)).status).toBe(200);
    expect(await lastUsed()).toBe(used);

    t.setNow(used + 60_000);
    expect((await whoami(key.key)).status).toBe(200);
    expect(await lastUsed()).toBe(used + 60_000);
  });
});

describe('POST /api/ops/api-keys/:id/revoke', () => {
  it('revokes at once, and a second revoke keeps the first time', async () => {
    const key = await made();
    expect((await whoami(key.key)).status).toBe(200);
    const firstTime = t.now();
    const res = await revoke(key.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: key.id, name: 'ERP', prefix: key.prefix, scopes: ['shop'], createdAt: firstTime, createdBy: '运营 孙', lastUsedAt: firstTime, revokedAt: firstTime });

    const refused = await whoami(key.key);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'api_key_invalid' } });

    t.setNow(firstTime + 3_600_000);
    const again = await revoke(key.id);
    expect(again.status).toBe(200);
    expect(((await again.json()) as ApiKeyView).revokedAt).toBe(firstTime);
    expect((await list()).keys[0]!.revokedAt).toBe(firstTime);
  });

  it('revokes only the key named', async () => {
    const a = await made('A');
    const b = await made('B');
    expect((await revoke(a.id)).status).toBe(200);
    expect((await whoami(b.key)).status).toBe(200);
    expect((await stored()).map((r) => r.revoked_at)).toEqual([t.now(), null]);
  });

  it.each([['an id never made', '999'], ['a path that is not an id', 'abc'], ['a zero', '0']])('answers 404 api_key_not_found for %s', async (_name, id) => {
    await made();
    const res = await revoke(id);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'api_key_not_found' } });
    expect((await stored())[0]!.revoked_at).toBeNull();
  });
});

describe('who may manage API keys', () => {
  it('is staff only: couriers, customers and nobody are refused and change nothing', async () => {
    const key = await made();
    for (const [who, c] of Object.entries(await outsiders(t))) {
      expect([401, 403], who).toContain((await get(t, '/api/ops/api-keys', c)).status);
      expect([401, 403], who).toContain((await create({ name: 'Mine' }, c)).status);
      expect([401, 403], who).toContain((await revoke(key.id, c)).status);
    }
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revoked_at).toBeNull();
  });

  it('is not open to a shop API key either', async () => {
    const key = await made();
    const res = await t.app.request('/api/ops/api-keys', { headers: { authorization: `Bearer ${key.key}` } });
    expect(res.status).toBe(401);
  });
});
