import { afterEach, describe, expect, it } from 'vitest';
import { createCourier, TEST_PASSWORD } from '../support/accounts';
import { createTestApp, jsonHeaders } from '../support/test-app';

/**
 * Behind nginx ending TLS (deploy/nginx.conf), the browser's page is https://host while this
 * server is reached in plain HTTP: X-Forwarded-Proto is what makes a same-site post same-site.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
afterEach(() => t.dispose());

async function appWith(trustProxy: boolean) {
  t = await createTestApp({ trustProxy });
  await createCourier(t.db, { phone: '13700001234' });
}

function loginFrom(origin: string, forwardedProto: string | null) {
  const headers: Record<string, string> = { ...jsonHeaders, origin };
  if (forwardedProto) headers['x-forwarded-proto'] = forwardedProto;
  return t.app.request('/api/auth/login', { method: 'POST', headers, body: JSON.stringify({ login: '13700001234', password: TEST_PASSWORD }) });
}

describe('the Origin check behind a TLS-ending proxy', () => {
  it('takes the scheme from X-Forwarded-Proto when TRUST_PROXY is on', async () => {
    await appWith(true);
    expect((await loginFrom('https://localhost', 'https')).status).toBe(200);
  });

  it('still refuses another site, whatever the proxy says', async () => {
    await appWith(true);
    const res = await loginFrom('https://evil.example', 'https');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'origin_mismatch' } });
  });

  it('ignores X-Forwarded-Proto without TRUST_PROXY, as it does X-Forwarded-For', async () => {
    await appWith(false);
    expect((await loginFrom('https://localhost', 'https')).status).toBe(403);
    expect((await loginFrom('http://localhost', null)).status).toBe(200);
  });
});
