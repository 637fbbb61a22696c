import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startE2eServer } from '../support/e2e-server';

/**
 * Staff set up a shop's API key on a 360 px phone: make it, copy it from the one screen that
 * shows it, see the shop's system use it, and revoke it. Against the real server and build.
 */

const SOON = { timeout: 15_000 };
const ARTIFACTS = 'tests/.artifacts';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let staff: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  staff = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await staff.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await staff.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const whoami = (key: string) => fetch(`${server.url}/api/shop/whoami`, { headers: { authorization: `Bearer ${key}` } });

async function seriousAxeViolations() {
  const result = (await page.evaluate(`${axeSource}\n;axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
  };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('API keys in the ops console', () => {
  it('makes a key shown once with a copy button, that the shop API then accepts, and revokes it after asking', async () => {
    await page.goto(`${server.url}/ops/api-keys`);
    await page.waitForURL('**/ops/sign-in**');
    await page.locator('[data-testid="ops-login"]').fill('ops@doorstep.demo');
    await page.locator('[data-testid="ops-password"]').fill('ops12345');
    await page.locator('[data-testid="ops-sign-in"]').click();
    await page.waitForURL('**/ops/api-keys');
    // The demo has its own key already (the one `npm start` prints).
    await page.locator('[data-testid="ops-api-key"]', { hasText: '演示商城' }).waitFor(SOON);
    expect(await page.locator('[data-testid="ops-nav-api-keys"]').getAttribute('aria-current')).toBe('page');

    await page.locator('[data-testid="ops-api-key-name"]').fill('小程序');
    await page.locator('[data-testid="ops-api-key-create-submit"]').click();
    const secret = page.locator('[data-testid="ops-api-key-secret"]');
    await secret.waitFor(SOON);
    const key = (await secret.innerText()).trim();
    expect(key).toMatch(/^dsk_live_[0-9A-Za-z]{32}$/);
    await page.locator('[data-testid="ops-api-key-copy"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    const card = page.locator('[data-testid="ops-api-key"]', { hasText: '小程序' });
    await card.waitFor(SOON);
    expect(await card.innerText()).toContain(key.slice(0, 13));
    expect(await card.innerText()).not.toContain(key);

    // Fits the phone, reads well to a screen reader, with the key on screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations()).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/ops-api-keys-new.png`, fullPage: true });

    await page.locator('[data-testid="ops-api-key-done"]').click();
    expect(await secret.count()).toBe(0);
    expect(await page.content()).not.toContain(key);

    expect(await (await whoami(key)).json()).toEqual({ name: '小程序', scopes: ['shop'] });
    await page.reload();
    await card.locator('[data-testid="ops-api-key-last-used"] time').waitFor(SOON);

    await card.locator('[data-testid="ops-api-key-revoke"]').click();
    await card.locator('[data-testid="ops-api-key-confirm-revoke"]').click();
    await expect.poll(() => card.getAttribute('data-state'), SOON).toBe('revoked');
    expect((await whoami(key)).status).toBe(401);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${ARTIFACTS}/ops-api-keys-revoked.png`, fullPage: true });

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `${ARTIFACTS}/ops-api-keys-desktop.png`, fullPage: true });
  });
});
