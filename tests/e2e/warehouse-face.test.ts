import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopOrderView } from '../../shared/api/shop';
import type { PackingView, WaveView } from '../../shared/api/warehouse';
import { DEMO_COURIERS } from '../../server/demo/demo-accounts';
import { checkNotificationSignature } from '../../server/domain/payments/notification-signature';
import { launchBrowser } from '../support/browser';
import { startE2eServer } from '../support/e2e-server';

/**
 * From shelf to doorstep on a 360 px phone, all against the real server: a worker signs in,
 * starts a wave from paid orders, has a wrong item refused on the spot, picks the rest by
 * typed barcode (the headless browser has no camera), packs, prints the 100 × 150 mm label and
 * hands the parcel over; the courier of its district finds the stop on the round; the customer's
 * order page links the parcel; and the shop's webhook listener, started here, gets each signed
 * event once.
 */
const SOON = { timeout: 15_000 };
// The webhook sender wakes every 5 s.
const WEBHOOK_WAIT = { timeout: 30_000 };
const ARTIFACTS = 'tests/.artifacts';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;

let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let worker: BrowserContext;
let page: Page;
let staffCookie: string;
const hooks = { url: '', secret: '', received: [] as Array<{ headers: IncomingMessage['headers']; body: string }>, close: async () => {} };
/** What the journey made, for the steps after it. */
const made = { orderNo: '', trackingNo: '', courierName: '' };
const BUYER = { name: '林晓', phone: '13912348000', address: { province: '广东省', city: '广州市', district: '天河区', street: '天河路 385 号' } };

/** The shop's endpoint: answers 200 and keeps what it was sent. */
async function startListener() {
  const listener = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      hooks.received.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  hooks.url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/doorstep`;
  hooks.close = () => new Promise<void>((resolve) => listener.close(() => resolve()));
}

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  worker = await browser.newContext(phone);
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'ops@doorstep.demo', password: 'ops12345' }) });
  staffCookie = login.headers.get('set-cookie')!.split(';')[0]!;
  await startListener();
  const registered = await fetch(`${server.url}/api/ops/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: staffCookie },
    body: JSON.stringify({ url: hooks.url, events: ['order.confirmed', 'shipment.status_changed'] }),
  });
  expect(registered.status).toBe(201);
  hooks.secret = ((await registered.json()) as { secret: string }).secret;
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await hooks.close();
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
  const keyMade = await fetch(`${server.url}/api/ops/api-keys`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: staffCookie }, body: JSON.stringify({ name: '仓库测试' }) });
  const { key } = (await keyMade.json()) as { key: string };
  const shop = async <T>(path: string, body: unknown, idempotencyKey: string) => {
    const res = await fetch(`${server.url}/api/shop${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const placed = await shop<ShopOrderView>('/orders', { customer: BUYER, lines: [{ sku: 'HM-6002', quantity: 2 }] }, `wh-${Date.now()}`);
  await shop<ShopOrderView>(`/orders/${placed.orderNo}/payments`, {}, `wh-pay-${placed.orderNo}`);
  return placed.orderNo;
}

describe('from shelf to doorstep at 360 px', () => {
  it('signs a worker in, starts a wave, refuses a wrong item at once and picks the rest', async () => {
    made.orderNo = await placePaidOrder();
    page = await worker.newPage();
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
    // Oldest paid first: the demo leaves none waiting, so the wave is (at least) ours.
    expect(wave.orders.map((order) => order.orderNo)).toContain(made.orderNo);
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
    await page.waitForURL('**/w/orders/*/pack', SOON);
    // The wrong scan is kept beside the right ones: pick accuracy counts it.
    const scans = await server.deps.db.selectFrom('pick_scans').select(['outcome']).execute();
    expect(scans.filter((scan) => scan.outcome === 'wrong_item').length).toBeGreaterThanOrEqual(1);
  });

  it('packs the order against its lines and weight, and prints a 100 × 150 mm label without the full phone', async () => {
    await page.goto(`${server.url}/w/orders/${made.orderNo}/pack`);
    await page.locator('[data-testid="pack-line"]').first().waitFor(SOON);
    const packing = (await page.evaluate(async (no) => (await fetch(`/api/warehouse/orders/${encodeURIComponent(no)}/packing`)).json(), made.orderNo)) as PackingView;
    expect(packing.state).toBe('ready_to_pack');
    expect(await page.locator('[data-testid="pack-submit"]').isDisabled()).toBe(true);
    // Something not in the order: refused on the spot.
    await page.locator('[data-testid="pack-code"]').fill('HM-9999');
    await page.locator('[data-testid="pack-code-submit"]').click();
    await expect.poll(() => page.locator('[data-testid="pack-feedback"]').getAttribute('class'), SOON).toContain('wh-feedback--wrong');
    for (const line of packing.lines) {
      for (let unit = 0; unit < line.quantity; unit++) {
        await page.locator('[data-testid="pack-code"]').fill(line.barcode ?? line.sku);
        await page.locator('[data-testid="pack-code-submit"]').click();
      }
    }
    const expected = packing.expectedWeightGrams ?? 800;
    if (packing.expectedWeightGrams !== null) {
      // A scale reading far from the catalogue's weight is questioned.
      await page.locator('[data-testid="pack-weight"]').fill(String(expected * 3));
      await page.locator('[data-testid="weight-mismatch"]').waitFor(SOON);
    }
    expect(await fitsPhone(page)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'warehouse-pack');
    await page.locator('[data-testid="pack-weight"]').fill(String(expected + 20));
    expect(await page.locator('[data-testid="weight-mismatch"]').count()).toBe(0);
    await page.locator('[data-testid="pack-submit"]').click();

    await page.waitForURL('**/w/labels/*', SOON);
    made.trackingNo = decodeURIComponent(page.url().split('/w/labels/')[1]!);
    await page.locator('[data-testid="shipping-label"] svg path').first().waitFor(SOON);
    const label = page.locator('[data-testid="shipping-label"]');
    expect(await label.innerText()).toContain(made.trackingNo);
    expect(await label.innerText()).not.toContain(BUYER.phone);
    expect(await page.locator('[data-testid="label-sort-code"]').innerText()).toContain('广州');
    expect(await fitsPhone(page)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'warehouse-label');
    await page.emulateMedia({ media: 'print' });
    const printed = await label.boundingBox();
    // 100 × 150 mm at 96 px an inch.
    expect(Math.round(printed!.width)).toBe(378);
    expect(Math.round(printed!.height)).toBe(567);
    await page.emulateMedia({ media: 'screen' });
  });

  it('hands the parcel over to the courier of its district, who finds the stop on the round', async () => {
    await page.locator('[data-testid="label-handover"]').click();
    await page.waitForURL('**/w/handover');
    // Scanned as the label reads, whatever the case.
    await page.locator('[data-testid="handover-code"]').fill(made.trackingNo.toLowerCase());
    await page.locator('[data-testid="handover-code-submit"]').click();
    await expect.poll(() => page.locator('[data-testid="handover-batch"]').innerText(), SOON).toMatch(/\b1\b/);
    expect(await fitsPhone(page)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'warehouse-handover');
    await page.locator('[data-testid="handover-confirm"]').click();
    const results = page.locator('[data-testid="handover-results"]');
    await results.waitFor(SOON);
    expect(await results.innerText()).toContain(made.trackingNo);

    const parcel = await server.deps.db
      .selectFrom('shipments as s')
      .innerJoin('couriers as c', 'c.id', 's.courier_id')
      .select(['s.status', 'c.name', 'c.phone'])
      .where('s.tracking_no', '=', made.trackingNo)
      .executeTakeFirstOrThrow();
    expect(parcel.status).toBe('InTransit');
    const events = await server.deps.db.selectFrom('tracking_events as e').innerJoin('shipments as s', 's.id', 'e.shipment_id').select('e.sub_status').where('s.tracking_no', '=', made.trackingNo).execute();
    expect(events.filter((e) => e.sub_status === 'InTransit_002')).toHaveLength(1);
    made.courierName = parcel.name;
    expect(await results.innerText()).toContain(parcel.name);

    const courier = DEMO_COURIERS.find((c) => c.phone === parcel.phone)!;
    const courierContext = await browser.newContext(phone);
    const courierPage = await courierContext.newPage();
    await courierPage.goto(`${server.url}/courier/sign-in`);
    await courierPage.locator('[data-testid="courier-login"]').fill(courier.phone);
    await courierPage.locator('[data-testid="courier-password"]').fill(courier.password);
    await courierPage.locator('[data-testid="courier-sign-in"]').click();
    await courierPage.locator(`[data-testid="stop"][data-tracking-no="${made.trackingNo}"]`).waitFor(SOON);
    await courierContext.close();
  });

  it('shows the parcel on the customer’s order page, linked to its tracking page', async () => {
    const customer = await browser.newContext(phone);
    const orderPage = await customer.newPage();
    await orderPage.goto(`${server.url}/o/${made.orderNo}`);
    await orderPage.locator('[data-testid="verify-input"]').fill(BUYER.phone.slice(-4));
    await orderPage.locator('[data-testid="verify-submit"]').click();
    const link = orderPage.locator('[data-testid="order-shipment-link"]', { hasText: made.trackingNo });
    await link.waitFor(SOON);
    expect(await orderPage.locator('[data-testid="order-status"]').getAttribute('data-status')).toBe('shipped');
    await link.click();
    await orderPage.waitForURL(`**/t/${made.trackingNo}`);
    await orderPage.locator('[data-testid="tracking-status"]').waitFor(SOON);
    await customer.close();
  });

  it('tells the shop’s webhook listener each event once, signed with the secret shown at registration', async () => {
    type Delivered = { id: string; type: string; data: { orderNo?: string; trackingNo?: string; to?: string } };
    const ours = () =>
      hooks.received.map((r) => JSON.parse(r.body) as Delivered).filter((e) => e.data.orderNo === made.orderNo || e.data.trackingNo === made.trackingNo);
    await expect.poll(() => ours().map((e) => `${e.type}:${e.data.to ?? ''}`).sort(), WEBHOOK_WAIT).toEqual([
      'order.confirmed:',
      // Handed over (揽收), and born at packing.
      'shipment.status_changed:InTransit',
      'shipment.status_changed:InfoReceived',
    ]);
    for (const r of hooks.received) {
      expect(checkNotificationSignature(r.headers['doorstep-signature'] as string, r.body, hooks.secret, Date.now())).toBe('ok');
    }
    // Once: no event id arrived twice.
    const ids = hooks.received.map((r) => (JSON.parse(r.body) as Delivered).id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
