import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createParcel, type ParcelFixture } from '../support/factories';
import { createTestApp, jsonHeaders } from '../support/test-app';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';
import type { VerifiedTrackingDetails } from '../../shared/api/tracking-view';

let t: Awaited<ReturnType<typeof createTestApp>>;
let parcel: ParcelFixture;

const verify = (trackingNo: string, body: unknown, headers: Record<string, string> = jsonHeaders) =>
  t.app.request(`/api/track/${trackingNo}/verify`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const cookieFrom = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';
const attemptCount = async () =>
  Number((await t.db.selectFrom('verify_attempts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const sessionCount = async () =>
  Number((await t.db.selectFrom('customer_sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeEach(async () => {
  t = await createTestApp();
  parcel = await createParcel(t.db, {
    phone: '13912345678',
    status: 'Delivered',
    deliveredAt: Date.UTC(2026, 10, 20, 6, 0, 0),
    events: [
      { status: 'InTransit', occurredAt: Date.UTC(2026, 10, 19, 2, 0, 0) },
      { status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 20, 1, 0, 0), city: '深圳市' },
      { status: 'Delivered', subStatus: 'Delivered_002', occurredAt: Date.UTC(2026, 10, 20, 6, 0, 0), city: '深圳市', recipientName: '王小明' },
    ],
  });
});
afterEach(() => t.dispose());

describe('POST /api/track/:trackingNo/verify', () => {
  it('gives a verified session for the right digits and shows items, masked address and the proof as recorded', async () => {
    const res = await verify(parcel.trackingNo, { phoneLast4: '5678' });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^ds_parcel_${parcel.trackingNo}=[A-Za-z0-9_-]{22};`));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\/api/);

    const body = await res.json();
    expect(body.verified).toBe(true);
    const details = body.details as VerifiedTrackingDetails;
    expect(details.items.map((i) => [i.name, i.quantity])).toEqual([
      ['纯棉T恤 白色 L', 2],
      ['无线蓝牙耳机', 1],
    ]);
    expect(details.recipient).toEqual({ name: '王**', phone: '139****5678' });
    expect(details.address).toEqual({ province: '广东省', city: '深圳市', district: '南山区', street: '科技园南路****' });
    expect(details.proof).toEqual({ deliveredAt: Date.UTC(2026, 10, 20, 6, 0, 0), signedBy: '王小明', receiverRole: null, photoUrl: null, signatureUrl: null });

    // The token is stored hashed, never as sent.
    const token = cookieFrom(res).split('=')[1]!;
    const rows = await t.db.selectFrom('customer_sessions').select('token_hash').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets the session read the details later, and only for that parcel', async () => {
    const other = await createParcel(t.db, { phone: '13700001111' });
    const cookie = cookieFrom(await verify(parcel.trackingNo, { phoneLast4: '5678' }));

    const mine = await t.app.request(`/api/track/${parcel.trackingNo}/details`, { headers: { cookie } });
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as VerifiedTrackingDetails).orderNo).toMatch(/^OD/);

    const none = await t.app.request(`/api/track/${parcel.trackingNo}/details`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'verification_required' } });

    // The same token presented for another order's parcel opens nothing.
    const token = cookie.split('=')[1];
    const stolen = await t.app.request(`/api/track/${other.trackingNo}/details`, {
      headers: { cookie: `ds_parcel_${other.trackingNo}=${token}` },
    });
    expect(stolen.status).toBe(403);
    expect(await stolen.json()).toMatchObject({ error: { code: 'not_your_parcel' } });
  });

  it('expires the session after a week', async () => {
    const cookie = cookieFrom(await verify(parcel.trackingNo, { phoneLast4: '5678' }));
    t.setNow(t.now() + 7 * 24 * 3600_000 + 1);
    const res = await t.app.request(`/api/track/${parcel.trackingNo}/details`, { headers: { cookie } });
    expect(res.status).toBe(401);
  });

  it('refuses wrong digits with 403 and no session', async () => {
    const res = await verify(parcel.trackingNo, { phoneLast4: '5679' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'verification_failed' } });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await sessionCount()).toBe(0);
  });

  it('answers 429 after 5 wrong tries on a parcel from one address within 15 minutes, even for the right digits, then lets go', async () => {
    for (let i = 0; i < 5; i++) expect((await verify(parcel.trackingNo, { phoneLast4: `000${i}` })).status).toBe(403);
    const limited = await verify(parcel.trackingNo, { phoneLast4: '5678' });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: { code: 'too_many_attempts', message: 'Too many wrong tries from this device; try again in 15 minutes' } });
    expect(limited.headers.get('retry-after')).toBe('900');

    t.setNow(t.now() + 15 * 60_000 + 1);
    expect((await verify(parcel.trackingNo, { phoneLast4: '5678' })).status).toBe(200);
  });

  it('lets the customer in from their own phone while a stranger who guessed wrong is refused at theirs', async () => {
    const stranger = { ...jsonHeaders, 'x-forwarded-for': '198.51.100.66' };
    for (let i = 0; i < 5; i++) expect((await verify(parcel.trackingNo, { phoneLast4: `000${i}` }, stranger)).status).toBe(403);
    expect((await verify(parcel.trackingNo, { phoneLast4: '0005' }, stranger)).status).toBe(429);
    const customer = await verify(parcel.trackingNo, { phoneLast4: '5678' });
    expect(customer.status).toBe(200);
  });

  it('slows a parcel guessed at from many addresses to one try per 10 minutes, and the customer still gets in', async () => {
    const from = (n: number) => ({ ...jsonHeaders, 'x-forwarded-for': `198.51.${Math.floor(n / 250)}.${n % 250}` });
    for (let i = 0; i < 10; i++) expect((await verify(parcel.trackingNo, { phoneLast4: String(1000 + i) }, from(i))).status).toBe(403);
    // The 11th wrong try makes the parcel slowed; it takes the first turn.
    expect((await verify(parcel.trackingNo, { phoneLast4: '1010' }, from(10))).status).toBe(403);

    const slowed = await verify(parcel.trackingNo, { phoneLast4: '1011' }, from(11));
    expect(slowed.status).toBe(429);
    expect(slowed.headers.get('retry-after')).toBe('600');
    expect(await slowed.json()).toEqual({
      error: { code: 'slowed_down', message: 'Many wrong tries for this parcel came from elsewhere, so it takes one try at a time; try again in 10 minutes' },
    });

    const early = await verify(parcel.trackingNo, { phoneLast4: '5678' });
    expect(early.status).toBe(429);
    t.setNow(t.now() + Number(early.headers.get('retry-after')) * 1000);
    expect((await verify(parcel.trackingNo, { phoneLast4: '5678' })).status).toBe(200);

    // A stranger with a fresh address every minute for 6 hours gets one guess per 10 minutes: 36 of 10,000.
    let checked = 0;
    for (let i = 0; i < 6 * 60; i++) {
      t.setNow(t.now() + 60_000);
      const res = await verify(parcel.trackingNo, { phoneLast4: String(2000 + i) }, from(100 + i));
      if (res.status === 403) checked++;
      else expect(res.status).toBe(429);
    }
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual((6 * 60) / 10 + 1);
  });

  it('keeps no customer out with a flood of parallel wrong tries from one address', async () => {
    const stranger = { ...jsonHeaders, 'x-forwarded-for': '198.51.100.66' };
    const customer = { ...jsonHeaders, 'x-forwarded-for': '203.0.113.9' };
    const answers = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => verify(parcel.trackingNo, { phoneLast4: String(2000 + i) }, stranger)),
      verify(parcel.trackingNo, { phoneLast4: '5678' }, customer),
    ]);
    expect(answers.at(-1)!.status).toBe(200);
    // The flood got its own few guesses checked, no more.
    expect(answers.slice(0, -1).filter((r) => r.status === 403).length).toBeLessThanOrEqual(5);
  });

  it('lets the customer’s own phone, verified there before, straight in while strangers hold every turn', async () => {
    const deviceCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('ds_device='))!.split(';')[0]!;
    const first = await verify(parcel.trackingNo, { phoneLast4: '5678' });
    expect(first.status).toBe(200);
    const device = deviceCookie(first);
    const from = (n: number) => ({ ...jsonHeaders, 'x-forwarded-for': `198.51.100.${n}` });
    // Strangers: the parcel is slowed and its turn is taken.
    for (let i = 0; i < 11; i++) await verify(parcel.trackingNo, { phoneLast4: String(1000 + i) }, from(i));
    expect((await verify(parcel.trackingNo, { phoneLast4: '1011' }, from(11))).status).toBe(429);
    // Another phone with the right digits waits for a turn; the phone that verified before does not.
    const newPhone = await verify(parcel.trackingNo, { phoneLast4: '5678' }, { ...jsonHeaders, 'x-forwarded-for': '203.0.113.20' });
    expect(newPhone.status).toBe(429);
    expect((await newPhone.json()).error.code).toBe('slowed_down');
    const ownPhone = await verify(parcel.trackingNo, { phoneLast4: '5678' }, { ...jsonHeaders, 'x-forwarded-for': '203.0.113.21', cookie: device });
    expect(ownPhone.status).toBe(200);
    // A made-up device cookie is no key.
    const forged = await verify(parcel.trackingNo, { phoneLast4: '5678' }, { ...jsonHeaders, 'x-forwarded-for': '203.0.113.22', cookie: 'ds_device=AAAAAAAAAAAAAAAAAAAAAA' });
    expect(forged.status).toBe(429);
  });

  it('lets at most one of a parallel burst from many addresses through to a slowed parcel', async () => {
    const from = (n: number) => ({ ...jsonHeaders, 'x-forwarded-for': `198.51.100.${n}` });
    for (let i = 0; i < 10; i++) await verify(parcel.trackingNo, { phoneLast4: String(1000 + i) }, from(i));
    t.setNow(t.now() + 600_000);
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => verify(parcel.trackingNo, { phoneLast4: String(3000 + i) }, from(50 + i))));
    expect(burst.filter((r) => r.status === 403).length).toBeLessThanOrEqual(1);
    expect(burst.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(11);
  });

  it('lets no more than 5 of a burst of parallel guesses through to a check', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => verify(parcel.trackingNo, { phoneLast4: String(1000 + i) })));
    expect(burst.filter((r) => r.status === 403).length).toBeLessThanOrEqual(5);
    expect(burst.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(7);
  });

  it('answers 429 to a client address that guesses across many parcels', async () => {
    const parcels = await Promise.all(Array.from({ length: 5 }, () => createParcel(t.db)));
    let guesses = 0;
    for (const p of parcels) {
      for (let i = 0; i < 4; i++, guesses++) await verify(p.trackingNo, { phoneLast4: '0000' });
    }
    expect(guesses).toBe(20);
    const res = await verify(parcel.trackingNo, { phoneLast4: '5678' });
    expect(res.status).toBe(429);
    // Another address is unaffected.
    const other = await verify(parcel.trackingNo, { phoneLast4: '5678' }, { ...jsonHeaders, 'x-forwarded-for': '198.51.100.9' });
    expect(other.status).toBe(200);
  });

  describe('bad input gets a 4xx with the error shape and changes nothing', () => {
    it.each([
      ['malformed JSON', '{"phoneLast4": "56', 400, 'malformed_json'],
      ['a number instead of a string', { phoneLast4: 5678 }, 400, 'invalid_request'],
      ['three digits', { phoneLast4: '567' }, 400, 'invalid_request'],
      ['letters', { phoneLast4: 'abcd' }, 400, 'invalid_request'],
      ['a missing field', {}, 400, 'invalid_request'],
      ['an extra field', { phoneLast4: '5678', admin: true }, 400, 'invalid_request'],
      ['an array', [{ phoneLast4: '5678' }], 400, 'invalid_request'],
      ['null', 'null', 400, 'invalid_request'],
      ['a huge string', { phoneLast4: '5'.repeat(10_000) }, 400, 'invalid_request'],
      ['a huge body', { phoneLast4: '5678', pad: 'x'.repeat(200_000) }, 413, 'payload_too_large'],
    ])('%s', async (_name, body, status, code) => {
      const res = await verify(parcel.trackingNo, body);
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
      expect(await attemptCount()).toBe(0);
      expect(await sessionCount()).toBe(0);
    });

    it('a wrong content type is 415', async () => {
      const res = await verify(parcel.trackingNo, 'phoneLast4=5678', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
      expect(await sessionCount()).toBe(0);
    });

    it('a malformed tracking number is 400, an unknown one 404', async () => {
      expect((await verify('DS12345', { phoneLast4: '5678' })).status).toBe(400);
      expect((await verify(makeTrackingNo(55_555_555), { phoneLast4: '5678' })).status).toBe(404);
      expect(await attemptCount()).toBe(0);
    });
  });
});
