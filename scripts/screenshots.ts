/**
 * Takes the README's screenshots: the real server over a fresh demo database, headless
 * Chromium at phone size. `npx tsx scripts/screenshots.ts` after `npm run build`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readConfig } from '../server/config';
import { loadDemoDirectory } from '../server/demo/demo-directory';
import { silentLogger } from '../server/http/logger';
import { startServer } from '../server/server';
import { launchBrowser } from '../tests/support/browser';

const dir = mkdtempSync(join(tmpdir(), 'doorstep-shots-'));
const server = await startServer(
  readConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, LOG_REQUESTS: 'off' }),
  { logger: silentLogger, clientDir: resolve('dist') },
);
const parcels = new Map((await loadDemoDirectory(server.deps.db)).parcels.map((p) => [p.status, p]));
const browser = await launchBrowser();
const shoot = async (locale: string, path: string, file: string, verifyWith?: string) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, locale, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.locator('[data-testid="timeline-event"], [data-testid="demo-parcel"]').first().waitFor();
  if (verifyWith) {
    await page.locator('[data-testid="verify-input"]').fill(verifyWith);
    await page.locator('[data-testid="verify-submit"]').click();
    await page.locator('[data-testid="verified-details"]').waitFor();
  }
  await page.screenshot({ path: `docs/screenshots/${file}` });
  await context.close();
};
await shoot('zh-CN', `/t/${parcels.get('OutForDelivery')!.trackingNo}`, 'tracking.png');
await shoot('zh-CN', '/', 'home.png');
const delivered = parcels.get('Delivered')!;
await shoot('en-US', `/t/${delivered.trackingNo}`, 'tracking-verified-en.png', delivered.phoneLast4);
// The courier's first screen on a small phone (tests/e2e/courier-first-screen.test.ts checks it),
// signed in as the first demo courier.
const demoCourier = (await loadDemoDirectory(server.deps.db)).signIns.find((s) => s.role === 'courier')!;
const courierContext = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
const courierPage = await courierContext.newPage();
await courierPage.goto(`${server.url}/courier/sign-in`);
await courierPage.locator('[data-testid="courier-login"]').fill(demoCourier.login);
await courierPage.locator('[data-testid="courier-password"]').fill(demoCourier.password);
await courierPage.locator('[data-testid="courier-sign-in"]').click();
await courierPage.locator('[data-testid="stop"]').first().waitFor();
await courierPage.locator('[data-testid="sync-status"][data-waiting]').waitFor();
await courierPage.screenshot({ path: 'docs/screenshots/courier.png' });
await courierContext.close();

// A return being asked for on the demo's delivered parcel: one item, changed my mind, drop-off.
const phone = (locale: string) =>
  browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, locale, timezoneId: 'Asia/Shanghai' });
const returnContext = await phone('en-US');
const returnPage = await returnContext.newPage();
await returnPage.goto(`${server.url}/t/${delivered.trackingNo}`);
await returnPage.locator('[data-testid="verify-input"]').fill(delivered.phoneLast4);
await returnPage.locator('[data-testid="verify-submit"]').click();
await returnPage.locator('[data-testid="verified-details"]').waitFor();
await returnPage.goto(`${server.url}/t/${delivered.trackingNo}/return`);
await returnPage.locator('[data-testid="return-item-more"]').first().click();
await returnPage.locator('[data-testid="reason-no_reason"]').check();
await returnPage.locator('[data-testid="detail-changed_mind"]').check();
await returnPage.locator('[data-testid="condition-unopened"]').check();
await returnPage.locator('[data-testid="method-dropoff"]').check();
await returnPage.locator('[data-testid="quote-eligible"]').waitFor();
await returnPage.locator('[data-testid="quote-preview"]').scrollIntoViewIfNeeded();
await returnPage.screenshot({ path: 'docs/screenshots/return-request-en.png' });
await returnContext.close();

// A refunded demo return, opened by its customer.
const refunded = (await loadDemoDirectory(server.deps.db)).returns.find((r) => r.status === 'refunded')!;
const refundedContext = await phone('zh-CN');
const refundedPage = await refundedContext.newPage();
await refundedPage.goto(`${server.url}/t/${refunded.trackingNo}`);
await refundedPage.locator('[data-testid="verify-input"]').fill(refunded.phoneLast4);
await refundedPage.locator('[data-testid="verify-submit"]').click();
await refundedPage.locator('[data-testid="verified-details"]').waitFor();
await refundedPage.goto(`${server.url}/r/${refunded.returnNo}?parcel=${refunded.trackingNo}`);
await refundedPage.locator('[data-testid="refund-paid"]').waitFor();
await refundedPage.screenshot({ path: 'docs/screenshots/return-refunded.png' });
await refundedContext.close();

// The staff's returns queue.
const staffSignIn = (await loadDemoDirectory(server.deps.db)).signIns.find((s) => s.role === 'staff')!;
const opsContext = await phone('zh-CN');
const opsPage = await opsContext.newPage();
await opsPage.goto(`${server.url}/ops/sign-in?redirect=/ops/returns`);
await opsPage.locator('[data-testid="ops-login"]').fill(staffSignIn.login);
await opsPage.locator('[data-testid="ops-password"]').fill(staffSignIn.password);
await opsPage.locator('[data-testid="ops-sign-in"]').click();
await opsPage.locator('[data-testid="ops-return-row"], [data-testid="ops-returns-empty"]').first().waitFor();
await opsPage.screenshot({ path: 'docs/screenshots/ops-returns.png' });
await opsContext.close();

// The demo parcel waiting in a locker or at a station, verified: the pickup code a customer
// reads at the keypad, on a small phone, scrolled to just below the sticky header.
const waiting = parcels.get('AvailableForPickup')!;
const lockerContext = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
const lockerPage = await lockerContext.newPage();
await lockerPage.goto(`${server.url}/t/${waiting.trackingNo}`);
await lockerPage.locator('[data-testid="verify-input"]').fill(waiting.phoneLast4);
await lockerPage.locator('[data-testid="verify-submit"]').click();
await lockerPage.locator('[data-testid="pickup-code"]').waitFor();
await lockerPage.locator('[data-testid="tracking-status"]').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 64));
await lockerPage.screenshot({ path: 'docs/screenshots/locker-view.png' });
await lockerContext.close();
await browser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
console.log('wrote docs/screenshots/');
