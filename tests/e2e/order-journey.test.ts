import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopOrderView, SkuStockView } from '../../shared/api/shop';
import { launchBrowser } from '../support/browser';
import { startE2eServer } from '../support/e2e-server';

/**
 * A shop's order from end to end on phones: staff make an API key in the ops face; the shop's
 * system places an order with it and pays; the customer opens the order page, proves it is
 * theirs and sees it confirmed; staff find it among the orders and see its stock reserved in
 * the inventory. Against the real server, the real build and the demo's catalog.
 */
const SOON = { timeout: 15_000 };
const ARTIFACTS = 'tests/.artifacts';
const SKU = 'HM-6002';
const WAREHOUSE = 'GZ-BY';
const BUYER = { name: '林晓', phone: '13912348000', address: { province: '广东省', city: '深圳市', district: '福田区', street: '深南大道 6008 号 12 楼' } };
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let staff: BrowserContext;
let customer: BrowserContext;

const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  staff = await browser.newContext(phone);
  customer = await browser.newContext(phone);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function shop<T>(key: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const res = await fetch(`${server.url}/api/shop${path}`, { method: body === undefined ? 'GET' : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function shot(page: Page, name: string, fullPage = true) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}/${name}.png`;
  await page.screenshot({ path, fullPage });
  if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(path, `docs/screenshots/${name}.png`);
}

async function seriousAxeViolations(page: Page) {
  const result = (await page.evaluate(`${axeSource}\n;axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
  };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('a shop order, from the API to the customer and back to staff', () => {
  it('is placed with a key staff made, paid, seen confirmed by its customer, and found by staff with its stock reserved', async () => {
    // Staff make the shop's key.
    const ops = await staff.newPage();
    await ops.goto(`${server.url}/ops/api-keys`);
    await ops.waitForURL('**/ops/sign-in**');
    await ops.locator('[data-testid="ops-login"]').fill('ops@doorstep.demo');
    await ops.locator('[data-testid="ops-password"]').fill('ops12345');
    await ops.locator('[data-testid="ops-sign-in"]').click();
    await ops.waitForURL('**/ops/api-keys');
    await ops.locator('[data-testid="ops-api-key-name"]').fill('微信小程序');
    await ops.locator('[data-testid="ops-api-key-create-submit"]').click();
    const secret = ops.locator('[data-testid="ops-api-key-secret"]');
    await secret.waitFor(SOON);
    const key = (await secret.innerText()).trim();

    // The shop's system places the order and pays.
    const before = await shop<SkuStockView>(key, `/stock/${SKU}`);
    const reservedBefore = before.warehouses.find((w) => w.warehouse === WAREHOUSE)!.reserved;
    const placed = await shop<ShopOrderView>(key, '/orders', { customer: BUYER, lines: [{ sku: SKU, quantity: 3 }] }, `journey-${Date.now()}`);
    expect(placed).toMatchObject({ status: 'pending_payment', lines: [{ sku: SKU, quantity: 3, warehouse: WAREHOUSE }] });
    const paid = await shop<ShopOrderView>(key, `/orders/${placed.orderNo}/payments`, {}, `pay-${placed.orderNo}`);
    expect(paid.status).toBe('paid');

    // The customer opens the link from the SMS, proves it with the phone's last 4 digits.
    const page = await customer.newPage();
    await page.goto(`${server.url}/o/${placed.orderNo}`);
    const status = page.locator('[data-testid="order-status"]');
    await status.waitFor(SOON);
    expect(await status.getAttribute('data-status')).toBe('paid');
    expect(await page.locator('[data-testid="order-lines"]').count()).toBe(0);
    await page.locator('[data-testid="verify-input"]').fill(BUYER.phone.slice(-4));
    await page.locator('[data-testid="verify-submit"]').click();
    await page.locator('[data-testid="order-lines"]').waitFor(SOON);
    expect(await page.locator('[data-testid="order-total"]').innerText()).toContain((paid.totalFen / 100).toFixed(2));
    expect(await page.locator('[data-testid="order-recipient"]').innerText()).not.toContain(BUYER.phone);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'order-page');

    // Staff find it among the orders…
    await ops.locator('[data-testid="ops-api-key-done"]').click();
    await ops.goto(`${server.url}/ops/orders`);
    await ops.locator('[data-testid="ops-order-search"]').fill(placed.orderNo);
    await ops.locator('[data-testid="ops-order-apply"]').click();
    const row = ops.locator('[data-testid="ops-order-row"]', { hasText: placed.orderNo });
    await row.waitFor(SOON);
    expect(await ops.locator('[data-testid="ops-order-row"]').count()).toBe(1);
    await row.click();
    await ops.locator('[data-testid="ops-order-page"]').waitFor(SOON);
    await ops.locator('[data-testid="ops-order-payment"]').waitFor(SOON);
    expect(await ops.locator('[data-testid="ops-order-line"]').first().innerText()).toContain(WAREHOUSE);
    await shot(ops, 'ops-order');

    // …and its three units reserved in the warehouse that ships them.
    await ops.goto(`${server.url}/ops/inventory?warehouse=${WAREHOUSE}&q=${SKU}`);
    const level = ops.locator('[data-testid="ops-level-row"]', { hasText: SKU });
    await level.waitFor(SOON);
    // On a phone each level is a card of figures: on hand, reserved, available, safety stock.
    const reserved = level.locator('.level__figures > div').nth(1).locator('dd');
    await expect.poll(async () => (await reserved.innerText()).trim()).toBe(String(reservedBefore + 3));
    expect(await ops.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(ops)).toEqual([]);
    await shot(ops, 'ops-inventory');

    // Two of the remaining units move to Shanghai: out of Guangzhou's available, into Shanghai's on hand.
    const shanghaiBefore = (await shop<SkuStockView>(key, `/stock/${SKU}`)).warehouses.find((w) => w.warehouse === 'SH-QP')!.onHand;
    await ops.locator('[data-testid="ops-inventory-view-transfer"]').click();
    const form = ops.locator('[data-testid="ops-transfer-form"]');
    await form.waitFor(SOON);
    await form.locator('[data-testid="ops-booking-destination"]').selectOption('SH-QP');
    await form.locator('[data-testid="ops-booking-line"] input').first().fill(SKU);
    await form.locator('[data-testid="ops-booking-line"] input').nth(1).fill('2');
    await form.locator('[data-testid="ops-booking-note"]').fill('华东补货');
    await form.locator('[data-testid="ops-booking-submit"]').click();
    expect(await form.locator('[data-testid="ops-booking-done"]').innerText(SOON)).toMatch(/DB\d{16}/);
    const after = await shop<SkuStockView>(key, `/stock/${SKU}`);
    expect(after.warehouses.find((w) => w.warehouse === 'SH-QP')!.onHand).toBe(shanghaiBefore + 2);
    expect(after.warehouses.find((w) => w.warehouse === WAREHOUSE)).toMatchObject({ reserved: reservedBefore + 3 });
    await ops.goto(`${server.url}/ops/orders`);
    await ops.locator('[data-testid="ops-order-row"]').first().waitFor(SOON);
    // The first screen of a long list is what a person sees.
    await shot(ops, 'ops-orders', false);
  }, 120_000);
});
