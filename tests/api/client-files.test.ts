import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { InProcessTrackingBus } from '../../server/domain/tracking/tracking-bus';
import { silentLogger } from '../../server/http/logger';
import { createTestDb } from '../support/test-db';
import { testConfig } from '../support/test-app';
import { simulatedPaymentProvider } from '../../server/domain/payments/simulated-payment-provider';
import { simulatedSmsProvider } from '../../server/domain/notifications/simulated-sms-provider';

// The built client as the one process serves it: pages, hashed assets, the router fallback.
let dir: string;
let handle: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'doorstep-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><head><meta name="shop-time-zone" content="Asia/Shanghai" /><title>Doorstep</title></head><div id="app"></div>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  handle = await createTestDb();
  app = createApp({ db: handle.db, config: { ...testConfig(), shopTimeZone: 'Asia/Urumqi' }, bus: new InProcessTrackingBus(), logger: silentLogger, clock: Date.now, payments: simulatedPaymentProvider(handle.db, Date.now), sms: simulatedSmsProvider(handle.db, Date.now), clientDir: dir });
});
afterAll(async () => {
  await handle.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('serving the built client', () => {
  it('answers a client route with index.html and the page security headers', async () => {
    const res = await app.request('/t/DS00000012344');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('<div id="app">');
    const csp = res.headers.get('content-security-policy') ?? '';
    // WebAssembly (the courier's barcode polyfill) may compile; strings may still never be eval'd.
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('caches hashed assets for a year and revalidates the service worker', async () => {
    const asset = await app.request('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const sw = await app.request('/sw.js');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing file with 404, never the page (an old build’s chunk must not get HTML)', async () => {
    for (const path of ['/assets/HomePage-OLDHASH.js', '/favicon.ico', '/icons/nope.png']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('cache-control'), path).not.toContain('immutable');
      expect(await res.text(), path).not.toContain('<div id="app">');
    }
  });

  it('never answers an unknown API path with the page', async () => {
    const res = await app.request('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses paths that climb out of the client folder', async () => {
    const res = await app.request('/assets/../../etc/passwd');
    expect(await res.text()).not.toContain('root:');
  });
  it('writes the shop’s time zone into the page, on every path the page is served from', async () => {
    for (const path of ['/', '/index.html', '/t/DS00000012344', '/ops/dashboard']) {
      const html = await (await app.request(path)).text();
      expect(html, path).toContain('<meta name="shop-time-zone" content="Asia/Urumqi" />');
      expect(html, path).not.toContain('Asia/Shanghai');
    }
  });
});
