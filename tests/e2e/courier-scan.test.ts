import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPhoneContext } from '../support/browser';
import { courierWithStops } from '../support/courier-e2e-fixture';
import { startE2eServer } from '../support/e2e-server';
import type { ParcelFixture } from '../support/factories';
import { writeQrCodeCameraFile } from '../support/fake-camera';
import { startCuttableNetwork } from '../support/network-cut';
import { waitFor } from '../support/wait-for';

let server: Awaited<ReturnType<typeof startE2eServer>>;
let network: Awaited<ReturnType<typeof startCuttableNetwork>>;
let browser: Browser;
let courier: Awaited<ReturnType<typeof courierWithStops>>['courier'];
let parcels: ParcelFixture[];
let cameraDir: string;
/** The stop on the label the camera sees: not the first one, so opening it is no accident. */
let labelled: ParcelFixture;

beforeAll(async () => {
  server = await startE2eServer();
  network = await startCuttableNetwork(server.port);
  ({ courier, parcels } = await courierWithStops(server.deps.db, 4));
  labelled = parcels[2]!;
  // The label's QR code holds the customer's tracking link, as printed labels do.
  cameraDir = mkdtempSync(join(tmpdir(), 'doorstep-camera-'));
  const cameraFile = join(cameraDir, 'label.y4m');
  writeQrCodeCameraFile(cameraFile, `${network.url}/t/${labelled.trackingNo}`);
  browser = await launchBrowser([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${cameraFile}`,
  ]);
});
afterAll(async () => {
  await browser?.close();
  await network?.close();
  await server?.dispose();
  if (cameraDir) rmSync(cameraDir, { recursive: true, force: true });
});

async function phone(): Promise<BrowserContext> {
  const context = await newPhoneContext(browser);
  await context.grantPermissions(['camera'], { origin: network.url });
  return context;
}

async function signIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${network.url}/courier/sign-in`);
  await page.locator('[data-testid="courier-login"]').fill(courier.phone);
  await page.locator('[data-testid="courier-password"]').fill(courier.password);
  await page.locator('[data-testid="courier-sign-in"]').click();
  await page.locator(`[data-testid="stop"][data-tracking-no="${parcels[0]!.trackingNo}"]`).waitFor();
  return page;
}

async function scanOpensLabelledStop(page: Page) {
  await page.locator('[data-testid="stop-scan"]').click();
  await page.waitForURL(`**/courier/stops/${labelled.trackingNo}`);
  await expect(page.locator('[data-testid="report-out_for_delivery"]').isVisible()).resolves.toBe(true);
  await expect(page.locator('dialog.scan').count()).resolves.toBe(0);
}

describe('the courier scans a label with the ZXing polyfill', () => {
  it('reads the QR code the camera sees and opens that stop, the wasm coming from our own server', async () => {
    const context = await phone();
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await signIn(context);
    // Desktop Chromium, like an iPhone, has no native detector: this is the polyfill at work.
    await expect(page.evaluate(() => 'BarcodeDetector' in globalThis)).resolves.toBe(false);

    await scanOpensLabelledStop(page);

    const wasm = requested.filter((url) => url.endsWith('.wasm'));
    expect(wasm.length).toBeGreaterThan(0);
    expect(wasm.every((url) => url.startsWith(`${network.url}/assets/zxing_reader-`))).toBe(true);
    expect(requested.filter((url) => !url.startsWith(network.url))).toEqual([]);
    await context.close();
  });

  it('still scans with no signal, from the wasm the courier face kept while online', async () => {
    const context = await phone();
    const page = await signIn(context);
    // The courier face fetches the wasm in the background, once the service worker (installed on
    // this first visit) has taken over; the worker keeps it. Offline, the worker serves the app.
    await waitFor(
      'the service worker to keep the scanner wasm',
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return false;
          const cache = await caches.open('doorstep-scanner');
          return (await cache.keys()).some((request) => request.url.endsWith('.wasm'));
        }),
      20_000,
    );
    await context.setOffline(true);
    network.cut();

    await scanOpensLabelledStop(page);

    network.restore();
    await context.close();
  });
});
