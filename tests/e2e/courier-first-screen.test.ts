import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourierManifest } from '../../shared/courier/manifest';
import { isForLaterDay, isStopDone } from '../../client/offline/courier-stop-progress';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';
import { DEMO_COURIERS } from '../../server/demo/demo-accounts';
import { launchBrowser } from '../support/browser';
import { startE2eServer } from '../support/e2e-server';

/**
 * The courier's first screen on a small phone (360 × 740), signed in as the demo's first
 * courier over the demo data: at least four stops to do are in view without scrolling, online
 * and offline; the state of the signal and the outbox is one line; the actions sit at the
 * bottom where the thumb is; the stops already done are folded at the end, one tap away.
 */

const ARTIFACTS = 'tests/.artifacts';
const SCREEN = { width: 360, height: 740 };
const SOON = { timeout: 15_000 };
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const courier = DEMO_COURIERS[0]!;

let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

function smallPhone(locale: string): Promise<BrowserContext> {
  return browser.newContext({
    viewport: SCREEN,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
    timezoneId: 'Asia/Shanghai',
  });
}

async function signIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/courier/sign-in`);
  await page.locator('[data-testid="courier-login"]').fill(courier.phone);
  await page.locator('[data-testid="courier-password"]').fill(courier.password);
  await page.locator('[data-testid="courier-sign-in"]').click();
  await page.locator('[data-testid="stops"] [data-testid="stop"]').first().waitFor();
  await page.locator('[data-testid="sync-status"][data-waiting]').waitFor();
  return page;
}

/** The manifest as the server gives it to this courier, with the page's own session. */
function manifestFromPage(page: Page): Promise<CourierManifest> {
  return page.evaluate(async () => {
    const response = await fetch('/api/courier/manifest', { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`manifest: ${response.status}`);
    return response.json();
  }) as Promise<CourierManifest>;
}

interface FirstScreen {
  scrollY: number;
  /** Wider than the phone means the browser zooms the whole page out to fit it. */
  pageWidth: number;
  /** Open stops whose whole card is between the status line and the bottom bar. */
  stopsInView: number;
  rowHeights: number[];
  smallestFont: number;
  navTop: number;
  /** The sync strip's height: one line of text in a thumb-sized strip. */
  statusHeight: number;
  visibleBanners: number;
}

/** What the courier sees before touching anything, measured in the page. */
function measureFirstScreen(page: Page): Promise<FirstScreen> {
  return page.evaluate(() => {
    const nav = document.querySelector('[data-testid="courier-nav"]')!.getBoundingClientRect();
    const strip = document.querySelector('[data-testid="sync-status"]')!;
    const rows = [...document.querySelectorAll('[data-testid="stops"] > [data-testid="stop"]')].map((row) => row.getBoundingClientRect());
    const inView = rows.filter((r) => r.top >= strip.getBoundingClientRect().bottom && r.bottom <= nav.top);
    const texts = [...document.querySelectorAll('[data-testid="stops"] .stop__name, [data-testid="stops"] .stop__address, [data-testid="stops"] [data-testid="stop-status"]')];
    const banners = [...document.querySelectorAll('[data-testid="offline-banner"]')].filter((b) => b.getBoundingClientRect().height > 0);
    return {
      scrollY: window.scrollY,
      pageWidth: document.documentElement.scrollWidth,
      stopsInView: inView.length,
      rowHeights: inView.map((r) => r.height),
      smallestFont: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize))),
      navTop: nav.top,
      statusHeight: strip.getBoundingClientRect().height,
      visibleBanners: banners.length,
    };
  });
}

async function expectAFullFirstScreen(page: Page) {
  const screen = await measureFirstScreen(page);
  expect(screen.scrollY).toBe(0);
  expect(screen.pageWidth).toBeLessThanOrEqual(SCREEN.width);
  expect(screen.stopsInView).toBeGreaterThanOrEqual(4);
  for (const height of screen.rowHeights) expect(height).toBeGreaterThanOrEqual(44);
  expect(screen.smallestFont).toBeGreaterThanOrEqual(14);
  expect(screen.statusHeight).toBeLessThanOrEqual(48);
  return screen;
}

/** Find, scan, the list and the outbox: in the bottom quarter of the screen, each a thumb's size. */
async function expectActionsAtTheBottom(page: Page) {
  for (const id of ['stops-link', 'stop-search-open', 'stop-scan', 'outbox-link']) {
    const box = (await page.locator(`[data-testid="${id}"]`).boundingBox())!;
    expect(box, id).not.toBeNull();
    expect(box.y, id).toBeGreaterThanOrEqual(SCREEN.height * 0.75);
    expect(box.y + box.height, id).toBeLessThanOrEqual(SCREEN.height);
    expect(box.height, id).toBeGreaterThanOrEqual(44);
    expect(box.width, id).toBeGreaterThanOrEqual(44);
  }
}

async function seriousAxeViolations(page: Page) {
  const result = (await page.evaluate(`${axeSource}\n;axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function screenshot(page: Page, name: string, publishAs?: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}/${name}.png`;
  await page.screenshot({ path });
  // Only when asked: a test run should not rewrite tracked files.
  if (publishAs && process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(path, `docs/screenshots/${publishAs}.png`);
}

describe('the courier’s first screen at 360 × 740', () => {
  for (const locale of ['zh-CN', 'en']) {
    it(`shows four or more stops, one status line and the actions at the bottom, online and offline (${locale})`, async () => {
      const context = await smallPhone(locale);
      const page = await signIn(context);

      await expectAFullFirstScreen(page);
      await expectActionsAtTheBottom(page);
      expect(await page.locator('[data-testid="sync-status"]').getAttribute('data-online')).toBe('true');
      await screenshot(page, `courier-first-screen-${locale}-online`, locale === 'zh-CN' ? 'courier' : undefined);
      if (locale === 'zh-CN') expect(await seriousAxeViolations(page)).toEqual([]);

      // No signal: the strip says so in its one line, and the app's banner does not stack on top.
      await context.setOffline(true);
      await expect.poll(() => page.locator('[data-testid="sync-status"]').getAttribute('data-summary'), SOON).toMatch(/^offline_/);
      const offline = await expectAFullFirstScreen(page);
      expect(offline.visibleBanners).toBe(0);
      expect(await page.locator('[data-testid="sync-status"]').isVisible()).toBe(true);
      await expectActionsAtTheBottom(page);
      await screenshot(page, `courier-first-screen-${locale}-offline`);
      await context.close();
    });
  }

  it('folds the stops already done at the end, counted, and opens one from there', async () => {
    const context = await smallPhone('zh-CN');
    const page = await signIn(context);
    const manifest = await manifestFromPage(page);
    const today = manifest.stops.filter((stop) => !isForLaterDay(stop, manifest.day));
    const done = today.filter((stop) => isStopDone(stop.kind, stop.status));
    // The demo's courier has handed parcels over already today: otherwise this test proves nothing.
    expect(done.length).toBeGreaterThan(0);

    const openList = page.locator('[data-testid="stops"] > [data-testid="stop"]');
    expect(await openList.count()).toBe(today.length - done.length);
    const openStatuses = await openList.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    expect(openStatuses).not.toContain('Delivered');

    const section = page.locator('[data-testid="done-stops"]');
    const doneRows = section.locator('[data-testid="stop"]');
    expect((await doneRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-tracking-no')))).sort()).toEqual(
      done.map((stop) => stop.trackingNo).sort(),
    );
    const deliveries = done.filter((stop) => stop.kind === 'delivery').length;
    expect(await section.locator('[data-testid="done-stops-toggle"]').innerText()).toContain(`已送达 ${deliveries}`);
    // Folded: the section is after the last open stop, its rows hidden until asked for.
    expect(await doneRows.first().isVisible()).toBe(false);
    const lastOpen = (await openList.last().boundingBox())!;
    expect((await section.boundingBox())!.y).toBeGreaterThan(lastOpen.y);

    await section.locator('[data-testid="done-stops-toggle"]').click();
    await doneRows.first().waitFor();
    const first = await doneRows.first().getAttribute('data-tracking-no');
    await doneRows.first().locator('a').click();
    await page.waitForURL(`**/courier/stops/${first}`);
    await context.close();
  });

  it('finds a stop from the bottom bar by its number, and says so when it is not on today’s list', async () => {
    const context = await smallPhone('zh-CN');
    const page = await signIn(context);
    const wanted = await page.locator('[data-testid="stops"] > [data-testid="stop"]').nth(2).getAttribute('data-tracking-no');

    await page.locator('[data-testid="stop-search-open"]').click();
    const field = page.locator('[data-testid="stop-search"]');
    await field.waitFor();
    // Right above the bar, in the thumb's reach, and focused for typing.
    const box = (await field.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(SCREEN.height / 2);
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);

    // A well-formed number that is nobody's parcel today.
    await field.fill(makeTrackingNo(99_999_999));
    await page.locator('[data-testid="stop-search-submit"]').click();
    expect(await page.locator('#stop-search-error').innerText()).toBe('这个包裹不在你今天的派件单上。');

    await field.fill(wanted!.toLowerCase());
    await page.locator('[data-testid="stop-search-submit"]').click();
    await page.waitForURL(`**/courier/stops/${wanted}`);
    expect(await field.isVisible()).toBe(false);
    await context.close();
  });
});
