import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourier } from '../support/accounts';
import { launchBrowser, newPhoneContext } from '../support/browser';
import { courierWithStops } from '../support/courier-e2e-fixture';
import { startE2eServer } from '../support/e2e-server';
import type { ParcelFixture } from '../support/factories';
import { startCuttableNetwork } from '../support/network-cut';

let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let courier: Awaited<ReturnType<typeof courierWithStops>>['courier'];
let parcels: ParcelFixture[];
let photo: Buffer;
let network: Awaited<ReturnType<typeof startCuttableNetwork>>;
/** Where the phone reaches the server: through the relay that can lose the signal. */
let origin: string;

beforeAll(async () => {
  server = await startE2eServer();
  network = await startCuttableNetwork(server.port);
  origin = network.url;
  browser = await launchBrowser();
  ({ courier, parcels } = await courierWithStops(server.deps.db, 13));
  // A real image for the camera input: a screenshot is a PNG the phone can decode and compress.
  const page = await browser.newPage({ viewport: { width: 320, height: 240 } });
  await page.setContent('<body style="background:linear-gradient(#2563eb,#f59e0b)"><h1>包裹</h1></body>');
  photo = await page.screenshot({ type: 'png' });
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await network?.close();
  await server?.dispose();
});

const db = () => server.deps.db;

/** No signal: pages are offline and nothing, not even the service worker, reaches the server. */
async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
  network.cut();
}

async function goOnline(context: BrowserContext) {
  network.restore();
  await context.setOffline(false);
}
const stop = (page: Page, p: ParcelFixture) => page.locator(`[data-testid="stop"][data-tracking-no="${p.trackingNo}"]`);
const waiting = async (page: Page) => Number(await page.locator('[data-testid="sync-status"][data-waiting]').getAttribute('data-waiting'));

async function signIn(context: BrowserContext, as = courier): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/courier/sign-in`);
  await page.locator('[data-testid="courier-login"]').fill(as.phone);
  await page.locator('[data-testid="courier-password"]').fill(as.password);
  await page.locator('[data-testid="courier-sign-in"]').click();
  if (as !== courier) return page;
  // Attached, not visible: once delivered (by an earlier test) it is folded among the done stops.
  await stop(page, parcels[0]!).waitFor({ state: 'attached' });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  return page;
}

type Action =
  | { kind: 'out_for_delivery' | 'picked_up' }
  | { kind: 'delivered'; recipient: string; photo: boolean; signature?: boolean }
  | { kind: 'failed_attempt'; reason: string }
  | { kind: 'exception'; reason: string; note: string; photo: boolean };

/** Signs on the pad with a finger: one stroke across it. */
async function drawSignature(page: Page) {
  const pad = page.locator('[data-testid="report-signature"]');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.3, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.7, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.locator('.signature__clear').isEnabled()).toBe(true);
}

/** Records one report through the stop page, as a courier would with gloves on. */
async function record(page: Page, p: ParcelFixture, action: Action) {
  await page.goto(`${origin}/courier/stops/${p.trackingNo}`);
  await page.locator(`[data-testid="report-${action.kind}"]`).click();
  if (action.kind === 'delivered') {
    await page.locator('[data-testid="report-recipient"]').fill(action.recipient);
    if (action.photo) await page.locator('[data-testid="report-photo"]').setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: photo });
    if (action.signature) await drawSignature(page);
  }
  if (action.kind === 'failed_attempt' || action.kind === 'exception') {
    await page.locator('[data-testid="report-reason"]').selectOption(action.reason);
  }
  if (action.kind === 'exception') {
    await page.locator('[data-testid="report-note"]').fill(action.note);
    if (action.photo) await page.locator('[data-testid="report-photo"]').setInputFiles({ name: 'damage.png', mimeType: 'image/png', buffer: photo });
  }
  // Saved on the phone: waiting to go out, or, with a signal, already taken by the server (a
  // send can finish between two polls of the waiting count, which then never shows it).
  const saved = async () => (await waiting(page)) + (await reportsOnServer(p, action.kind));
  const before = await saved();
  await page.locator('[data-testid="report-save"]').click();
  await expect.poll(saved).toBeGreaterThan(before);
}

async function reportsOnServer(p: ParcelFixture, kind: Action['kind']): Promise<number> {
  const row = await db().selectFrom('courier_reports').select((eb) => eb.fn.countAll<number>().as('n')).where('tracking_no', '=', p.trackingNo).where('kind', '=', kind).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function eventsFromCouriers(trackingNos: string[]) {
  return db()
    .selectFrom('tracking_events as e')
    .innerJoin('shipments as s', 's.id', 'e.shipment_id')
    .select(['s.tracking_no', 'e.status', 'e.occurred_at', 'e.recorded_at', 'e.report_id', 'e.photo_id'])
    .where('s.tracking_no', 'in', trackingNos)
    .where('e.actor_type', '=', 'courier')
    .orderBy('e.id')
    .execute();
}

describe('a courier works offline', () => {
  it('records 20 reports with no signal, survives a reload, and every one is applied exactly once', async () => {
    const context = await newPhoneContext(browser);
    const page = await signIn(context);
    const day = parcels.slice(0, 8);
    await goOffline(context);

    const plan: Array<[ParcelFixture, Action]> = [
      ...day.map((p): [ParcelFixture, Action] => [p, { kind: 'out_for_delivery' }]),
      ...day.slice(0, 5).map((p): [ParcelFixture, Action] => [p, { kind: 'delivered', recipient: '本人', photo: true }]),
      [day[5]!, { kind: 'failed_attempt', reason: 'recipient_unavailable' }],
      [day[5]!, { kind: 'out_for_delivery' }],
      [day[5]!, { kind: 'delivered', recipient: '门卫', photo: true }],
      [day[6]!, { kind: 'exception', reason: 'parcel_damaged', note: '外箱压坏，内件待核实', photo: true }],
      [day[7]!, { kind: 'failed_attempt', reason: 'phone_unreachable' }],
      [day[7]!, { kind: 'out_for_delivery' }],
      [day[7]!, { kind: 'failed_attempt', reason: 'recipient_rescheduled' }],
    ];
    expect(plan).toHaveLength(20);
    const recordedAt: number[] = [];
    for (const [p, action] of plan) {
      recordedAt.push(Date.now());
      await record(page, p, action);
    }

    // A reload with no signal: the queue and the photos are still on the phone.
    await page.reload();
    await page.goto(`${origin}/courier`);
    await expect.poll(() => waiting(page)).toBe(20);
    expect(await stop(page, day[0]!).getAttribute('data-pending')).toBe('true');
    expect(await stop(page, day[0]!).getAttribute('data-status')).toBe('Delivered');
    expect(await eventsFromCouriers(day.map((p) => p.trackingNo))).toEqual([]);
    await page.screenshot({ path: 'tests/.artifacts/courier-offline.png', fullPage: true });

    // The outbox says, for each waiting report, whom the stop is for and what was reported.
    await page.locator('[data-testid="outbox-link"]').click();
    const entry = (p: ParcelFixture, kind: string) => page.locator(`[data-testid="outbox-entry"][data-tracking-no="${p.trackingNo}"][data-kind="${kind}"]`);
    await expect.poll(() => page.locator('[data-testid="outbox-entry"]').count()).toBe(20);
    expect(await entry(day[5]!, 'delivered').locator('[data-testid="outbox-recipient"]').innerText()).toBe('王小明');
    expect(await entry(day[5]!, 'delivered').locator('[data-testid="outbox-report"]').innerText()).toBe('已签收：门卫');
    expect(await entry(day[7]!, 'failed_attempt').first().locator('[data-testid="outbox-report"]').innerText()).toBe('未送达：电话无人接听');
    expect(await entry(day[6]!, 'exception').locator('.waiting__note').innerText()).toContain('外箱压坏');
    await page.goto(`${origin}/courier`);

    await goOnline(context);
    await expect.poll(() => waiting(page), { timeout: 60_000 }).toBe(0);

    const events = await eventsFromCouriers(day.map((p) => p.trackingNo));
    expect(events).toHaveLength(20);
    expect(new Set(events.map((e) => e.report_id)).size).toBe(20);
    // The time each happened on the phone, not when the server heard of it.
    for (const e of events) expect(e.recorded_at - e.occurred_at).toBeGreaterThan(0);
    expect(events.filter((e) => e.photo_id).length).toBe(7);
    const statuses = await db().selectFrom('shipments').select(['tracking_no', 'status']).where('tracking_no', 'in', day.map((p) => p.trackingNo)).execute();
    const statusOf = new Map(statuses.map((s) => [s.tracking_no, s.status]));
    expect(day.map((p) => statusOf.get(p.trackingNo))).toEqual([...Array(6).fill('Delivered'), 'Exception', 'AttemptFail']);

    // The customer sees the courier's reports at the phone's times.
    const customer = await context.newPage();
    await customer.goto(`${origin}/t/${day[0]!.trackingNo}`);
    await expect.poll(() => customer.locator('[data-testid="tracking-status"]').getAttribute('data-status')).toBe('Delivered');
    const view = await (await fetch(`${server.url}/api/track/${day[0]!.trackingNo}`)).json();
    const deliveredEvent = events.find((e) => e.tracking_no === day[0]!.trackingNo && e.status === 'Delivered')!;
    expect(view.events[0].occurredAt).toBe(deliveredEvent.occurred_at);
    await context.close();
  });

  it('keeps reports through a server error and a lost answer, and applies them once', async () => {
    const context = await newPhoneContext(browser);
    const page = await signIn(context);
    const p = parcels[8]!;
    let syncCalls = 0;
    // First answer: the server fails. Second: the server applies, but the answer is lost on the way.
    // On the context, so the service worker's Background Sync requests are caught too.
    await context.route('**/api/courier/sync', async (route) => {
      syncCalls++;
      if (syncCalls === 1) return route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"internal_error","message":"boom"}}' });
      if (syncCalls === 2) {
        await route.fetch();
        return route.fulfill({ status: 502, body: 'bad gateway' });
      }
      return route.continue();
    });
    await record(page, p, { kind: 'out_for_delivery' });
    await expect.poll(() => waiting(page), { timeout: 90_000 }).toBe(0);
    expect(syncCalls).toBeGreaterThanOrEqual(3);
    const events = await eventsFromCouriers([p.trackingNo]);
    expect(events).toHaveLength(1);
    const stored = await db().selectFrom('courier_reports').select(['outcome']).where('tracking_no', '=', p.trackingNo).execute();
    expect(stored).toEqual([{ outcome: 'applied' }]);
    await context.close();
  });

  it('uploads a photo once when its answer is lost, and the report names the id the server made', async () => {
    const context = await newPhoneContext(browser);
    const page = await signIn(context);
    const p = parcels[11]!;
    const photoCount = async () => Number((await db().selectFrom('uploads').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await photoCount();
    let uploadCalls = 0;
    // The first upload reaches the server but its answer is lost: the phone does not know the id yet.
    await context.route('**/api/uploads', async (route) => {
      uploadCalls++;
      if (uploadCalls === 1) {
        await route.fetch();
        return route.fulfill({ status: 502, body: 'bad gateway' });
      }
      return route.continue();
    });
    await record(page, p, { kind: 'out_for_delivery' });
    await record(page, p, { kind: 'delivered', recipient: '本人', photo: true });
    await expect.poll(() => waiting(page), { timeout: 90_000 }).toBe(0);
    expect(uploadCalls).toBeGreaterThanOrEqual(2);

    // Sent again under the phone's key, it is still one photo, and the report was applied with its server id.
    expect(await photoCount()).toBe(before + 1);
    const delivered = (await eventsFromCouriers([p.trackingNo])).find((e) => e.status === 'Delivered')!;
    const kept = await db().selectFrom('uploads').select(['id', 'client_key', 'shipment_id']).where('id', '=', delivered.photo_id!).executeTakeFirstOrThrow();
    expect(kept.shipment_id).toBe(p.shipmentId);
    expect(kept.client_key).not.toBe(kept.id);
    await context.unroute('**/api/uploads');
    await context.close();
  });

  it('sends the signature the receiver drew, and the verified customer sees it with the receiver’s name and role', async () => {
    const context = await newPhoneContext(browser);
    const page = await signIn(context);
    const p = parcels[12]!;
    await goOffline(context);
    await record(page, p, { kind: 'out_for_delivery' });
    await record(page, p, { kind: 'delivered', recipient: '门卫王师傅', photo: true, signature: true });
    await goOnline(context);
    await expect.poll(() => waiting(page), { timeout: 60_000 }).toBe(0);

    const customer = await context.newPage();
    await customer.goto(`${origin}/t/${p.trackingNo}`);
    await customer.locator('[data-testid="verify-input"]').fill(p.phone.slice(-4));
    await customer.locator('[data-testid="verify-submit"]').click();
    await customer.locator('[data-testid="verified-details"]').waitFor();
    expect(await customer.locator('[data-testid="proof-receiver"]').innerText()).toBe('门卫王师傅');
    expect(await customer.locator('[data-testid="proof-role"]').innerText()).toBe('门卫');
    const signature = customer.locator('[data-testid="proof-signature"]');
    await signature.scrollIntoViewIfNeeded();
    expect(await signature.getAttribute('alt')).toBe('签收人的手写签名');
    // Loaded and drawn: the server let this customer have the bytes.
    await expect.poll(() => signature.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await context.close();
  });

  it('shows a conflict when the parcel was given to another courier while this one was offline', async () => {
    const context = await newPhoneContext(browser);
    const page = await signIn(context);
    const p = parcels[9]!;
    await goOffline(context);
    await record(page, p, { kind: 'out_for_delivery' });
    // Meanwhile, dispatch moves the stop to someone else.
    const other = await db().insertInto('couriers').values({ name: '另一位', phone: '17700009999', password_hash: 'x', city: '深圳市', active: 1, created_at: 0 }).returning('id').executeTakeFirstOrThrow();
    await db().updateTable('shipments').set((eb) => ({ courier_id: other.id, version: eb('version', '+', 1) })).where('tracking_no', '=', p.trackingNo).execute();
    await goOnline(context);
    await expect.poll(() => waiting(page), { timeout: 60_000 }).toBe(0);

    await page.goto(`${origin}/courier/outbox`);
    const problem = page.locator('[data-testid="problem"][data-code="reassigned"]');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/\S/);
    await page.screenshot({ path: 'tests/.artifacts/courier-conflict.png', fullPage: true });
    expect(await eventsFromCouriers([p.trackingNo])).toEqual([]);
    await context.close();
  });

  it('keeps one courier’s waiting reports from going out under another courier on a shared phone', async () => {
    const context = await newPhoneContext(browser);
    const page = await signIn(context);
    const p = parcels[10]!;
    await goOffline(context);
    await record(page, p, { kind: 'exception', reason: 'weather_delay', note: '暴雨封路', photo: false });
    await page.goto(`${origin}/courier`);
    await expect.poll(() => waiting(page)).toBe(1);
    // The signal is back but sends keep failing, and the courier signs out with the report waiting.
    await context.route('**/api/courier/sync', (route) => route.abort('connectionfailed'));
    await goOnline(context);
    await page.locator('[data-testid="courier-sign-out"]').click();
    await page.locator('[data-testid="courier-sign-out-confirm"]').click();
    await context.unroute('**/api/courier/sync');

    const colleague = await createCourier(db(), { phone: '17700005555' });
    await page.goto(`${origin}/courier/sign-in`);
    await page.locator('[data-testid="courier-login"]').fill(colleague.phone);
    await page.locator('[data-testid="courier-password"]').fill(colleague.password);
    await page.locator('[data-testid="courier-sign-in"]').click();
    await page.locator('[data-testid="sign-in-error"]').waitFor();
    expect(await db().selectFrom('courier_reports').select('id').where('tracking_no', '=', p.trackingNo).where('kind', '=', 'exception').execute()).toEqual([]);

    // The courier who made it signs in again, and it goes out under their name.
    await page.locator('[data-testid="courier-login"]').fill(courier.phone);
    await page.locator('[data-testid="courier-password"]').fill(courier.password);
    await page.locator('[data-testid="courier-sign-in"]').click();
    await expect.poll(() => waiting(page), { timeout: 60_000 }).toBe(0);
    const sent = await db().selectFrom('courier_reports').select(['courier_id', 'outcome']).where('tracking_no', '=', p.trackingNo).where('kind', '=', 'exception').execute();
    expect(sent).toEqual([{ courier_id: courier.id, outcome: 'applied' }]);
    await context.close();
  });
});
