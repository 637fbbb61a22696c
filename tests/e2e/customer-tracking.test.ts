import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDirectory } from '../../server/demo/demo-directory';
import { recordTrackingEvent } from '../../server/domain/tracking/tracking-service';
import type { DemoParcel } from '../../shared/api/tracking-view';
import type { TrackingStatus } from '../../shared/tracking/statuses';
import { launchBrowser, newPhoneContext } from '../support/browser';
import { startE2eServer } from '../support/e2e-server';
import { startCuttableNetwork } from '../support/network-cut';

const SOON = { timeout: 15_000 };
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

async function openPhonePage(locale = 'zh-CN'): Promise<Page> {
  const context = await newPhoneContext(browser, locale);
  return context.newPage();
}

/** Waits until the service worker controls the page, i.e. the shell is precached. */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

async function seriousAxeViolations(page: Page) {
  const result = (await page.evaluate(`${axeSource}\n;axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('a customer tracks a parcel on a phone', () => {
  it('opens a demo parcel from the home page and sees its timeline', async () => {
    const page = await openPhonePage();
    await page.goto(server.url);
    const demo = page.locator('[data-testid="demo-parcel"][data-status="OutForDelivery"]');
    await demo.first().click();
    await page.waitForURL(`**/t/${parcel('OutForDelivery').trackingNo}`);
    await expect.poll(() => page.locator('[data-testid="tracking-status"]').getAttribute('data-status')).toBe('OutForDelivery');
    const events = page.locator('[data-testid="timeline-event"]');
    await expect.poll(() => events.count()).toBeGreaterThan(2);
    await page.screenshot({ path: 'tests/.artifacts/tracking-zh.png', fullPage: true });
    await page.context().close();
  });

  it('types a tracking number on the home page', async () => {
    const page = await openPhonePage('en-US');
    await page.goto(server.url);
    await page.locator('[data-testid="track-input"]').fill('DS 1234');
    await page.locator('[data-testid="track-submit"]').click();
    // A mistyped number is caught on the phone, without a round trip.
    expect(page.url()).toBe(`${server.url}/`);
    await page.locator('[data-testid="track-input"]').fill(parcel('InTransit').trackingNo.toLowerCase());
    await page.locator('[data-testid="track-submit"]').click();
    await page.waitForURL(`**/t/${parcel('InTransit').trackingNo}`);
    await expect.poll(() => page.locator('[data-testid="tracking-status"]').getAttribute('data-status')).toBe('InTransit');
    await page.context().close();
  });

  it('verifies with the last 4 phone digits and sees items, masked address and proof', async () => {
    const delivered = parcel('Delivered');
    const page = await openPhonePage();
    await page.goto(`${server.url}/t/${delivered.trackingNo}`);
    const wrong = delivered.phoneLast4 === '0000' ? '1111' : '0000';
    await page.locator('[data-testid="verify-input"]').fill(wrong);
    await page.locator('[data-testid="verify-submit"]').click();
    await page.locator('[data-testid="verify-error"]').waitFor();

    await page.locator('[data-testid="verify-input"]').fill(delivered.phoneLast4);
    await page.locator('[data-testid="verify-submit"]').click();
    const details = page.locator('[data-testid="verified-details"]');
    await details.waitFor();
    const text = await details.innerText();
    expect(text).toMatch(/\*{2,}/); // masked street / name / phone
    expect(text).toContain(delivered.phoneLast4);
    await page.screenshot({ path: 'tests/.artifacts/tracking-verified.png', fullPage: true });

    // The session survives a reload.
    await page.reload();
    await details.waitFor();
    await page.context().close();
  });

  it('tells the courier how to hand the parcel over, from the verified view', async () => {
    const coming = parcel('OutForDelivery');
    const page = await openPhonePage();
    await page.goto(`${server.url}/t/${coming.trackingNo}`);
    await page.locator('[data-testid="verify-input"]').fill(coming.phoneLast4);
    await page.locator('[data-testid="verify-submit"]').click();
    await page.locator('[data-testid="instructions-call_first"]').check();
    await page.locator('[data-testid="instructions-note"]').fill('到了打电话，我下楼取');
    await page.locator('[data-testid="instructions-save"]').click();
    await page.locator('[data-testid="instructions-result"]').waitFor();
    const row = await server.deps.db.selectFrom('shipments').select('delivery_instructions').where('tracking_no', '=', coming.trackingNo).executeTakeFirstOrThrow();
    expect(JSON.parse(row.delivery_instructions!)).toEqual({ option: 'call_first', note: '到了打电话，我下楼取' });
    await page.context().close();
  });

  it('updates by itself when the server records an event', async () => {
    const moving = parcel('InTransit');
    const page = await openPhonePage();
    await page.goto(`${server.url}/t/${moving.trackingNo}`);
    const status = page.locator('[data-testid="tracking-status"]');
    await expect.poll(() => status.getAttribute('data-status')).toBe('InTransit');
    const before = await page.locator('[data-testid="timeline-event"]').count();
    // The stream is open once the server has a listener for this parcel.
    await expect.poll(() => server.deps.bus.listenerCount(moving.trackingNo)).toBeGreaterThan(0);

    const db = server.deps.db;
    await db.transaction().execute((trx) =>
      recordTrackingEvent(
        trx,
        {
          trackingNo: moving.trackingNo,
          status: 'OutForDelivery',
          occurredAt: Date.now(),
          place: { province: null, city: '深圳市' },
          actor: { type: 'system', id: null },
        },
        Date.now(),
      ),
    );
    server.deps.bus.publish(moving.trackingNo);

    await expect.poll(() => status.getAttribute('data-status')).toBe('OutForDelivery');
    await expect.poll(() => page.locator('[data-testid="timeline-event"]').count()).toBe(before + 1);
    await page.context().close();
  });

  it('still shows a viewed parcel after going offline and reloading, with the offline banner', async () => {
    const viewed = parcel('AttemptFail');
    const page = await openPhonePage();
    await page.goto(`${server.url}/t/${viewed.trackingNo}`);
    await expect.poll(() => page.locator('[data-testid="tracking-status"]').getAttribute('data-status')).toBe('AttemptFail');
    // Why the attempt failed, in words from the shared reason taxonomy.
    expect(await page.locator('[data-testid="timeline-reason"]').first().innerText()).toMatch(/[\u4e00-\u9fff]/);
    await waitForServiceWorker(page);
    const eventsOnline = await page.locator('[data-testid="timeline-event"]').count();

    await page.context().setOffline(true);
    await page.reload();
    await page.locator('[data-testid="offline-banner"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="tracking-status"]').getAttribute('data-status')).toBe('AttemptFail');
    expect(await page.locator('[data-testid="timeline-event"]').count()).toBe(eventsOnline);
    await page.locator('[data-testid="stale-notice"]').waitFor();
    await page.screenshot({ path: 'tests/.artifacts/tracking-offline.png', fullPage: true });

    // Back online, the banner goes away.
    await page.context().setOffline(false);
    await page.locator('[data-testid="offline-banner"]').waitFor({ state: 'hidden' });
    await page.context().close();
  });

  it('keeps the verified details on the phone for offline reading, until the verification ends', async () => {
    // A delivered parcel whose courier took a photo.
    const withPhoto = await server.deps.db
      .selectFrom('tracking_events as e')
      .innerJoin('shipments as s', 's.id', 'e.shipment_id')
      .innerJoin('orders as o', 'o.id', 's.order_id')
      .select(['s.tracking_no', 'o.recipient_phone'])
      .where('e.status', '=', 'Delivered')
      .where('e.photo_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const delivered = { trackingNo: withPhoto.tracking_no, phoneLast4: withPhoto.recipient_phone.slice(-4) };
    // A relay the test can cut: Chromium's offline mode lets the service worker's own requests through.
    const network = await startCuttableNetwork(server.port);
    const page = await openPhonePage();
    try {
      await page.goto(`${network.url}/t/${delivered.trackingNo}`);
      await waitForServiceWorker(page);
      await page.locator('[data-testid="verify-input"]').fill(delivered.phoneLast4);
      await page.locator('[data-testid="verify-submit"]').click();
      const details = page.locator('[data-testid="verified-details"]');
      await details.waitFor();
      const onlineText = await details.locator('.details__facts').first().innerText();
      const items = await details.locator('.details__items li').allInnerTexts();
      const receiver = await page.locator('[data-testid="proof-receiver"]').innerText();
      // The proof's pictures are kept beside the details.
      await expect.poll(() => page.evaluate(async () => (await (await caches.open('doorstep-verified-proof')).keys()).length), SOON).toBeGreaterThan(0);

      network.cut();
      await page.context().setOffline(true);
      await page.reload();
      await page.locator('[data-testid="offline-banner"]').waitFor();
      await page.locator('[data-testid="details-kept"]').waitFor(SOON);
      expect(await details.locator('.details__facts').first().innerText()).toBe(onlineText);
      expect(await details.locator('.details__items li').allInnerTexts()).toEqual(items);
      expect(await page.locator('[data-testid="proof-receiver"]').innerText()).toBe(receiver);
      // The photo the courier took, from the phone's own copy.
      await expect.poll(() => page.locator('[data-testid="proof-photo"]').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), SOON).toBe(true);
      // The 4-digit form is useless offline and is not shown; neither is what needs the network.
      expect(await page.locator('[data-testid="verify-input"]').count()).toBe(0);
      expect(await page.locator('[data-testid="start-return"]').count()).toBe(0);
      await page.screenshot({ path: 'tests/.artifacts/tracking-verified-offline.png', fullPage: true });

      // Once the verification has ended, the copy and its pictures are gone, online or not.
      await page.evaluate((no) => {
        const key = `doorstep.verified.${no}`;
        const copy = JSON.parse(localStorage.getItem(key)!);
        copy.details.verifiedUntil = Date.now() - 1000;
        localStorage.setItem(key, JSON.stringify(copy));
      }, delivered.trackingNo);
      await page.reload();
      await page.locator('[data-testid="verify-input"]').waitFor(SOON);
      expect(await details.count()).toBe(0);
      await expect.poll(() => page.evaluate(async () => (await (await caches.open('doorstep-verified-proof')).keys()).length), SOON).toBe(0);
      expect(await page.evaluate((no) => localStorage.getItem(`doorstep.verified.${no}`), delivered.trackingNo)).toBeNull();
    } finally {
      await page.context().close();
      await network.close();
    }
  });

  it('is installable: a manifest with 192 and 512 px icons, standalone, and a service worker', async () => {
    const page = await openPhonePage();
    await page.goto(server.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifest = await (await fetch(new URL(href!, server.url))).json();
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/', short_name: expect.any(String) });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i: { sizes: string }) => i.sizes === size);
      expect(icon, size).toBeTruthy();
      const res = await fetch(new URL(icon.src, server.url));
      expect(res.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await res.arrayBuffer());
      // PNG header: width and height are the big-endian words at bytes 16 and 20.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(size);
    }
    await waitForServiceWorker(page);
    await page.context().close();
  });

  it('has no serious or critical accessibility violations on home and tracking pages', async () => {
    for (const locale of ['zh-CN', 'en-US']) {
      const page = await openPhonePage(locale);
      await page.goto(server.url);
      await page.locator('[data-testid="demo-parcel"]').first().waitFor();
      expect(await seriousAxeViolations(page), `home ${locale}`).toEqual([]);

      await page.goto(`${server.url}/t/${parcel('Exception').trackingNo}`);
      await page.locator('[data-testid="timeline-event"]').first().waitFor();
      expect(await seriousAxeViolations(page), `tracking ${locale}`).toEqual([]);
      await page.context().close();
    }
  });
});
