import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as pwRequest, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { calendarDayLabel } from '../../client/components/returns/return-day-label';
import { addWorkingDays } from '../../shared/time/working-days';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnQuote } from '../../shared/api/return-views';
import { RETURN_STATUS_LABELS } from '../../shared/returns/return-status';
import { TEST_PASSWORD } from '../support/accounts';
import { launchBrowser, newPhoneContext } from '../support/browser';
import { TINY_JPEG } from '../support/courier-fixtures';
import { startE2eServer } from '../support/e2e-server';
import { startCuttableNetwork } from '../support/network-cut';
import { deliveredParcelToReturn, photoOfDefect } from '../support/return-e2e-fixture';

/**
 * One return from end to end, on phones: the customer asks for it, the courier collects it with
 * no signal, staff inspect and refund it, and the customer sees the money back. The steps share
 * state and run in order; each one picks up where the last left the database.
 */

/**
 * What the rules must pay for 1 of the 2 T-shirts and the earbuds, worked by hand: the ¥10
 * coupon is spread over the lines by value (15 800 : 19 900 of 35 700 → 443 + 557 fen), so the
 * shirts paid 15 357 fen (7 679 + 7 678, the odd fen on the first unit) and the earbuds 19 343.
 * A quality defect is the seller's fault: no return-shipping fee, and the order is not emptied,
 * so no shipping refund either (it was free anyway).
 */
const EXPECTED_REFUND_FEN = 7_679 + 19_343;
const EXPECTED_REFUND_TEXT = '¥270.22';

/** For waits on a server round trip: two cores and a browser can take longer than expect.poll's 1 s default. */
const SOON = { timeout: 15_000 };

const zhOps = JSON.parse(readFileSync('client/locales/ops/zh-CN.json', 'utf8')) as { ops: { inspect: { not_arrived: { in_transit: string } } } };

const zhReturns = JSON.parse(readFileSync('client/locales/returns/zh-CN.json', 'utf8')) as {
  returns: { refund: { paid: string }; fact: { auto_approved: string } };
};

let server: Awaited<ReturnType<typeof startE2eServer>>;
let network: Awaited<ReturnType<typeof startCuttableNetwork>>;
let browser: Browser;
let fixture: Awaited<ReturnType<typeof deliveredParcelToReturn>>;
let photo: Buffer;

// Shared by the steps, in the order they are filled in.
let customerContext: BrowserContext;
let customerPage: Page;
let returnNo: string;
let pickupTrackingNo: string;

beforeAll(async () => {
  server = await startE2eServer();
  // Only the courier's phone goes through the relay: it is the one that loses the signal.
  network = await startCuttableNetwork(server.port);
  browser = await launchBrowser();
  fixture = await deliveredParcelToReturn(server.deps.db);
  photo = await photoOfDefect(browser);
});
afterAll(async () => {
  await browser?.close();
  await network?.close();
  await server?.dispose();
});

const db = () => server.deps.db;

/** The courier, from their own session, reports the collected return delivered back to the shop. */
async function courierDeliversBack(trackingNo: string) {
  const courier = await pwRequest.newContext({ baseURL: server.url });
  try {
    expect((await courier.post('/api/auth/login', { data: { login: fixture.courier.phone, password: TEST_PASSWORD } })).status()).toBe(200);
    const upload = await courier.post('/api/uploads', { headers: { 'content-type': 'image/jpeg', 'idempotency-key': randomUUID() }, data: TINY_JPEG });
    expect(upload.status()).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    const leg = await db().selectFrom('shipments').select('version').where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow();
    const now = Date.now();
    const report = { id: randomUUID(), deviceId: randomUUID(), seq: 1, trackingNo, kind: 'delivered', occurredAt: now, shipmentVersion: leg.version, recipientName: '退货仓', photoIds: [id] };
    const synced = await courier.post('/api/courier/sync', { data: { sentAt: now, reports: [report] } });
    expect(((await synced.json()) as { results: { outcome: string }[] }).results[0]?.outcome).toBe('applied');
  } finally {
    await courier.dispose();
  }
}

async function returnRow() {
  return db().selectFrom('return_requests').selectAll().where('return_no', '=', returnNo).executeTakeFirstOrThrow();
}

/** The service worker controls the page, so the shell and the outbox survive losing the network. */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

describe('a partial return, from the customer’s phone to the refund', () => {
  it('the customer asks to return 1 of 2 T-shirts and the earbuds, with a photo and a pickup slot, and sees the exact refund', async () => {
    const { parcel, shirt, earbuds } = fixture;
    // This customer's phone is set to UTC: the shop's clock (Shanghai) still decides every time shown.
    customerContext = await newPhoneContext(browser, 'zh-CN', 'UTC');
    const page = (customerPage = await customerContext.newPage());

    await page.goto(`${server.url}/t/${parcel.trackingNo}`);
    await page.locator('[data-testid="verify-input"]').fill(parcel.phone.slice(-4));
    await page.locator('[data-testid="verify-submit"]').click();
    await page.locator('[data-testid="start-return"]').click();
    await page.waitForURL(`**/t/${parcel.trackingNo}/return`);

    const item = (orderItemId: number) => page.locator(`[data-testid="return-item"][data-order-item-id="${orderItemId}"]`);
    await item(shirt.orderItemId).locator('[data-testid="return-item-more"]').click();
    await item(earbuds.orderItemId).locator('[data-testid="return-item-more"]').click();
    expect(await item(shirt.orderItemId).locator('[data-testid="return-item-quantity"]').innerText()).toBe('1');
    expect(await item(earbuds.orderItemId).locator('[data-testid="return-item-quantity"]').innerText()).toBe('1');
    // The earbuds line is done; one T-shirt stays with the customer, so this return is partial.
    expect(await item(earbuds.orderItemId).locator('[data-testid="return-item-more"]').isDisabled()).toBe(true);
    expect(await item(shirt.orderItemId).locator('[data-testid="return-item-more"]').isDisabled()).toBe(false);

    await page.locator('[data-testid="reason-quality_defect"]').check();
    await page.locator('[data-testid="detail-other_quality"]').check();
    await page.locator('[data-testid="condition-opened"]').check();
    // A quality defect needs evidence: without a photo the rules say no, and nothing can be sent.
    await page.locator('[data-testid="quote-not-eligible"]').waitFor();
    expect(await page.locator('[data-testid="return-submit"]').isDisabled()).toBe(true);

    await page.locator('[data-testid="return-photo-input"]').setInputFiles({ name: 'seam.png', mimeType: 'image/png', buffer: photo });
    await page.locator('[data-testid="return-photo"][data-state="sent"]').waitFor();

    await page.locator('[data-testid="method-pickup"]').check();
    const slots = page.locator('select[data-testid="pickup-slot"] option:not([disabled])');
    await slots.first().waitFor({ state: 'attached' });
    const slotStart = Number(await slots.first().getAttribute('value'));
    await page.locator('select[data-testid="pickup-slot"]').selectOption(String(slotStart));
    // Slots read in Shanghai time (a 09:00 round is not "01:00" on a UTC phone), and say so.
    const shanghaiClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(slotStart);
    expect(await slots.first().innerText()).toContain(`${shanghaiClock}–`);
    expect(await page.locator('[data-testid="pickup-slot-zone"]').innerText()).toContain('中国标准时间');

    // The live preview, for exactly these choices: eligible, and the amount worked out by hand.
    await page.locator('[data-testid="quote-eligible"]').waitFor();
    const total = page.locator('[data-testid="quote-preview"] [data-testid="refund-total"]');
    await expect.poll(() => total.innerText(), SOON).toBe(EXPECTED_REFUND_TEXT);
    await expect.poll(() => page.locator('[data-testid="return-submit"]').isEnabled(), SOON).toBe(true);

    // And the server, asked the same question on its own, says the same to the fen.
    const photoIds = (await db().selectFrom('customer_uploads').select('id').where('order_id', '=', parcel.orderId).execute()).map((u) => u.id);
    expect(photoIds).toHaveLength(1);
    const quoteRes = await page.request.post(`${server.url}/api/returns/quote`, {
      data: {
        trackingNo: parcel.trackingNo,
        items: [
          { orderItemId: shirt.orderItemId, quantity: 1 },
          { orderItemId: earbuds.orderItemId, quantity: 1 },
        ],
        reasonCode: 'quality_defect',
        reasonDetail: 'other_quality',
        condition: 'opened',
        method: 'pickup',
        photoIds,
      },
    });
    expect(quoteRes.status()).toBe(200);
    const quote = (await quoteRes.json()) as ReturnQuote;
    expect(quote).toMatchObject({ eligible: true, autoApprove: true, breakdown: { totalFen: EXPECTED_REFUND_FEN, returnShippingFeeFen: 0 } });

    await page.locator('[data-testid="return-submit"]').click();
    await page.waitForURL(/\/r\/[^/]+$/);
    returnNo = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    // Under the auto-approval limit with every rule passing: approved and booked at once.
    await expect.poll(() => page.locator('[data-testid="return-status"]').getAttribute('data-status'), SOON).toBe('pickup_scheduled');

    const stored = await returnRow();
    expect(stored).toMatchObject({ status: 'pickup_scheduled', quote_fen: EXPECTED_REFUND_FEN, method: 'pickup', pickup_slot_start: slotStart, reason_code: 'quality_defect' });
    expect(JSON.parse(stored.photo_ids)).toEqual(photoIds);
    const items = await db().selectFrom('return_items').select(['order_item_id', 'quantity']).where('return_id', '=', stored.id).orderBy('order_item_id').execute();
    expect(items).toEqual([
      { order_item_id: shirt.orderItemId, quantity: 1 },
      { order_item_id: earbuds.orderItemId, quantity: 1 },
    ]);
    // The app's own choice of courier: the one who delivered the parcel knows the address.
    const leg = await db().selectFrom('shipments').select(['tracking_no', 'courier_id', 'leg', 'status']).where('id', '=', stored.return_shipment_id!).executeTakeFirstOrThrow();
    expect(leg).toMatchObject({ courier_id: fixture.courier.id, leg: 'return', status: 'InfoReceived' });
    pickupTrackingNo = leg.tracking_no;
    // The courier comes on the day the customer booked (the first offered is tomorrow's, and
    // nothing can be collected before its day); rather than wait a day, the booking moves to now.
    const start = Date.now() - 30 * 60_000;
    await db().updateTable('return_requests').set({ pickup_slot_start: start, pickup_slot_end: start + 2 * 3_600_000 }).where('id', '=', stored.id).execute();
  });

  it('the courier collects it with no signal, and the report is applied when the signal comes back', async () => {
    const origin = network.url;
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const stop = page.locator(`[data-testid="stop"][data-tracking-no="${pickupTrackingNo}"]`);
    const waiting = async () => Number(await page.locator('[data-testid="sync-status"][data-waiting]').getAttribute('data-waiting'));

    await page.goto(`${origin}/courier/sign-in`);
    await page.locator('[data-testid="courier-login"]').fill(fixture.courier.phone);
    await page.locator('[data-testid="courier-password"]').fill(fixture.courier.password);
    await page.locator('[data-testid="courier-sign-in"]').click();
    await stop.waitFor();
    expect(await stop.getAttribute('data-kind')).toBe('pickup');
    expect(await stop.getAttribute('data-status')).toBe('InfoReceived');
    // What to collect: exactly the returned units, not the whole order.
    const toCollect = await stop.locator('[data-testid="pickup-items"] li').allInnerTexts();
    expect(toCollect.map((t) => t.replace(/\s+/g, ' ').trim()).sort()).toEqual([`${fixture.earbuds.name} × 1`, `${fixture.shirt.name} × 1`].sort());
    await waitForServiceWorker(page);

    // No signal: neither the page nor the service worker reaches the server.
    await context.setOffline(true);
    network.cut();

    await stop.locator('a').click();
    await page.waitForURL(`**/courier/stops/${pickupTrackingNo}`);
    await page.locator('[data-testid="report-picked_up"]').click();
    await page.locator('[data-testid="report-save"]').click();
    await page.locator('[data-testid="report-saved"]').waitFor();
    await expect.poll(waiting, SOON).toBe(1);

    await page.goto(`${origin}/courier`);
    await expect.poll(() => stop.getAttribute('data-pending'), SOON).toBe('true');
    expect(await stop.getAttribute('data-status')).toBe('InTransit');
    // Only on the phone so far.
    expect(await db().selectFrom('courier_reports').select('id').where('tracking_no', '=', pickupTrackingNo).execute()).toEqual([]);
    expect((await returnRow()).status).toBe('pickup_scheduled');

    network.restore();
    await context.setOffline(false);
    await expect.poll(waiting, { timeout: 60_000 }).toBe(0);
    await expect.poll(() => stop.getAttribute('data-pending'), SOON).toBe('false');

    const reports = await db().selectFrom('courier_reports').select(['kind', 'outcome', 'courier_id']).where('tracking_no', '=', pickupTrackingNo).execute();
    expect(reports).toEqual([{ kind: 'picked_up', outcome: 'applied', courier_id: fixture.courier.id }]);
    expect((await returnRow()).status).toBe('picked_up');
    await context.close();
  });

  it('staff receive it with everything accepted and refund it exactly once', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    // Signed in from a link to the returns desk, staff land back on it (the console itself opens on the dashboard).
    await page.goto(`${server.url}/ops/sign-in?redirect=/ops/returns`);
    await page.locator('[data-testid="ops-login"]').fill(fixture.staff.email);
    await page.locator('[data-testid="ops-password"]').fill(fixture.staff.password);
    await page.locator('[data-testid="ops-sign-in"]').click();
    await page.waitForURL('**/ops/returns**');

    // From the queue of returns on their way to the shop, found by its number.
    await page.locator('[data-testid="ops-queue-to_receive"]').click();
    await page.locator('[data-testid="ops-return-search"]').fill(returnNo);
    await page.locator('[data-testid="ops-return-filter"]').click();
    const row = page.locator('[data-testid="ops-return-row"]', { hasText: returnNo });
    await row.click();
    await page.waitForURL(`**/ops/returns/${returnNo}`);
    const detail = page.locator('[data-testid="ops-return"]');
    await expect.poll(() => detail.getAttribute('data-status'), SOON).toBe('picked_up');

    // Still on its way back: the desk explains and will not confirm receipt without an override.
    const blocked = page.locator('[data-testid="ops-receipt-blocked"]');
    await blocked.waitFor();
    expect(await blocked.getAttribute('data-receipt')).toBe('in_transit');
    expect(await page.locator('[data-testid="ops-receive"]').isDisabled()).toBe(true);
    const why = await page.locator('#ops-receipt-why').innerText();
    expect(why).toBe(zhOps.ops.inspect.not_arrived.in_transit);
    expect(await page.locator('[data-testid="ops-receive"]').getAttribute('aria-describedby')).toBe('ops-receipt-why');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The courier delivers it back to the shop (a delivered report on the return leg, over the real API).
    await courierDeliversBack(pickupTrackingNo);
    await page.reload();
    await expect.poll(() => detail.getAttribute('data-status'), SOON).toBe('picked_up');
    await expect.poll(() => blocked.count(), SOON).toBe(0);
    expect(await page.locator('[data-testid="ops-receive"]').isDisabled()).toBe(false);

    // Inspection: both units came back fine (the default), none damaged, none missing.
    const lines = page.locator('[data-testid="ops-inspect-line"]');
    await expect.poll(() => lines.count(), SOON).toBe(2);
    for (const line of await lines.all()) {
      expect(await line.locator('[data-testid="ops-inspect-accepted"]').inputValue()).toBe('1');
      expect(await line.locator('[data-testid="ops-inspect-damaged"]').inputValue()).toBe('0');
      expect(await line.locator('[data-testid="ops-inspect-missing"]').innerText()).toBe('0');
    }
    await page.locator('[data-testid="ops-receive"]').click();
    await expect.poll(() => detail.getAttribute('data-status'), SOON).toBe('received');
    const accepted = await db()
      .selectFrom('return_items')
      .select(['accepted_quantity', 'damaged_quantity'])
      .where('return_id', '=', (await returnRow()).id)
      .execute();
    expect(accepted).toEqual([
      { accepted_quantity: 1, damaged_quantity: 0 },
      { accepted_quantity: 1, damaged_quantity: 0 },
    ]);

    expect(await page.locator('[data-testid="ops-refund-amount"]').innerText()).toBe(EXPECTED_REFUND_TEXT);
    await page.locator('[data-testid="ops-refund"]').click();
    // A nervous double tap on the confirmation…
    await page.locator('[data-testid="ops-refund-confirm"]').dblclick();
    await expect.poll(() => detail.getAttribute('data-status'), SOON).toBe('refunded');
    // …and the same refund asked for again from another tab: the server answers, and pays nothing more.
    const again = await page.request.post(`${server.url}/api/ops/returns/${returnNo}/refund`);
    expect(again.status()).toBe(200);
    expect(((await again.json()) as { status: string }).status).toBe('refunded');

    const ret = await returnRow();
    const refunds = await db().selectFrom('refunds').select(['amount_fen', 'status', 'idempotency_key']).where('return_id', '=', ret.id).execute();
    expect(refunds).toEqual([{ amount_fen: EXPECTED_REFUND_FEN, status: 'succeeded', idempotency_key: expect.any(String) }]);
    const paid = await db().selectFrom('simulated_provider_refunds').select('amount_fen').where('idempotency_key', '=', refunds[0]!.idempotency_key).execute();
    expect(paid).toEqual([{ amount_fen: EXPECTED_REFUND_FEN }]);
    const refundedEvents = await db().selectFrom('return_events').select('id').where('return_id', '=', ret.id).where('status', '=', 'refunded').execute();
    expect(refundedEvents).toHaveLength(1);
    expect(ret.status).toBe('refunded');
    await context.close();
  });

  it('the customer’s return page shows it refunded, for exactly the amount quoted', async () => {
    const page = customerPage;
    await page.goto(`${server.url}/r/${returnNo}`);
    const status = page.locator('[data-testid="return-status"]');
    await expect.poll(() => status.getAttribute('data-status'), SOON).toBe('refunded');
    expect(await status.locator('h2').innerText()).toBe(RETURN_STATUS_LABELS.refunded['zh-CN']);

    const paid = page.locator('[data-testid="refund-paid"]');
    expect(await paid.getAttribute('data-status')).toBe('succeeded');
    expect(await paid.innerText()).toContain(zhReturns.returns.refund.paid.replace('{amount}', EXPECTED_REFUND_TEXT));
    // When the money should arrive: the provider's 1–3 working days from the day it was paid (in Shanghai).
    const arrival = page.locator('[data-testid="refund-arrival"]');
    const paidAt = (await db().selectFrom('refunds').select('completed_at').where('status', '=', 'succeeded').orderBy('id', 'desc').executeTakeFirstOrThrow()).completed_at!;
    const paidOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(paidAt);
    expect(await arrival.getAttribute('data-from')).toBe(addWorkingDays(paidOn, 1));
    expect(await arrival.getAttribute('data-to')).toBe(addWorkingDays(paidOn, 3));
    expect(await arrival.innerText()).toContain(calendarDayLabel(addWorkingDays(paidOn, 3), 'zh-CN'));
    // The settled breakdown (first) matches the quote shown before submitting.
    expect(await page.locator('[data-testid="return-refund"] [data-testid="refund-total"]').first().innerText()).toBe(EXPECTED_REFUND_TEXT);
    // The timeline says in words what the rules did, and shows no codes or raw amounts.
    const timeline = await page.locator('[data-testid="return-event"]').allInnerTexts();
    expect(timeline.join('\n')).not.toMatch(/auto_approved|pickup_failed|\b27022\b/);
    expect(await page.locator('[data-testid="return-event-fact"]').allInnerTexts()).toEqual([zhReturns.returns.fact.auto_approved]);
    await page.screenshot({ path: 'tests/.artifacts/return-refunded.png', fullPage: true });
    await customerContext.close();
  });
});
