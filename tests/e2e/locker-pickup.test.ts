import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPhoneContext } from '../support/browser';
import { courierWithStops } from '../support/courier-e2e-fixture';
import { startE2eServer } from '../support/e2e-server';
import type { ParcelFixture } from '../support/factories';

const ARTIFACTS = 'tests/.artifacts';
/** A small phone: what the customer holds up to the locker's keypad. */
const SMALL_PHONE = { width: 360, height: 740 };

let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let courier: Awaited<ReturnType<typeof courierWithStops>>['courier'];
let parcel: ParcelFixture;
let nextParcel: ParcelFixture;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const stops = await courierWithStops(server.deps.db, 2);
  courier = stops.courier;
  [parcel, nextParcel] = stops.parcels as [ParcelFixture, ParcelFixture];
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function smallPhone(locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPhoneContext(browser, locale);
  const page = await context.newPage();
  await page.setViewportSize(SMALL_PHONE);
  return { context, page };
}

const waiting = async (page: Page) => Number(await page.locator('[data-testid="sync-status"][data-waiting]').getAttribute('data-waiting'));

/** The customer's page for the parcel, verified with the phone's last four digits when given. */
async function openParcel(page: Page, digits?: string) {
  await page.goto(`${server.url}/t/${parcel.trackingNo}`);
  await page.locator('[data-testid="pickup-card"]').waitFor();
  if (!digits) return;
  await page.locator('[data-testid="verify-input"]').fill(digits);
  await page.locator('[data-testid="verify-submit"]').click();
  await page.locator('[data-testid="verified-details"]').waitFor();
}

/** One phone screen, from the top of the pickup card; the whole page too, into the artifacts. */
async function screenshot(page: Page, name: string, publishAs?: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}-full.png`, fullPage: true });
  // Below the app's sticky header, as the customer sees it after scrolling to the card.
  await page.locator('[data-testid="tracking-status"]').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 64));
  const path = `${ARTIFACTS}/${name}.png`;
  await page.screenshot({ path });
  // Only when asked: a test run should not rewrite tracked files.
  if (publishAs && process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(path, `docs/screenshots/${publishAs}.png`);
}

describe('a parcel left in a locker', () => {
  it('the courier records the locker and code; the verified customer sees the code large, the public page never', async () => {
    // The courier, on a small phone: out for delivery, then into the estate's locker.
    const { context: courierContext, page: courierPage } = await smallPhone('zh-CN');
    await courierPage.goto(`${server.url}/courier/sign-in`);
    await courierPage.locator('[data-testid="courier-login"]').fill(courier.phone);
    await courierPage.locator('[data-testid="courier-password"]').fill(courier.password);
    await courierPage.locator('[data-testid="courier-sign-in"]').click();
    await courierPage.locator('[data-testid="stop"]').first().waitFor();
    await courierPage.goto(`${server.url}/courier/stops/${parcel.trackingNo}`);
    await courierPage.locator('[data-testid="report-out_for_delivery"]').click();
    await courierPage.locator('[data-testid="report-save"]').click();
    await courierPage.locator('[data-testid="report-saved"]').waitFor();

    await courierPage.locator('[data-testid="report-at_pickup_point"]').click();
    await courierPage.locator('[data-testid="pickup-name"]').fill('丰巢快递柜（创业大厦3号柜）');
    await courierPage.locator('[data-testid="pickup-address"]').fill('南山区科技园南路88号创业大厦北门');
    // Typed as a phone's keyboard may give it: full-width digits and a space. Too short first.
    await courierPage.locator('[data-testid="pickup-code"]').fill('６２８');
    await courierPage.locator('[data-testid="report-save"]').click();
    await courierPage.locator('#pickup-code-error').waitFor();
    expect(await courierPage.locator('[data-testid="pickup-code"]').getAttribute('aria-invalid')).toBe('true');
    await courierPage.screenshot({ path: `${ARTIFACTS}/locker-courier-form-zh.png`, fullPage: true });
    await courierPage.locator('[data-testid="pickup-code"]').fill('６２８ 391');
    await courierPage.locator('[data-testid="report-save"]').click();
    await courierPage.locator('[data-testid="report-saved"]').waitFor();
    await expect.poll(() => waiting(courierPage), { timeout: 30_000 }).toBe(0);

    // The next parcel for the same estate goes into the same locker: one tap fills the place.
    await courierPage.goto(`${server.url}/courier/stops/${nextParcel.trackingNo}`);
    await courierPage.locator('[data-testid="report-at_pickup_point"]').click();
    await courierPage.locator('[data-testid="pickup-recent"]').click();
    expect(await courierPage.locator('[data-testid="pickup-name"]').inputValue()).toBe('丰巢快递柜（创业大厦3号柜）');
    expect(await courierPage.locator('[data-testid="pickup-address"]').inputValue()).toBe('南山区科技园南路88号创业大厦北门');
    expect(await courierPage.locator('[data-testid="pickup-code"]').inputValue()).toBe('');
    await courierPage.locator('[data-testid="pickup-code"]').fill('71234567');
    await courierPage.screenshot({ path: `${ARTIFACTS}/locker-courier-recent-zh.png`, fullPage: true });
    await courierPage.locator('[data-testid="report-save"]').click();
    await courierPage.locator('[data-testid="report-saved"]').waitFor();
    await expect.poll(() => waiting(courierPage), { timeout: 30_000 }).toBe(0);
    await courierContext.close();
    const next = await server.deps.db.selectFrom('tracking_events').select('pickup_code').where('shipment_id', '=', nextParcel.shipmentId).where('status', '=', 'AvailableForPickup').executeTakeFirstOrThrow();
    expect(next.pickup_code).toBe('71234567');

    const row = await server.deps.db.selectFrom('shipments').select(['status', 'sub_status']).where('id', '=', parcel.shipmentId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'AvailableForPickup', sub_status: 'AvailableForPickup_002' });

    // Anyone with the number: where and until when, and how to see the code; never the code.
    const { context: publicContext, page: publicPage } = await smallPhone('zh-CN');
    await openParcel(publicPage);
    const card = publicPage.locator('[data-testid="pickup-card"]');
    expect(await card.locator('[data-testid="pickup-name"]').innerText()).toBe('丰巢快递柜（创业大厦3号柜）');
    expect(await card.locator('[data-testid="pickup-address"]').innerText()).toBe('南山区科技园南路88号创业大厦北门');
    expect(await card.locator('[data-testid="pickup-deadline"]').innerText()).toMatch(/\d+月\d+日/);
    await card.locator('[data-testid="pickup-code-hidden"]').waitFor();
    expect(await publicPage.locator('[data-testid="pickup-code"]').count()).toBe(0);
    expect(await publicPage.content()).not.toContain('628391');
    await screenshot(publicPage, 'locker-public-zh');
    await publicContext.close();

    // The recipient, after the four digits: the code, large; no "leave it at the door" form.
    const { context: zhContext, page: zhPage } = await smallPhone('zh-CN');
    await openParcel(zhPage, '1000');
    const code = zhPage.locator('[data-testid="pickup-code"]');
    await expect.poll(() => code.innerText()).toBe('628391');
    const fontSize = await code.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(36);
    // Readable whole on the small screen: the code fits the card's width.
    const box = (await code.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(SMALL_PHONE.width);
    expect(await zhPage.locator('[data-testid="instructions-form"]').count()).toBe(0);
    expect(await zhPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await screenshot(zhPage, 'locker-verified-zh', 'locker-view');
    await zhContext.close();

    const { context: enContext, page: enPage } = await smallPhone('en-US');
    await openParcel(enPage, '1000');
    await expect.poll(() => enPage.locator('[data-testid="pickup-code"]').innerText()).toBe('628391');
    expect(await enPage.locator('#pickup-title').innerText()).toBe('In a parcel locker');
    expect(await enPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await screenshot(enPage, 'locker-verified-en');
    await enContext.close();
  });
});
