import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import type { LogFields, Logger } from '../../server/http/logger';
import type { PublicTrackingView } from '../../shared/api/tracking-view';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';
import { createParcel, type ParcelFixture } from '../support/factories';
import { createTestApp } from '../support/test-app';

// /t/:no as the one process serves it: index.html with the parcel's public view in it, and the
// page drawn on the server when the build has its renderer (a stand-in here; the browser tests
// use the real one).

const HOSTILE_CITY = '</script><script>alert("x")</script><!-- $& $\' &amp; \u2028';
const START = Date.UTC(2026, 10, 18, 1, 0, 0);
const SHELL =
  '<!doctype html><html lang="zh-CN"><head><meta name="shop-time-zone" content="Asia/Shanghai" /><title>Doorstep 包裹追踪</title>' +
  '<link rel="stylesheet" crossorigin href="/assets/index-abc.css"></head><body><div id="app"></div>' +
  '<script type="module" crossorigin src="/assets/index-abc.js"></script></body></html>';
const MANIFEST = {
  'index.html': { file: 'assets/index-abc.js', isEntry: true, css: ['assets/index-abc.css'] },
  '_TrackingPage-def.js': { file: 'assets/TrackingPage-def.js', name: 'TrackingPage', isDynamicEntry: true, css: ['assets/TrackingPage-def.css'], imports: ['_core.js'] },
  '_core.js': { file: 'assets/core.js', css: ['assets/core.css', 'assets/index-abc.css'] },
};

let t: Awaited<ReturnType<typeof createTestApp>>;
let parcel: ParcelFixture;
let hostile: ParcelFixture;
const logged: Array<{ message: string; fields?: LogFields }> = [];
const logger: Logger = { info: () => {}, error: (message, _err, fields) => logged.push({ message, fields }) };
const dirs: string[] = [];

/** The build's stylesheets, each with a rule to find it by in the page. */
const STYLESHEETS: Record<string, string> = {
  'index-abc.css': '.from-index{color:red}',
  'core.css': '.from-core{color:green}',
  'TrackingPage-def.css': '.from-page{color:blue}',
};

/** A built client in a folder of its own: index.html, the manifest, its CSS, and the renderer when given. */
function builtClient(renderer?: string): ReturnType<typeof createApp> {
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-tracking-page-'));
  dirs.push(dir);
  mkdirSync(join(dir, '.vite'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), SHELL);
  writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
  for (const [file, text] of Object.entries(STYLESHEETS)) writeFileSync(join(dir, 'assets', file), text);
  if (renderer !== undefined) {
    mkdirSync(join(dir, 'ssr'));
    writeFileSync(join(dir, 'ssr', 'render-tracking-page.js'), renderer);
  }
  return createApp({ ...t.deps, logger, clientDir: dir });
}

/** What the page holds in its view block, read back as the app reads it. */
function viewInPage(html: string): PublicTrackingView | null {
  const match = /<script type="application\/json" id="tracking-view">([^<]*)<\/script>/.exec(html);
  return match ? (JSON.parse(match[1]!) as PublicTrackingView) : null;
}

beforeAll(async () => {
  t = await createTestApp();
  parcel = await createParcel(t.db, {
    phone: '13912347788',
    events: [
      { status: 'InfoReceived', occurredAt: START, city: '杭州市' },
      { status: 'InTransit', subStatus: 'InTransit_003', occurredAt: START + 20 * 3600_000, city: '广州市', note: '王小明 13800001234 请放门口' },
    ],
  });
  hostile = await createParcel(t.db, { events: [{ status: 'InTransit', occurredAt: START, city: HOSTILE_CITY }] });
});
afterAll(async () => {
  await t.dispose();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('GET /t/:trackingNo', () => {
  it('answers the page with the public view in it, the one the API answers', async () => {
    const app = builtClient();
    const res = await app.request(`/t/${parcel.trackingNo}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    const apiView = await (await app.request(`/api/track/${parcel.trackingNo}`)).json();
    expect(viewInPage(html)).toEqual(apiView);
    // The shop's zone and the app's own script are still there; the title names the parcel.
    expect(html).toContain('<meta name="shop-time-zone"');
    expect(html).toContain('<script type="module" crossorigin src="/assets/index-abc.js"></script>');
    expect(html).toContain(`<title>${parcel.trackingNo} · Doorstep</title>`);
  });

  it('holds nothing of the verified details: no name, phone, street or items', async () => {
    const html = await (await builtClient().request(`/t/${parcel.trackingNo}`)).text();
    for (const personal of ['王小明', '13912347788', '7788', '13800001234', '科技园南路', '纯棉T恤', '无线蓝牙耳机', '请放门口']) {
      expect(html, personal).not.toContain(personal);
    }
  });

  it('keeps a view holding </script> and replacement patterns inside its block, and reads back the same', async () => {
    const html = await (await builtClient().request(`/t/${hostile.trackingNo}`)).text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<!--');
    // One block, closed where the server closed it; the value comes back exactly.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const view = viewInPage(html);
    expect(view?.events[0]?.place.city).toBe(HOSTILE_CITY);
    // `$&` and `$'` are text, not String.replace patterns that would copy the page into itself.
    expect(html.match(/<div id="app">/g)).toHaveLength(1);
  });

  it('tidies a number typed in lower case or with spaces, as the app does', async () => {
    const typed = `${parcel.trackingNo.slice(0, 6).toLowerCase()} ${parcel.trackingNo.slice(6)}`;
    const html = await (await builtClient().request(`/t/${encodeURIComponent(typed)}`)).text();
    expect(viewInPage(html)?.trackingNo).toBe(parcel.trackingNo);
  });

  it('answers an unknown or malformed number with the app alone, which says so itself', async () => {
    const app = builtClient();
    for (const no of [makeTrackingNo(9_999_999), 'DS123', 'not-a-number']) {
      const res = await app.request(`/t/${no}`);
      expect(res.status, no).toBe(200);
      const html = await res.text();
      expect(html, no).toContain('<div id="app"></div>');
      expect(viewInPage(html), no).toBeNull();
    }
  });

  it('draws the page with the renderer in the language the browser asks for first', async () => {
    const app = builtClient(`
      export function renderInShopTimeZone(zone) { globalThis.__renderZone = zone; }
      export async function renderTrackingPage(view, locale) {
        return '<p class="drawn">' + view.trackingNo + ' ' + view.status + ' ' + locale + ' ' + globalThis.__renderZone + '</p>';
      }`);
    const zh = await app.request(`/t/${parcel.trackingNo}`, { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
    expect(zh.headers.get('vary')).toContain('Accept-Language');
    const zhHtml = await zh.text();
    expect(zhHtml).toContain(`<div id="app"><p class="drawn">${parcel.trackingNo} InTransit zh-CN ${t.deps.config.shopTimeZone}</p></div>`);
    expect(zhHtml).toContain('<html lang="zh-CN"');
    // Every stylesheet the drawn page uses is in it, once each, in cascade order (index.html's,
    // then the page's own): its first paint waits for no request.
    const style = /<style>([^<]*)<\/style><\/head>/.exec(zhHtml)?.[1];
    expect(style).toBe(['.from-index{color:red}', '.from-page{color:blue}', '.from-core{color:green}'].join('\n'));
    // Their links stay, disabled (not fetched), so the app's chunk loader finds them and adds no copy.
    expect(zhHtml).toContain('<link rel="stylesheet" crossorigin href="/assets/index-abc.css" disabled>');
    expect(zhHtml).toContain('<link rel="stylesheet" crossorigin href="/assets/TrackingPage-def.css" disabled><link rel="stylesheet" crossorigin href="/assets/core.css" disabled>');
    expect(zhHtml.match(/index-abc\.css/g)).toHaveLength(1);
    expect(zhHtml).not.toMatch(/\.css">/);
    // The policy lets that one element apply, by its hash, and nothing else inline.
    const hash = createHash('sha256').update(style!).digest('base64');
    expect(zh.headers.get('content-security-policy')).toContain(`style-src 'self' 'sha256-${hash}';`);
    expect(zh.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(viewInPage(zhHtml)?.trackingNo).toBe(parcel.trackingNo);

    for (const acceptLanguage of ['en-US,en;q=0.9,zh-CN;q=0.8', '', 'fr']) {
      const html = await (await app.request(`/t/${parcel.trackingNo}`, { headers: { 'Accept-Language': acceptLanguage } })).text();
      expect(html, acceptLanguage).toContain(' en Asia/');
      expect(html, acceptLanguage).toContain('<html lang="en"');
    }
  });

  it('still sends the view when the renderer fails, and says why in the log', async () => {
    logged.length = 0;
    const app = builtClient(`
      export function renderInShopTimeZone() {}
      export async function renderTrackingPage() { throw new Error('broken render'); }`);
    const res = await app.request(`/t/${parcel.trackingNo}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div id="app"></div>');
    // Nothing drawn, nothing of its styles: the app links its CSS itself, as on any page.
    expect(html).not.toContain('TrackingPage-def.css');
    expect(html).not.toContain('<style>');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-abc.css"></head>');
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self';");
    expect(viewInPage(html)?.trackingNo).toBe(parcel.trackingNo);
    expect(logged).toEqual([expect.objectContaining({ fields: { trackingNo: parcel.trackingNo } })]);
  });

  it('gzips the page for a browser that takes it', async () => {
    const res = await builtClient().request(`/t/${parcel.trackingNo}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
  });

  it('keeps the page policy: no inline script may run (the view block is data, not script)', async () => {
    const res = await builtClient().request(`/t/${parcel.trackingNo}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('never serves the server’s renderer to browsers', async () => {
    const app = builtClient('export function renderInShopTimeZone() {}\nexport async function renderTrackingPage() { return ""; }');
    const res = await app.request('/ssr/render-tracking-page.js');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('renderTrackingPage');
  });
});
