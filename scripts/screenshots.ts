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
// The courier's manifest, signed in as the first demo courier.
const demoCourier = (await loadDemoDirectory(server.deps.db)).signIns.find((s) => s.role === 'courier')!;
const courierContext = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
const courierPage = await courierContext.newPage();
await courierPage.goto(`${server.url}/courier/sign-in`);
await courierPage.locator('[data-testid="courier-login"]').fill(demoCourier.login);
await courierPage.locator('[data-testid="courier-password"]').fill(demoCourier.password);
await courierPage.locator('[data-testid="courier-sign-in"]').click();
await courierPage.locator('[data-testid="stop"]').first().waitFor();
await courierPage.screenshot({ path: 'docs/screenshots/courier.png' });
await courierContext.close();
await browser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
console.log('wrote docs/screenshots/');
