import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCourier, createStaff, TEST_PASSWORD } from '../support/accounts';
import { createTestApp, jsonHeaders } from '../support/test-app';
import { recordLoginAttempt } from '../../server/domain/auth/login-attempt-repository';

let t: Awaited<ReturnType<typeof createTestApp>>;
let courier: Awaited<ReturnType<typeof createCourier>>;

beforeEach(async () => {
  t = await createTestApp();
  courier = await createCourier(t.db, { phone: '13700001234' });
});
afterEach(() => t.dispose());

const login = (body: unknown, headers: Record<string, string> = jsonHeaders) =>
  t.app.request('/api/auth/login', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';
const sessionCount = async () => Number((await t.db.selectFrom('user_sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('POST /api/auth/login', () => {
  it('signs a courier in by phone, with a 128-bit token in an HttpOnly SameSite=Lax cookie stored hashed', async () => {
    const res = await login({ login: '137 0000 1234', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ role: 'courier', id: courier.id, login: '13700001234' });
    expect(body.user.expiresAt - t.now()).toBe(14 * 24 * 3600_000);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^ds_session=[A-Za-z0-9_-]{22};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const token = cookieOf(res).split('=')[1]!;
    const row = await t.db.selectFrom('user_sessions').selectAll().executeTakeFirstOrThrow();
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(token);
  });

  it('signs staff in by email, case-insensitively', async () => {
    const staff = await createStaff(t.db, 'zhou@doorstep.test');
    const res = await login({ login: 'Zhou@Doorstep.test', password: staff.password });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ role: 'staff', id: staff.id });
  });

  it.each([
    ['a wrong password', { login: '13700001234', password: 'nope' }],
    ['an unknown phone', { login: '13999999999', password: TEST_PASSWORD }],
    ['an unknown email', { login: 'nobody@doorstep.test', password: TEST_PASSWORD }],
  ])('refuses %s with the same 401', async (_name, body) => {
    const res = await login(body);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await sessionCount()).toBe(0);
  });

  it('answers 429 after 5 failed sign-ins to one account from one address within 15 minutes, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login({ login: '13700001234', password: `wrong${i}` })).status).toBe(401);
    const res = await login({ login: '13700001234', password: TEST_PASSWORD });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('900');
    expect(await res.json()).toEqual({ error: { code: 'too_many_attempts', message: 'Too many wrong tries from this device; try again in 15 minutes' } });
    t.setNow(t.now() + 15 * 60_000 + 1);
    expect((await login({ login: '13700001234', password: TEST_PASSWORD })).status).toBe(200);
  });

  it('counts every spelling of a phone number against the same account', async () => {
    const spellings = ['137 0000 1234', '137-0000-1234', '+8613700001234', '+86 137-0000-1234', '8613700001234'];
    for (const spelling of spellings) expect((await login({ login: spelling, password: 'wrong' })).status).toBe(401);
    expect((await login({ login: '13700001234', password: TEST_PASSWORD })).status).toBe(429);
  });

  it('counts parallel guesses before checking them, so a burst cannot slip under the limit', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => login({ login: '13700001234', password: `guess${i}` })));
    expect(burst.filter((r) => r.status === 401).length).toBeLessThanOrEqual(5);
    expect(burst.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(7);
  });

  it('takes the client address from the proxy’s own (rightmost) X-Forwarded-For entry', async () => {
    for (let i = 0; i < 20; i++) {
      await login({ login: `1390000${String(i).padStart(4, '0')}`, password: 'x' }, { ...jsonHeaders, 'x-forwarded-for': `10.0.0.${i}, 198.51.100.77` });
    }
    // A made-up left-hand entry does not buy a fresh address.
    const res = await login({ login: '13700001234', password: TEST_PASSWORD }, { ...jsonHeaders, 'x-forwarded-for': '10.9.9.9, 198.51.100.77' });
    expect(res.status).toBe(429);
  }, 120_000);

  it('answers 429 to a client address that tries many accounts', async () => {
    for (let i = 0; i < 20; i++) await login({ login: `1390000${String(i).padStart(4, '0')}`, password: 'x' });
    expect((await login({ login: '13700001234', password: TEST_PASSWORD })).status).toBe(429);
    const elsewhere = await login({ login: '13700001234', password: TEST_PASSWORD }, { ...jsonHeaders, 'x-forwarded-for': '198.51.100.3' });
    expect(elsewhere.status).toBe(200);
  }, 120_000);

  it('lets the owner in from their own address while a stranger who guessed wrong is refused at theirs', async () => {
    const stranger = { ...jsonHeaders, 'x-forwarded-for': '198.51.100.66' };
    for (let i = 0; i < 5; i++) expect((await login({ login: '13700001234', password: `wrong${i}` }, stranger)).status).toBe(401);
    expect((await login({ login: '13700001234', password: 'wrong5' }, stranger)).status).toBe(429);
    const owner = await login({ login: '13700001234', password: TEST_PASSWORD });
    expect(owner.status).toBe(200);
  }, 120_000);

  it('keeps no owner out with a flood of parallel wrong passwords from one address', async () => {
    const stranger = { ...jsonHeaders, 'x-forwarded-for': '198.51.100.66' };
    const owner = { ...jsonHeaders, 'x-forwarded-for': '203.0.113.9' };
    const answers = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => login({ login: '13700001234', password: `flood${i}` }, stranger)),
      login({ login: '13700001234', password: TEST_PASSWORD }, owner),
    ]);
    expect(answers.at(-1)!.status).toBe(200);
    expect(answers.slice(0, -1).filter((r) => r.status === 401).length).toBeLessThanOrEqual(5);
  }, 120_000);

  it('lets the owner’s own browser, signed in there before, straight into an account whose turns strangers hold', async () => {
    const first = await login({ login: '13700001234', password: TEST_PASSWORD });
    const device = first.headers.getSetCookie().find((c) => c.startsWith('ds_device='))!.split(';')[0]!;
    expect(device).toMatch(/^ds_device=[A-Za-z0-9_-]{22}$/);
    for (let i = 0; i < 21; i++) await recordLoginAttempt(t.db, { login: '13700001234', clientKey: `198.51.100.${i}`, succeeded: false, at: t.now(), stage: 'checked' });
    // A stranger takes the turn; a new browser with the right password waits; the known one does not.
    expect((await login({ login: '13700001234', password: 'guess' }, { ...jsonHeaders, 'x-forwarded-for': '192.0.2.1' })).status).toBe(401);
    expect((await login({ login: '13700001234', password: TEST_PASSWORD }, { ...jsonHeaders, 'x-forwarded-for': '192.0.2.2' })).status).toBe(429);
    expect((await login({ login: '13700001234', password: TEST_PASSWORD }, { ...jsonHeaders, 'x-forwarded-for': '192.0.2.3', cookie: device })).status).toBe(200);
  }, 120_000);

  it('forgets an address’s wrong tries once it signs in, so the owner’s typos do not add up', async () => {
    for (let i = 0; i < 3; i++) expect((await login({ login: '13700001234', password: `typo${i}` })).status).toBe(401);
    expect((await login({ login: '13700001234', password: TEST_PASSWORD })).status).toBe(200);
    // 6 typos in 15 minutes, but the 3 before the sign-in are forgiven: still 401, not 429.
    for (let i = 0; i < 3; i++) expect((await login({ login: '13700001234', password: `typo${i}` })).status).toBe(401);
  }, 120_000);

  // Wrong passwords from 20 addresses, written as the sign-in writes them (each one scrypt check
  // through the API would take this shared machine minutes).
  const spreadAttack = async (at: number) => {
    for (let i = 0; i < 20; i++) await recordLoginAttempt(t.db, { login: '13700001234', clientKey: `198.51.100.${i}`, succeeded: false, at, stage: 'checked' });
  };
  const fresh = (n: number) => ({ ...jsonHeaders, 'x-forwarded-for': `192.0.${Math.floor(n / 250)}.${n % 250}` });

  it('slows an account guessed at from many addresses to one try per 3 minutes, and the owner still gets in', async () => {
    await spreadAttack(t.now() - 180_000);
    // The account is slowed, and the first try in 3 minutes is checked, from wherever it comes.
    expect((await login({ login: '13700001234', password: 'spread20' }, fresh(0))).status).toBe(401);

    const slowed = await login({ login: '13700001234', password: 'spread21' }, fresh(1));
    expect(slowed.status).toBe(429);
    expect(slowed.headers.get('retry-after')).toBe('180');
    expect(await slowed.json()).toEqual({
      error: { code: 'slowed_down', message: 'Many wrong passwords for this account came from elsewhere, so it takes one try at a time; try again in 3 minutes' },
    });

    // The owner, on their own phone, is told how long the turn takes, and gets in when it comes.
    const early = await login({ login: '13700001234', password: TEST_PASSWORD });
    expect(early.status).toBe(429);
    expect(early.headers.get('retry-after')).toBe('180');
    t.setNow(t.now() + 180_000);
    expect((await login({ login: '13700001234', password: TEST_PASSWORD })).status).toBe(200);

    // A stranger with a fresh address every 20 seconds for half an hour gets a password checked once per 3 minutes.
    let checked = 0;
    for (let i = 0; i < 90; i++) {
      t.setNow(t.now() + 20_000);
      const res = await login({ login: '13700001234', password: `trickle${i}` }, fresh(100 + i));
      if (res.status === 401) checked++;
      else expect(res.status).toBe(429);
    }
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(30 / 3);
  }, 180_000);

  it('lets at most one of a parallel burst from many addresses through to a slowed account', async () => {
    await spreadAttack(t.now() - 180_000);
    const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => login({ login: '13700001234', password: `burst${i}` }, fresh(i))));
    expect(burst.filter((r) => r.status === 401).length).toBeLessThanOrEqual(1);
    expect(burst.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(7);
  }, 120_000);

  it.each([
    ['malformed JSON', '{"login":', 400],
    ['a missing password', { login: '13700001234' }, 400],
    ['a number for a login', { login: 13700001234, password: 'x' }, 400],
    ['an extra field', { login: '13700001234', password: TEST_PASSWORD, role: 'staff' }, 400],
    ['a huge password', { login: '13700001234', password: 'x'.repeat(5_000) }, 400],
    ['a huge body', { login: '13700001234', password: 'x'.repeat(100_000) }, 413],
  ])('refuses %s without a session', async (_name, body, status) => {
    const res = await login(body);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toEqual(expect.any(String));
    expect(await sessionCount()).toBe(0);
  });

  it('refuses a form post (415) and a cross-site post (403)', async () => {
    expect((await login('login=1&password=2', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const cross = await login({ login: '13700001234', password: TEST_PASSWORD }, { ...jsonHeaders, origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect(await cross.json()).toMatchObject({ error: { code: 'origin_mismatch' } });
    const same = await login({ login: '13700001234', password: TEST_PASSWORD }, { ...jsonHeaders, origin: 'http://localhost' });
    expect(same.status).toBe(200);
    expect(await sessionCount()).toBe(1);
  });
});

describe('GET /api/auth/me and POST /api/auth/logout', () => {
  it('knows who is signed in until logout revokes the session', async () => {
    const cookie = cookieOf(await login({ login: '13700001234', password: TEST_PASSWORD }));
    const me = await t.app.request('/api/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ role: 'courier', id: courier.id, name: '李师傅' });

    const out = await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/ds_session=;/);
    // The old token is dead even if a copy of the cookie survives.
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('answers 401 without a session, with a forged token, and after 14 days', async () => {
    expect((await t.app.request('/api/auth/me')).status).toBe(401);
    expect((await t.app.request('/api/auth/me', { headers: { cookie: 'ds_session=forged-token-value-123456' } })).status).toBe(401);
    const cookie = cookieOf(await login({ login: '13700001234', password: TEST_PASSWORD }));
    t.setNow(t.now() + 14 * 24 * 3600_000 + 1);
    const res = await t.app.request('/api/auth/me', { headers: { cookie } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'not_signed_in' } });
  });

  it('ends a deactivated courier’s session', async () => {
    const cookie = cookieOf(await login({ login: '13700001234', password: TEST_PASSWORD }));
    await t.db.updateTable('couriers').set({ active: 0 }).where('id', '=', courier.id).execute();
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });
});
