import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopOrderView } from '../../shared/api/shop';
import type { HandoverQueue, PackingView, PackResult, WaveView } from '../../shared/api/warehouse';
import { launchBrowser } from '../support/browser';
import { startE2eServer } from '../support/e2e-server';

/**
 * The warehouse face on a 360 px phone: a worker signs in, starts a wave from paid orders,
 * has a wrong item refused on the spot, and picks the rest by typed barcode (the headless
 * browser has no camera). Packing, the label and hand-over are drawn against the contract's
 * shapes (shared/api/warehouse.ts) until their server part is merged.
 */
const SOON = { timeout: 15_000 };
const ARTIFACTS = 'tests/.artifacts';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;

let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let worker: BrowserContext;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  worker = await browser.newContext(phone);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function shot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(path, `docs/screenshots/${name}.png`);
}

async function seriousAxeViolations(page: Page) {
  const result = (await page.evaluate(`${axeSource}\n;axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
  };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** A paid order for Guangzhou's warehouse, placed the way a shop does: a staff-made key, then the shop API. */
async function placePaidOrder(): Promise<string> {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'ops@doorstep.demo', password: 'ops12345' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const made = await fetch(`${server.url}/api/ops/api-keys`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: '仓库测试' }) });
  const { key } = (await made.json()) as { key: string };
  const shop = async <T>(path: string, body: unknown, idempotencyKey: string) => {
    const res = await fetch(`${server.url}/api/shop${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const customer = { name: '林晓', phone: '13912348000', address: { province: '广东省', city: '广州市', district: '天河区', street: '天河路 385 号' } };
  const placed = await shop<ShopOrderView>('/orders', { customer, lines: [{ sku: 'HM-6002', quantity: 2 }] }, `wh-${Date.now()}`);
  await shop<ShopOrderView>(`/orders/${placed.orderNo}/payments`, {}, `wh-pay-${placed.orderNo}`);
  return placed.orderNo;
}

describe('the warehouse face', () => {
  it('signs a worker in, starts a wave, refuses a wrong item at once and picks the rest', async () => {
    await placePaidOrder();
    const page = await worker.newPage();
    await page.goto(`${server.url}/w`);
    await page.waitForURL('**/w/sign-in**');
    await page.locator('[data-testid="warehouse-login"]').waitFor(SOON);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'warehouse-sign-in');
    await page.locator('[data-testid="warehouse-login"]').fill('warehouse@doorstep.demo');
    await page.locator('[data-testid="warehouse-password"]').fill('warehouse123');
    await page.locator('[data-testid="warehouse-sign-in"]').click();
    await page.waitForURL(/\/w$/);
    await page.locator('[data-testid="orders-ready"]').waitFor(SOON);
    expect(await page.locator('[data-testid="warehouse-name"]').innerText()).not.toBe('');
    expect(await fitsPhone(page)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'warehouse-waves');

    await page.locator('[data-testid="start-wave"]').click();
    await page.waitForURL('**/w/waves/**');
    await page.locator('[data-testid="pick-stop"]').first().waitFor(SOON);
    const waveNo = decodeURIComponent(page.url().split('/w/waves/')[1]!);
    const wave = (await page.evaluate(async (no) => (await fetch(`/api/warehouse/waves/${encodeURIComponent(no)}`)).json(), waveNo)) as WaveView;
    expect(await page.locator('[aria-current="step"]').count()).toBe(1);

    // Something that is on no stop of this wave: refused before the server answers, in red.
    await page.locator('[data-testid="pick-code"]').fill('0000000000000');
    await page.locator('[data-testid="pick-code-submit"]').click();
    const feedback = page.locator('[data-testid="pick-feedback"]');
    await expect.poll(() => feedback.getAttribute('class'), SOON).toContain('wh-feedback--wrong');
    expect(await feedback.innerText()).toContain('0000000000000');
    expect(await fitsPhone(page)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'warehouse-pick');

    // Every unit of every stop, by its barcode (or SKU where it has none).
    let unitsLeft = wave.stops.reduce((sum, stop) => sum + stop.quantity - stop.pickedQuantity, 0);
    for (const stop of wave.stops) {
      for (let unit = stop.pickedQuantity; unit < stop.quantity; unit++) {
        await page.locator('[data-testid="pick-code"]').fill(stop.barcode ?? stop.sku);
        await page.locator('[data-testid="pick-code-submit"]').click();
        // The last unit moves the page on to packing.
        if (--unitsLeft === 0) break;
        await expect.poll(() => feedback.getAttribute('class'), SOON).toContain('wh-feedback--ok');
        await expect.poll(() => feedback.innerText(), SOON).toContain(`${unit + 1} / ${stop.quantity}`);
      }
    }
    // Picked: on to packing the first complete order.
    await page.waitForURL('**/w/orders/*/pack', SOON);
    expect(wave.orders.map((order) => order.orderNo)).toContain(decodeURIComponent(page.url().split('/w/orders/')[1]!.replace('/pack', '')));
  });

  it('packs, shows a 100 × 150 mm label and hands over (drawn against the contract)', async () => {
    const page = await worker.newPage();
    const orderNo = 'DD202612050001';
    const trackingNo = 'DS2026120500001';
    const address = { name: '林*', phone: '139****8000', province: '广东省', city: '广州市', district: '天河区', street: '天河路 385 号' };
    const packing: PackingView = {
      orderNo,
      state: 'ready_to_pack',
      lines: [
        { sku: 'HM-6002', name: { 'zh-CN': '陶瓷马克杯', en: 'Ceramic mug' }, barcode: '6901234560021', quantity: 2 },
        { sku: 'HM-1001', name: { 'zh-CN': '竹制餐垫', en: 'Bamboo mat' }, barcode: null, quantity: 1 },
      ],
      expectedWeightGrams: 980,
      shipments: [],
    };
    const label = {
      trackingNo,
      orderNo,
      trackingUrl: `${server.url}/t/${trackingNo}`,
      sender: { name: 'Doorstep 广州白云仓', phone: '020****0000', province: '广东省', city: '广州市', district: '白云区', street: '太和镇 88 号' },
      recipient: address,
      weightGrams: 1010,
      sortCode: '粤 广州 天河',
      packedAt: Date.now(),
      itemCount: 3,
    };
    const pack: PackResult = { shipment: { trackingNo, status: 'InfoReceived' }, label, orderStatus: 'shipped' };
    const queue: HandoverQueue = {
      parcels: [
        { trackingNo, orderNo, destination: { province: '广东省', city: '广州市', district: '天河区' }, weightGrams: 1010, suggestedCourier: { id: 1, name: '张伟' } },
        { trackingNo: 'DS2026120500002', orderNo: 'DD202612050002', destination: { province: '广东省', city: '佛山市', district: '南海区' }, weightGrams: 450, suggestedCourier: null },
      ],
      couriers: [{ id: 1, name: '张伟' }],
      carriers: [{ code: 'sf', name: '顺丰速运' }],
    };
    await page.route('**/api/warehouse/orders/*/packing', (route) => route.fulfill({ json: packing }));
    await page.route('**/api/warehouse/orders/*/pack', (route) => route.fulfill({ status: 201, json: pack }));
    await page.route('**/api/warehouse/shipments/*/label', (route) => route.fulfill({ json: label }));
    await page.route('**/api/warehouse/handover', (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({ json: queue })
        : route.fulfill({ json: { results: [{ trackingNo, outcome: 'handed_over', courier: { id: 1, name: '张伟' }, carrierCode: null }] } }),
    );

    await page.goto(`${server.url}/w/orders/${orderNo}/pack`);
    await page.locator('[data-testid="pack-line"]').first().waitFor(SOON);
    expect(await page.locator('[data-testid="pack-submit"]').isDisabled()).toBe(true);
    await page.locator('[data-testid="pack-code"]').fill('6901234560021');
    await page.locator('[data-testid="pack-code-submit"]').click();
    await page.locator('[data-testid="pack-code"]').fill('HM-9999');
    await page.locator('[data-testid="pack-code-submit"]').click();
    await expect.poll(() => page.locator('[data-testid="pack-feedback"]').getAttribute('class'), SOON).toContain('wh-feedback--wrong');
    await page.locator('[data-testid="pack-weight"]').fill('1500');
    await page.locator('[data-testid="weight-mismatch"]').waitFor(SOON);
    expect(await fitsPhone(page)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'warehouse-pack');
    await page.locator('[data-testid="pack-more"]').first().click();
    await page.locator('[data-testid="pack-more"]').last().click();
    await page.locator('[data-testid="pack-weight"]').fill('1010');
    expect(await page.locator('[data-testid="weight-mismatch"]').count()).toBe(0);
    await page.locator('[data-testid="pack-submit"]').click();

    await page.waitForURL(`**/w/labels/${trackingNo}`);
    await page.locator('[data-testid="shipping-label"] svg path').first().waitFor(SOON);
    expect(await page.locator('[data-testid="label-sort-code"]').innerText()).toBe('粤 广州 天河');
    expect(await page.locator('[data-testid="shipping-label"]').innerText()).not.toContain('13912348000');
    expect(await fitsPhone(page)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'warehouse-label');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('[data-testid="shipping-label"]').boundingBox();
    // 100 mm at 96 px an inch.
    expect(Math.round(printed!.width)).toBe(378);
    await page.emulateMedia({ media: 'screen' });

    await page.locator('[data-testid="label-handover"]').click();
    await page.waitForURL('**/w/handover');
    await page.locator('[data-testid="handover-code"]').fill(trackingNo.toLowerCase());
    await page.locator('[data-testid="handover-code-submit"]').click();
    await expect.poll(() => page.locator('[data-testid="handover-batch"]').innerText(), SOON).toContain('1');
    expect(await fitsPhone(page)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('[data-testid="handover-confirm"]').click();
    await page.locator('[data-testid="handover-results"]').waitFor(SOON);
    await shot(page, 'warehouse-handover');
  });
});
