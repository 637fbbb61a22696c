import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsHistory, SettingsUpdateRequest, SettingsView } from '../../shared/api/ops-desk';
import type { ReturnOptions } from '../../shared/api/return-views';
import type { CourierManifest } from '../../shared/courier/manifest';
import { DEFAULT_RETURN_POLICY } from '../../shared/returns/return-policy';
import { createStaff } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { deliveredParcel } from '../support/return-fixtures';
import { createTestApp } from '../support/test-app';
import { get, outsiders, send, type TestApp } from './ops-desk-fixtures';

let t: TestApp;
let cookie: string;

const DEFAULT_PROOF = { photo: true, recipientName: true, signature: false };
const valid = (): SettingsUpdateRequest => ({
  returnPolicy: {
    noReasonDays: 10,
    qualityDays: 30,
    shopExclusions: [{ category: 'beauty', when: 'unsealed' }],
    returnShippingFeeFen: 800,
    autoApproveLimitFen: 20_000,
  },
  proofOfDelivery: { photo: true, recipientName: true, signature: true },
});
const put = (body: unknown, who = cookie) => send(t, 'PUT', '/api/ops/settings', body, who);
const settings = async () => (await (await get(t, '/api/ops/settings', cookie)).json()) as SettingsView;
const history = async (query = '') => (await (await get(t, `/api/ops/settings/history${query}`, cookie)).json()) as SettingsHistory;
const stored = () => t.db.selectFrom('settings').selectAll().orderBy('key').execute();

beforeEach(async () => {
  t = await createTestApp();
  const s = await createStaff(t.db);
  await t.db.updateTable('staff').set({ name: '运营 孙' }).where('id', '=', s.id).execute();
  cookie = await signIn(t, s.email);
});
afterEach(() => t.dispose());

describe('GET /api/ops/settings', () => {
  it('shows the defaults before anyone changed anything', async () => {
    const res = await get(t, '/api/ops/settings', cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ returnPolicy: DEFAULT_RETURN_POLICY, proofOfDelivery: DEFAULT_PROOF, updatedAt: null, updatedBy: null });
  });
});

describe('PUT /api/ops/settings', () => {
  it('saves, records who and when, and applies at once to returns and couriers', async () => {
    const { parcel, courier, customer } = await deliveredParcel(t);
    const res = await put(valid());
    expect(res.status).toBe(200);
    const view = (await res.json()) as SettingsView;
    expect(view).toEqual({ ...valid(), updatedAt: t.now(), updatedBy: '运营 孙' });
    expect(await settings()).toEqual(view);

    // Newest first; one save changed both, recorded in the order saved (the later row first).
    expect((await history()).changes).toEqual([
      { key: 'proof_of_delivery', value: valid().proofOfDelivery, changedBy: '运营 孙', changedAt: t.now() },
      { key: 'return_policy', value: valid().returnPolicy, changedBy: '运营 孙', changedAt: t.now() },
    ]);

    // No restart: the next customer request and the next manifest read the new values.
    const options = (await (await get(t, `/api/returns/options?trackingNo=${parcel.trackingNo}`, customer)).json()) as ReturnOptions;
    expect(options.policy).toMatchObject({ noReasonDays: 10, qualityDays: 30, returnShippingFeeFen: 800 });
    const manifest = (await (await get(t, '/api/courier/manifest', await signIn(t, courier.phone))).json()) as CourierManifest;
    expect(manifest.proofRequirements).toEqual({ photo: true, recipientName: true, signature: true });
  });

  it('records only what changed, and nothing when nothing did', async () => {
    expect((await put(valid())).status).toBe(200);
    t.setNow(t.now() + 60_000);
    expect((await put(valid())).status).toBe(200);
    expect((await history()).changes).toHaveLength(2);

    t.setNow(t.now() + 60_000);
    const cheaper = valid();
    cheaper.returnPolicy.returnShippingFeeFen = 0;
    expect((await put(cheaper)).status).toBe(200);
    const changes = (await history()).changes;
    expect(changes.map((c) => [c.key, c.changedAt])).toEqual([
      ['return_policy', t.now()],
      ['proof_of_delivery', t.now() - 120_000],
      ['return_policy', t.now() - 120_000],
    ]);
    expect(changes[0]!.value).toMatchObject({ returnShippingFeeFen: 0 });
    expect((await history('?key=proof_of_delivery')).changes).toHaveLength(1);
    expect((await history('?limit=1')).changes).toHaveLength(1);
    expect(await settings()).toMatchObject({ updatedAt: t.now(), returnPolicy: { returnShippingFeeFen: 0 }, proofOfDelivery: { signature: true } });
  });

  const withPolicy = (over: Record<string, unknown>) => ({ ...valid(), returnPolicy: { ...valid().returnPolicy, ...over } });
  it.each([
    ['a no-reason window under the statutory 7 days', withPolicy({ noReasonDays: 6 })],
    ['a no-reason window of 91 days', withPolicy({ noReasonDays: 91 })],
    ['a fractional number of days', withPolicy({ noReasonDays: 7.5 })],
    ['days as text', withPolicy({ noReasonDays: '10' })],
    ['a quality window shorter than the no-reason one', withPolicy({ noReasonDays: 15, qualityDays: 10 })],
    ['a negative return-shipping fee', withPolicy({ returnShippingFeeFen: -1 })],
    ['a return-shipping fee over ¥200', withPolicy({ returnShippingFeeFen: 20_001 })],
    ['an auto-approve limit over ¥100,000', withPolicy({ autoApproveLimitFen: 10_000_001 })],
    ['an unknown category', withPolicy({ shopExclusions: [{ category: 'spaceships', when: 'always' }] })],
    ['a category excluded twice', withPolicy({ shopExclusions: [{ category: 'beauty', when: 'always' }, { category: 'beauty', when: 'unsealed' }] })],
    ['an unknown exclusion rule', withPolicy({ shopExclusions: [{ category: 'beauty', when: 'sometimes' }] })],
    ['an unknown policy field', withPolicy({ freeReturns: true })],
    ['a missing policy field', { ...valid(), returnPolicy: { ...valid().returnPolicy, autoApproveLimitFen: undefined } }],
    ['proof requirements as text', { ...valid(), proofOfDelivery: { photo: 'yes', recipientName: true, signature: false } }],
    ['no proof requirements', { returnPolicy: valid().returnPolicy }],
    ['an unknown top-level field', { ...valid(), theme: 'dark' }],
  ])('refuses %s with 400 and changes nothing', async (_name, body) => {
    const res = await put(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_request', message: expect.any(String) } });
    expect(await stored()).toEqual([]);
    expect((await history()).changes).toEqual([]);
  });

  it('keeps the old values when a later change is refused', async () => {
    expect((await put(valid())).status).toBe(200);
    const before = await stored();
    expect((await put(withPolicy({ noReasonDays: 3 }))).status).toBe(400);
    expect(await stored()).toEqual(before);
    expect((await history()).changes).toHaveLength(2);
  });

  it('refuses a body that is not JSON (415) or broken JSON (400)', async () => {
    const plain = await t.app.request('/api/ops/settings', { method: 'PUT', headers: { cookie, 'content-type': 'text/plain' }, body: '{}' });
    expect(plain.status).toBe(415);
    expect((await put('{"returnPolicy":')).status).toBe(400);
    expect(await stored()).toEqual([]);
  });
});

describe('GET /api/ops/settings/history', () => {
  it.each([['?limit=0'], ['?limit=201'], ['?key=theme'], ['?since=1']])('refuses %s with 400', async (query) => {
    const res = await get(t, `/api/ops/settings/history${query}`, cookie);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_query' } });
  });
});

describe('who may use the settings', () => {
  it('is staff only, for reading, changing and the history', async () => {
    const other = await createStaff(t.db); // exists, but the outsiders below are not signed in as staff
    expect(other.id).toBeGreaterThan(0);
    for (const [who, c] of Object.entries(await outsiders(t))) {
      expect([401, 403], who).toContain((await get(t, '/api/ops/settings', c)).status);
      expect([401, 403], who).toContain((await put(valid(), c)).status);
      expect([401, 403], who).toContain((await get(t, '/api/ops/settings/history', c)).status);
    }
    expect(await stored()).toEqual([]);
  });
});
