import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COURIERS } from '../../server/demo/demo-accounts';
import { offeredPickupSlots } from '../../server/domain/returns/pickup-slots';
import { createReturn } from '../../server/domain/returns/return-service';
import { findShipmentByTrackingNo } from '../../server/domain/tracking/shipment-repository';
import type { CourierManifest } from '../../shared/courier/manifest';
import { orderRoute } from '../../shared/geo/route-order';
import { launchBrowser, newPhoneContext } from '../support/browser';
import { startE2eServer } from '../support/e2e-server';

// A courier's round in one city, in route order, and on a stop only what the state machine allows: at 360 × 740.
const SHENZHEN = DEMO_COURIERS.find((c) => c.name === '王建军')!;
const SOON = { timeout: 15_000 };
const PHONE = { width: 360, height: 740 };
let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
/** A Shenzhen customer's return pickup, booked for the first slot offered: tomorrow. */
let laterPickup: string;

const db = () => server.deps.db;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  laterPickup = await bookShenzhenPickup();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function bookShenzhenPickup(): Promise<string> {
  const now = Date.now();
  const slot = offeredPickupSlots(now, server.deps.config.shopTimeZone)[0]!;
  const delivered = await db()
    .selectFrom('shipments as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .leftJoin('return_requests as r', 'r.shipment_id', 's.id')
    .select(['s.tracking_no', 'o.id as order_id'])
    .where('s.leg', '=', 'delivery')
    .where('s.status', '=', 'Delivered')
    .where('o.city', '=', '深圳市')
    .where('s.delivered_at', '>', now - 7 * 86_400_000)
    .where('r.id', 'is', null)
    .orderBy('s.delivered_at', 'desc')
    .execute();
  for (const parcel of delivered) {
    const item = await db().selectFrom('order_items').select('id').where('order_id', '=', parcel.order_id).orderBy('id').executeTakeFirstOrThrow();
    const shipment = (await findShipmentByTrackingNo(db(), parcel.tracking_no))!;
    const input: Parameters<typeof createReturn>[2] = {
      trackingNo: parcel.tracking_no,
      items: [{ orderItemId: item.id, quantity: 1 }],
      reasonCode: 'no_reason',
      reasonDetail: null,
      condition: 'unopened',
      method: 'pickup',
      photoIds: [],
      pickupSlotStart: slot.start,
      note: '',
    };
    // Not returnable without a reason (fresh food, say): the next parcel.
    const created = await createReturn(db(), shipment, input, { now, timeZone: server.deps.config.shopTimeZone }).catch(() => null);
    if (!created) continue;
    const leg = await db().selectFrom('shipments as s').innerJoin('return_requests as r', 'r.id', 's.return_id').select('s.tracking_no').where('r.return_no', '=', created.returnNo).executeTakeFirstOrThrow();
    return leg.tracking_no;
  }
  throw new Error('no recently delivered Shenzhen parcel in the demo to return');
}

async function courierPhone(locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPhoneContext(browser, locale);
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  await page.goto(`${server.url}/courier/sign-in`);
  await page.locator('[data-testid="courier-login"]').fill(SHENZHEN.phone);
  await page.locator('[data-testid="courier-password"]').fill(SHENZHEN.password);
  await page.locator('[data-testid="courier-sign-in"]').click();
  await page.locator('[data-testid="stop"]').first().waitFor(SOON);
  return { context, page };
}

describe('a courier’s round at 360 × 740', () => {
  it('lists one city’s stops in route order, by geography from the depot', async () => {
    const { context, page } = await courierPhone('zh-CN');
    const onScreen = await page.locator('[data-testid="stop"]').evaluateAll((cards) => cards.map((c) => ({ no: c.getAttribute('data-tracking-no')!, status: c.getAttribute('data-status')!, kind: c.getAttribute('data-kind')! })));
    const manifest = (await (await page.request.get(`${server.url}/api/courier/manifest`)).json()) as CourierManifest;
    expect(onScreen.length).toBeGreaterThanOrEqual(4);
    // The page shows the manifest's stops in the manifest's (route) order.
    const shown = new Set(onScreen.map((s) => s.no));
    expect(onScreen.map((s) => s.no)).toEqual(manifest.stops.map((s) => s.trackingNo).filter((no) => shown.has(no)));

    const rows = await db()
      .selectFrom('shipments as s')
      .innerJoin('orders as o', 'o.id', 's.order_id')
      .select(['s.id', 's.tracking_no', 'o.city', 'o.lat', 'o.lng'])
      .where('s.tracking_no', 'in', [...shown])
      .execute();
    expect(new Set(rows.map((r) => r.city))).toEqual(new Set(['深圳市']));
    // Today's open stops go the way the route planner says from the courier's depot.
    const place = new Map(rows.map((r) => [r.tracking_no, { lat: r.lat!, lng: r.lng! }]));
    const depot = await db().selectFrom('couriers').select(['depot_lat', 'depot_lng']).where('phone', '=', SHENZHEN.phone).executeTakeFirstOrThrow();
    const laterDays = new Set(manifest.stops.filter((s) => s.pickup?.slotDay && s.pickup.slotDay > manifest.day).map((s) => s.trackingNo));
    // Done for today: delivered, left in a locker or at a station, or a pickup collected.
    const open = onScreen.filter((s) => !laterDays.has(s.no) && s.status !== 'Delivered' && s.status !== 'AvailableForPickup' && !(s.kind === 'pickup' && s.status === 'InTransit'));
    expect(open.length).toBeGreaterThanOrEqual(3);
    // The planner takes them oldest first (ties, such as two parcels to one home, keep that order).
    const id = new Map(rows.map((r) => [r.tracking_no, r.id]));
    const byAge = [...open].sort((a, b) => id.get(a.no)! - id.get(b.no)!);
    expect(open.map((s) => s.no)).toEqual(orderRoute(byAge, (s) => place.get(s.no)!, { lat: depot.depot_lat!, lng: depot.depot_lng! }).map((s) => s.no));

    // The pickup booked for tomorrow is not among today's stops.
    expect(laterDays.has(laterPickup)).toBe(true);
    await expect(page.locator(`[data-testid="stops"] [data-tracking-no="${laterPickup}"]`).count()).resolves.toBe(0);
    await page.screenshot({ path: 'tests/.artifacts/courier-route-zh.png' });
    await context.close();
  });

  it('offers on a stop only what the state machine allows: no 已揽收 out for delivery, nothing on tomorrow’s pickup', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const { context, page } = await courierPhone(locale);
      const out = page.locator('[data-testid="stops"] [data-testid="stop"][data-status="OutForDelivery"][data-kind="delivery"]').first();
      const outNo = (await out.getAttribute('data-tracking-no'))!;
      await page.goto(`${server.url}/courier/stops/${outNo}`);
      await page.locator('[data-testid="report-delivered"]').waitFor(SOON);
      const offered = await page.locator('[data-testid^="report-"]').evaluateAll((buttons) => buttons.filter((b) => b.tagName === 'BUTTON').map((b) => b.getAttribute('data-testid')));
      expect(offered).toEqual(['report-delivered', 'report-at_pickup_point', 'report-failed_attempt', 'report-exception']);
      await page.screenshot({ path: `tests/.artifacts/courier-stop-actions-${locale}.png`, fullPage: true });

      await page.goto(`${server.url}/courier/stops/${laterPickup}`);
      await page.locator('[data-testid="pickup-not-due"]').waitFor(SOON);
      await expect(page.locator('button[data-testid^="report-"]').count()).resolves.toBe(0);
      await page.screenshot({ path: `tests/.artifacts/courier-pickup-not-due-${locale}.png`, fullPage: true });
      if (locale === 'en') {
        await page.goto(`${server.url}/courier`);
        await page.locator('[data-testid="stop"]').first().waitFor(SOON);
        await page.screenshot({ path: 'tests/.artifacts/courier-route-en.png' });
      }
      await context.close();
    }
  });

  it('offers the desk the couriers serving a stop’s district first when it moves the stop', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const context = await newPhoneContext(browser, locale);
      const page = await context.newPage();
      await page.setViewportSize(PHONE);
      await page.goto(`${server.url}/ops/couriers`);
      await page.waitForURL('**/ops/sign-in**');
      await page.locator('[data-testid="ops-login"]').fill('ops@doorstep.demo');
      await page.locator('[data-testid="ops-password"]').fill('ops12345');
      await page.locator('[data-testid="ops-sign-in"]').click();
      await page.waitForURL('**/ops/**');
      if (!page.url().includes('/ops/couriers')) await page.goto(`${server.url}/ops/couriers`);
      await page.locator('tr', { hasText: SHENZHEN.name }).locator('[data-testid="ops-courier-show-stops"]').click();
      const west = page.locator('[data-testid="ops-courier-stop"]', { hasText: /南山区|福田区|宝安区/ }).first();
      await west.locator('[data-testid="ops-reassign-open"]').click();
      const select = west.locator('[data-testid="ops-reassign-target"]');
      await select.waitFor(SOON);
      const groups = await select.locator('optgroup').evaluateAll((gs) => gs.map((g) => ({ group: g.getAttribute('data-group'), names: [...g.querySelectorAll('option')].map((o) => o.textContent!.split(' · ')[0]!.trim()) })));
      expect(groups[0]).toEqual({ group: 'serving', names: ['孙浩然'] });
      expect(groups[1]!.group).toBe('others');
      expect(groups[1]!.names).toEqual(expect.arrayContaining(['张磊', '刘洋']));
      await expect(west.locator('[data-testid="ops-reassign-serving"]').innerText()).resolves.toContain('孙浩然');
      await west.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `tests/.artifacts/ops-reassign-${locale}.png` });
      // The page itself never scrolls sideways at phone width.
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
      await context.close();
    }
  });
});
