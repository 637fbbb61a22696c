import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDirectory } from '../../server/demo/demo-directory';
import { recordTrackingEvent } from '../../server/domain/tracking/tracking-service';
import type { DemoParcel } from '../../shared/api/tracking-view';
import type { TrackingStatus } from '../../shared/tracking/statuses';
import { launchBrowser, newPhoneContext } from '../support/browser';
import { startE2eServer } from '../support/e2e-server';
import { startCuttableNetwork } from '../support/network-cut';

// Issue 13: /t/:no comes with its first view in the page (drawn on the server, and its public
// view as data for the app), so the status shows with no script → API → render waterfall.

const SOON = { timeout: 15_000 };

let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let parcels: Map<TrackingStatus, DemoParcel>;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const directory = await loadDemoDirectory(server.deps.db);
  parcels = new Map(directory.parcels.map((p) => [p.status, p]));
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const parcel = (status: TrackingStatus) => {
  const p = parcels.get(status);
  if (!p) throw new Error(`the demo data has no ${status} parcel`);
  return p;
};

/** Every request the page makes for a parcel's public view (not its stream or details). */
function viewRequests(page: Page, trackingNo: string): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === `/api/track/${trackingNo}`) seen.push(request.url());
  });
  return seen;
}

async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

const statusOf = (page: Page) => page.locator('[data-testid="tracking-status"]').getAttribute('data-status');

describe('the tracking page’s first view', () => {
  it('is in the page itself: with no script at all, the status, the timeline and the form are there, styled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const shown = parcel('OutForDelivery');
    await page.goto(`${server.url}/t/${shown.trackingNo}`);
    expect(await statusOf(page)).toBe('OutForDelivery');
    expect(await page.locator('[data-testid="timeline-event"]').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid="verify-input"]').count()).toBe(1);
    expect(await page.title()).toBe(`${shown.trackingNo} · Doorstep`);
    // The page's own stylesheet came with it: the status card has its coloured top border.
    expect(await page.locator('[data-testid="tracking-status"]').evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe('6px');
    await context.close();
  });

  it('shows the status with no request for the view, then updates live', async () => {
    const moving = parcel('InTransit');
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const requests = viewRequests(page, moving.trackingNo);
    const stylesheets: string[] = [];
    page.on('request', (request) => void (request.resourceType() === 'stylesheet' && stylesheets.push(request.url())));
    await page.goto(`${server.url}/t/${moving.trackingNo}`);
    expect(await statusOf(page)).toBe('InTransit');
    // The app has started on it (the stream is open) and still asked for nothing.
    await expect.poll(() => server.deps.bus.listenerCount(moving.trackingNo), SOON).toBeGreaterThan(0);
    expect(await page.locator('#tracking-view').count()).toBe(0);
    // Its styles came in the page: no stylesheet was fetched, by the page or by the app's chunks.
    expect(stylesheets).toEqual([]);
    const before = await page.locator('[data-testid="timeline-event"]').count();

    await server.deps.db.transaction().execute((trx) =>
      recordTrackingEvent(
        trx,
        { trackingNo: moving.trackingNo, status: 'OutForDelivery', occurredAt: Date.now(), place: { province: null, city: '深圳市' }, actor: { type: 'system', id: null } },
        Date.now(),
      ),
    );
    server.deps.bus.publish(moving.trackingNo);
    await expect.poll(() => statusOf(page), SOON).toBe('OutForDelivery');
    await expect.poll(() => page.locator('[data-testid="timeline-event"]').count()).toBe(before + 1);
    expect(requests).toEqual([]);
    await context.close();
  });

  it('is drawn by the app exactly as the server drew it, in either language, with nothing moving', async () => {
    // A parcel whose page loads nothing more after the first render (no reasons, no pickup card).
    const shown = parcel('OutForDelivery');
    for (const locale of ['zh-CN', 'en-US']) {
      const drawn = await browser.newContext({ javaScriptEnabled: false, locale, viewport: { width: 390, height: 844 } });
      const serverPage = await drawn.newPage();
      await serverPage.goto(`${server.url}/t/${shown.trackingNo}`);
      const serverText = await serverPage.locator('#app').innerText();
      await drawn.close();

      // A phone left on UTC: both must show the shop's times, not the phone's.
      const context = await newPhoneContext(browser, locale, 'UTC');
      const page = await context.newPage();
      await page.addInitScript(() => {
        const counted = window as unknown as { shifted: number };
        counted.shifted = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) counted.shifted += (entry as PerformanceEntry & { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${server.url}/t/${shown.trackingNo}`);
      // The app has mounted once it has taken the view out of the page.
      await expect.poll(() => page.locator('#tracking-view').count(), SOON).toBe(0);
      expect(await page.locator('#app').innerText(), locale).toBe(serverText);
      expect(await page.evaluate(() => (window as unknown as { shifted: number }).shifted), locale).toBe(0);
      await context.close();
    }
  });

  it('comes from the network while the service worker is in control, and from the shell when the network is gone', async () => {
    const network = await startCuttableNetwork(server.port);
    const first = parcel('AttemptFail');
    const second = parcel('Delivered');
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${network.url}/t/${first.trackingNo}`);
      await waitForServiceWorker(page);
      // A second parcel opened with the worker in control: drawn by the server, not the shell
      // (which would have had to ask the API for the view).
      const requests = viewRequests(page, second.trackingNo);
      await page.goto(`${network.url}/t/${second.trackingNo}`);
      expect(await statusOf(page)).toBe('Delivered');
      await expect.poll(() => page.locator('#tracking-view').count(), SOON).toBe(0);
      expect(requests).toEqual([]);

      network.cut();
      await context.setOffline(true);
      await page.goto(`${network.url}/t/${first.trackingNo}`);
      await page.locator('[data-testid="offline-banner"]').waitFor(SOON);
      await expect.poll(() => statusOf(page), SOON).toBe('AttemptFail');
      await page.locator('[data-testid="stale-notice"]').waitFor(SOON);
    } finally {
      await context.close();
      await network.close();
    }
  });
});
