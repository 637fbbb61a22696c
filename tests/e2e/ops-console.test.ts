import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUpList } from '../../shared/api/feedback';
import type { KpiReport, ProcessMap } from '../../shared/api/ops-analytics';
import type { OpenExceptionList } from '../../shared/api/ops-desk';
import { launchBrowser } from '../support/browser';
import { startE2eServer } from '../support/e2e-server';

/**
 * An operations manager's morning on a phone, against the real server and the demo data: sign
 * in, read the dashboard and the process map (the same figures the API gives, drawn), then work
 * the to-do list: act on a parcel stuck in an exception (an event lands in its log), and record
 * a call-back to an unhappy customer, whose tracking page then shows the shop's response.
 * The steps share the one session and run in order.
 */

const SOON = { timeout: 15_000 };
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = 'tests/.artifacts';

let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let staff: BrowserContext;
let page: Page;

/** A 360 px phone (the narrowest the console is built for), Chinese first, Beijing time. */
function phoneContext(locale = 'zh-CN'): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 780 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
    timezoneId: 'Asia/Shanghai',
  });
}

/** A call with the page's own session, so the test compares the screen with what the API says. */
async function apiFromPage<T>(path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }, path) as Promise<T>;
}

/**
 * The whole page into the artifacts; for the README, one phone screen showing `top` (a full
 * dashboard is ten screens long, and the first one is what a manager reads).
 */
async function screenshot(name: string, publish?: { as: string; top: string }) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  if (!publish) return;
  // Below the app's sticky header.
  await page.locator(publish.top).evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 72));
  const path = `${ARTIFACTS}/${name}-screen.png`;
  await page.screenshot({ path });
  // Only when asked: a test run should not rewrite tracked files.
  if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(path, `docs/screenshots/${publish.as}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function seriousAxeViolations() {
  const result = (await page.evaluate(`${axeSource}\n;axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  staff = await phoneContext();
  page = await staff.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const db = () => server.deps.db;

describe('the ops console on a phone', () => {
  it('a staff member signs in and lands on the dashboard, which shows the range’s real figures and where time is lost', async () => {
    await page.goto(`${server.url}/ops`);
    await page.waitForURL('**/ops/sign-in**');
    await page.locator('[data-testid="ops-login"]').fill('ops@doorstep.demo');
    await page.locator('[data-testid="ops-password"]').fill('ops12345');
    await page.locator('[data-testid="ops-sign-in"]').click();
    await page.waitForURL('**/ops/dashboard**');

    const body = page.locator('[data-testid="ops-dashboard-body"]');
    await body.waitFor(SOON);
    const from = (await body.getAttribute('data-from'))!;
    const to = (await body.getAttribute('data-to'))!;
    const report = await apiFromPage<KpiReport>(`/api/ops/kpis?from=${from}&to=${to}`);
    // The demo's 30 days: parcels were ordered, delivered, some went wrong and some came back.
    expect(report.daily).toHaveLength(30);
    expect(report.totals.orders).toBeGreaterThan(0);
    expect(report.totals.delivered).toBeGreaterThan(0);
    expect(report.exceptionsByReason.length).toBeGreaterThan(0);

    const tile = (key: string) => page.locator(`[data-testid="ops-kpi-${key}"]`);
    expect(Number(await tile('orders').getAttribute('data-value'))).toBe(report.totals.orders);
    expect(await tile('orders').locator('.tile__value').innerText()).toBe(report.totals.orders.toLocaleString('zh-CN'));
    expect(Number(await tile('shipments').getAttribute('data-value'))).toBe(report.totals.shipments);
    expect(Number(await tile('on_time').getAttribute('data-value'))).toBe(report.totals.onTimeRate);
    expect(await tile('on_time').locator('.tile__value').innerText()).toBe(`${Math.round(report.totals.onTimeRate! * 100)}%`);
    expect(Number(await tile('refunds').getAttribute('data-value'))).toBe(report.totals.refundsFen);

    // The first line names the slowest step of the process map in words.
    const map = await apiFromPage<ProcessMap>(`/api/ops/process-map?from=${from}&to=${to}`);
    const slowest = map.edges.find((e) => e.slowest);
    expect(slowest).toBeDefined();
    const lossText = await page.locator('[data-testid="ops-time-loss-edge"]').innerText();
    const { STATUS_LABELS } = await import('../../shared/tracking/statuses');
    expect(lossText).toContain(STATUS_LABELS[slowest!.from as keyof typeof STATUS_LABELS]['zh-CN']);
    expect(lossText).toContain(STATUS_LABELS[slowest!.to as keyof typeof STATUS_LABELS]['zh-CN']);

    // Charts are drawn (uPlot's canvas), bars are one per reason, each table has its CSV.
    await expect.poll(() => page.locator('[data-testid="ops-chart-volume"] canvas').count(), SOON).toBeGreaterThan(0);
    // Untouched, the legend speaks of the latest day, not a row of dashes that reads as "no data".
    const legendValues = await page.locator('[data-testid="ops-chart-volume"] .u-legend .u-value').allInnerTexts();
    expect(legendValues.length).toBeGreaterThan(1);
    expect(legendValues.filter((v) => v.trim() === '—' || v.trim() === '')).toEqual([]);
    expect(await page.locator('[data-testid="ops-chart-exceptions"] [data-testid="ops-bar-row"]').count()).toBe(report.exceptionsByReason.length);
    expect(await page.locator('[data-testid="ops-chart-stages"] [data-testid="ops-bar-row"]').count()).toBe(5);
    const csvHref = await page.locator('[data-testid="ops-chart-exceptions"] [data-testid="ops-csv-link"]').getAttribute('href');
    const csv = await page.evaluate(async (url) => (await fetch(url!)).text(), csvHref);
    expect(csv.split('\n').filter(Boolean).length).toBe(report.exceptionsByReason.length + 1);

    // Nothing sticks out sideways on a 360 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations()).toEqual([]);
    await screenshot('ops-dashboard', { as: 'ops-dashboard', top: '[data-testid="ops-time-loss"]' });
  });

  it('the process map draws the order’s steps, the nine statuses and the steps between them, with the slowest in red', async () => {
    await page.locator('[data-testid="ops-nav-process-map"]').click();
    await page.waitForURL('**/ops/process-map**');
    const diagram = page.locator('[data-testid="ops-process-map-diagram"]');
    await diagram.waitFor(SOON);
    const shipments = Number(await page.locator('[data-testid="ops-map-body"]').getAttribute('data-shipments'));
    const from = (await page.locator('[data-testid="ops-range-current"]').innerText()).match(/\d{4}-\d{2}-\d{2}/g)!;
    const map = await apiFromPage<ProcessMap>(`/api/ops/process-map?from=${from[0]}&to=${from[1]}`);
    expect(shipments).toBe(map.shipments);
    expect(shipments).toBeGreaterThan(0);

    const nodes = diagram.locator('[data-testid="ops-map-node"]');
    // The nine parcel statuses, and the order's steps before the parcel (placed … handed over, cancelled).
    expect(await nodes.count()).toBe(15);
    expect(map.nodes.map((n) => n.status)).toContain('Packed');
    for (const node of map.nodes) {
      expect(Number(await diagram.locator(`[data-testid="ops-map-node"][data-status="${node.status}"]`).getAttribute('data-count'))).toBe(node.count);
    }
    expect(await diagram.locator('[data-testid="ops-map-edge"]').count()).toBe(map.edges.length);
    const slowest = map.edges.find((e) => e.slowest)!;
    const red = diagram.locator('[data-testid="ops-map-edge"][data-slowest="true"]');
    expect(await red.count()).toBe(1);
    expect(await red.getAttribute('data-from')).toBe(slowest.from);
    expect(await red.getAttribute('data-to')).toBe(slowest.to);
    // The two rework loops of the demo are drawn as such.
    expect(await diagram.locator('[data-testid="ops-map-edge"][data-from="AttemptFail"][data-to="OutForDelivery"]').getAttribute('data-rework')).toBe('true');
    expect(await diagram.locator('[data-testid="ops-map-edge"][data-from="Exception"][data-to="InTransit"]').getAttribute('data-rework')).toBe('true');
    // And the same steps as a table, for a screen reader.
    expect(await page.locator('[data-testid="ops-map-table"] tbody tr').count()).toBe(map.edges.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations()).toEqual([]);
    await screenshot('ops-process-map', { as: 'ops-process-map', top: '[data-testid="ops-map-summary"]' });
  });

  it('a parcel stuck in an exception is sent out again tomorrow, and the event is in its log', async () => {
    await page.locator('[data-testid="ops-nav-queues"]').click();
    await page.waitForURL('**/ops/queues**');
    const open = await apiFromPage<OpenExceptionList>('/api/ops/exceptions');
    expect(open.exceptions.length).toBeGreaterThan(0);
    const cards = page.locator('[data-testid="ops-exception"]');
    await expect.poll(() => cards.count(), SOON).toBe(open.exceptions.length);
    expect(await seriousAxeViolations()).toEqual([]);

    const card = cards.first();
    const trackingNo = (await card.getAttribute('data-tracking-no'))!;
    expect(trackingNo).toBe(open.exceptions[0]!.trackingNo);
    await card.locator('[data-testid="ops-exception-action-reattempt_tomorrow"]').click();
    await card.locator('[data-testid="ops-exception-note"]').fill('客户说明天在家');
    await card.locator('[data-testid="ops-exception-confirm-submit"]').click();
    await expect.poll(() => card.getAttribute('data-state'), SOON).toBe('reattempt_tomorrow');
    await card.locator('[data-testid="ops-exception-done"]').waitFor();

    const shipment = await db().selectFrom('shipments').select(['id', 'status', 'sub_status']).where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow();
    expect(shipment).toMatchObject({ status: 'InTransit', sub_status: 'InTransit_008' });
    const last = await db()
      .selectFrom('tracking_events')
      .select(['status', 'sub_status', 'actor_type', 'note'])
      .where('shipment_id', '=', shipment.id)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ status: 'InTransit', sub_status: 'InTransit_008', actor_type: 'staff', note: '客户说明天在家' });
    await screenshot('ops-queues-exception-done');
  });

  it('a call-back to an unhappy customer is recorded, and the customer’s tracking page shows the shop’s response', async () => {
    const list = await apiFromPage<FollowUpList>('/api/ops/follow-ups?status=open');
    const target = list.followUps.find((f) => f.kind === 'negative_feedback' && f.feedback !== null);
    expect(target).toBeDefined();
    // Overdue ones are marked in red on the page, as many as the server says.
    const overdue = list.followUps.filter((f) => f.overdue).length;
    await expect.poll(() => page.locator('[data-testid="ops-follow-up"][data-overdue="true"]').count(), SOON).toBe(overdue);

    const card = page.locator(`[data-testid="ops-follow-up"][data-id="${target!.id}"]`);
    await card.scrollIntoViewIfNeeded();
    await card.locator('[data-testid="ops-follow-up-open"]').click();
    await card.locator('[data-testid="ops-follow-up-outcome-resend_offered"]').check();
    await card.locator('[data-testid="ops-follow-up-note"]').fill('已致电，客户同意补发');
    const response = '非常抱歉，我们今天为您补发一件新的。';
    await card.locator('[data-testid="ops-follow-up-customer-note"]').fill(response);
    await card.locator('[data-testid="ops-follow-up-submit"]').click();
    await expect.poll(() => card.getAttribute('data-status'), SOON).toBe('done');
    expect(await card.locator('[data-testid="ops-follow-up-done"]').innerText()).toContain(response);

    const row = await db().selectFrom('follow_ups').selectAll().where('id', '=', target!.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'done', outcome: 'resend_offered', outcome_note: '已致电，客户同意补发', customer_note: response });
    expect(row.resolved_by).not.toBeNull();
    await screenshot('ops-queues-follow-up-done');

    // The customer, on their own phone, proves the parcel is theirs and reads the answer.
    const customer = await phoneContext();
    const customerPage = await customer.newPage();
    await customerPage.goto(`${server.url}/t/${target!.shipment.trackingNo}`);
    await customerPage.locator('[data-testid="verify-input"]').fill(target!.customer.phone.slice(-4));
    await customerPage.locator('[data-testid="verify-submit"]').click();
    const shown = customerPage.locator('[data-testid="feedback-response"]');
    await shown.waitFor(SOON);
    expect(await shown.innerText()).toContain(response);
    await customerPage.screenshot({ path: `${ARTIFACTS}/ops-follow-up-customer-view.png`, fullPage: true });
    await customer.close();
  });

  it('every page of the console fits a 360 px phone: all tabs in view, no sideways page scroll, wide tables and the map in their own box', async () => {
    await page.goto(`${server.url}/ops/dashboard`);
    await page.locator('[data-testid="ops-nav-settings"]').waitFor(SOON);
    // Every tab is on the screen (they wrap; none is hidden past the edge).
    for (const tab of ['dashboard', 'process-map', 'queues', 'orders', 'inventory', 'returns', 'claims', 'couriers', 'settings', 'api-keys']) {
      const box = (await page.locator(`[data-testid="ops-nav-${tab}"]`).boundingBox())!;
      expect(box.x, tab).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, tab).toBeLessThanOrEqual(360);
    }
    const { returns } = await apiFromPage<{ returns: Array<{ returnNo: string }> }>('/api/demo');
    const { orders } = await apiFromPage<{ orders: Array<{ orderNo: string }> }>('/api/ops/orders?status=paid');
    const stockViews = ['ledger', 'documents', 'receipt', 'transfer', 'csv'].map((view) => `inventory?view=${view}`);
    for (const path of ['dashboard', 'process-map', 'queues', 'orders', `orders/${orders[0]!.orderNo}`, 'inventory', ...stockViews, 'returns', 'claims', 'couriers', 'settings', 'api-keys', `returns/${returns[0]!.returnNo}`]) {
      await page.goto(`${server.url}/ops/${path}`);
      await page.locator('h1').first().waitFor(SOON);
      await page.waitForLoadState('networkidle');
      // Nothing sticks out past the screen unless a box of its own scrolls it.
      const sticking = await page.evaluate(() => {
        const inScrollBox = (element: Element) => {
          for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {
            if (/(auto|scroll|hidden)/.test(getComputedStyle(a).overflowX)) return true;
          }
          return false;
        };
        return Array.from(document.querySelectorAll('body *'))
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !inScrollBox(e))
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      });
      expect(sticking, path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }

    // The map fits the screen at first; zooming shows it full size in a box that pans.
    await page.goto(`${server.url}/ops/process-map`);
    const diagram = page.locator('[data-testid="ops-process-map-diagram"]');
    await diagram.waitFor(SOON);
    for (const node of await diagram.locator('[data-testid="ops-map-node"]').all()) {
      const box = (await node.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    const zoom = page.locator('[data-testid="ops-map-zoom"]');
    await zoom.click();
    expect(await diagram.getAttribute('data-zoomed')).toBe('true');
    expect(await zoom.getAttribute('aria-pressed')).toBe('true');
    const svgWidth = await diagram.locator('svg.map__svg').evaluate((svg) => svg.getBoundingClientRect().width);
    expect(svgWidth).toBeGreaterThan(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot('ops-process-map-zoomed');
    await zoom.click();
    expect(await diagram.getAttribute('data-zoomed')).toBe('false');
  });
});
