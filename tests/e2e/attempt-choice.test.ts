import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDayLabel } from '../../client/components/returns/return-day-label';
import { attemptOptions } from '../../shared/tracking/attempt-choices';
import { launchBrowser } from '../support/browser';
import { startE2eServer } from '../support/e2e-server';

/**
 * A parcel the courier could not hand over: the customer, on a 360 px phone, reads when the
 * next try is, proves the parcel is theirs and picks another day with new instructions; the
 * choice is an event on the timeline and on the courier's stop. In Chinese and English.
 */

const SOON = { timeout: 15_000 };
const ARTIFACTS = 'tests/.artifacts';

let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const phone = (locale: string): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale, timezoneId: 'Asia/Shanghai' });

/** Demo parcels waiting after a failed attempt whose reason lets the customer choose and change instructions. */
async function waitingParcels() {
  const rows = await server.deps.db
    .selectFrom('shipments as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .innerJoin('couriers as c', 'c.id', 's.courier_id')
    .select(['s.id', 's.tracking_no', 'o.recipient_phone', 'c.phone as courier_phone'])
    .where('s.status', '=', 'AttemptFail')
    .where('s.leg', '=', 'delivery')
    .execute();
  const waiting = [];
  for (const row of rows) {
    const attempt = await server.deps.db
      .selectFrom('tracking_events')
      .select(['reason_code', 'occurred_at'])
      .where('shipment_id', '=', row.id)
      .where('status', '=', 'AttemptFail')
      .orderBy('occurred_at', 'desc')
      .executeTakeFirstOrThrow();
    if (attempt.reason_code === 'recipient_unavailable') waiting.push({ ...row, attemptedAt: Number(attempt.occurred_at) });
  }
  return waiting;
}

async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe('after a failed attempt, on a phone', () => {
  it.each(['zh-CN', 'en'])('%s: the customer sees the next try, picks another day with new instructions, and the courier’s stop shows it', async (locale) => {
    const parcels = await waitingParcels();
    const parcel = parcels[locale === 'zh-CN' ? 0 : 1];
    if (!parcel) throw new Error('the demo has too few parcels waiting after a failed attempt');
    const context = await phone(locale);
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/t/${parcel.tracking_no}`);
      const next = page.locator('[data-testid="attempt-next"]');
      await next.waitFor(SOON);
      // Before verifying: when the next try is, from the reason's next action, and how to choose.
      const options = attemptOptions('recipient_unavailable', parcel.attemptedAt, Date.now(), 'Asia/Shanghai');
      expect(await next.getAttribute('data-plan')).toBe('reattempt');
      expect(await page.locator('[data-testid="attempt-plan"]').getAttribute('data-day')).toBe(options.plannedDay);
      expect(await page.locator('[data-testid="attempt-plan"]').innerText()).toContain(calendarDayLabel(options.plannedDay!, locale));
      await page.locator('[data-testid="attempt-verify-hint"]').waitFor();
      expect(await page.locator('[data-testid="attempt-choice-form"]').count()).toBe(0);

      await page.locator('[data-testid="verify-input"]').fill(parcel.recipient_phone.slice(-4));
      await page.locator('[data-testid="verify-submit"]').click();
      const form = page.locator('[data-testid="attempt-choice-form"]');
      await form.waitFor(SOON);
      const day = options.days[2]!;
      await page.locator('[data-testid="attempt-day"]').selectOption(day);
      await page.locator('[data-testid="attempt-change-instructions"]').check();
      await page.locator('[data-testid="attempt-option-reception"]').check();
      await page.locator('[data-testid="attempt-note"]').fill('交给门卫');
      await fitsThePhone(page);
      await page.screenshot({ path: `${ARTIFACTS}/attempt-choice-${locale}.png`, fullPage: true });
      // One phone screen from the card's top, below the sticky header: for the README, when asked.
      await next.evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 72));
      await page.screenshot({ path: `${ARTIFACTS}/attempt-choice-${locale}-screen.png` });
      if (process.env.UPDATE_SCREENSHOTS === '1' && locale === 'zh-CN') copyFileSync(`${ARTIFACTS}/attempt-choice-${locale}-screen.png`, 'docs/screenshots/attempt-choice.png');
      await page.locator('[data-testid="attempt-submit"]').click();

      const made = page.locator('[data-testid="attempt-choice-made"]');
      await made.waitFor(SOON);
      expect(await made.getAttribute('data-day')).toBe(day);
      expect(await made.innerText()).toContain(calendarDayLabel(day, locale));
      // The choice is an event on the timeline, newest first.
      await expect.poll(() => page.locator('[data-testid="tracking-status"]').getAttribute('data-status'), SOON).toBe('InTransit');
      await fitsThePhone(page);
      await page.screenshot({ path: `${ARTIFACTS}/attempt-choice-made-${locale}.png`, fullPage: true });

      const stored = await server.deps.db.selectFrom('shipments').select(['sub_status', 'attempt_choice', 'delivery_instructions']).where('id', '=', parcel.id).executeTakeFirstOrThrow();
      expect(stored.sub_status).toBe('InTransit_009');
      expect(JSON.parse(stored.attempt_choice!)).toMatchObject({ kind: 'redeliver', day });
      expect(JSON.parse(stored.delivery_instructions!)).toEqual({ option: 'reception', note: '交给门卫' });

      // The courier's list shows the customer's day on the stop.
      const courier = await phone(locale);
      const courierPage = await courier.newPage();
      await courierPage.goto(`${server.url}/courier/sign-in`);
      await courierPage.locator('[data-testid="courier-login"]').fill(parcel.courier_phone);
      await courierPage.locator('[data-testid="courier-password"]').fill('courier123');
      await courierPage.locator('[data-testid="courier-sign-in"]').click();
      const hint = courierPage.locator(`[data-testid="stop"][data-tracking-no="${parcel.tracking_no}"] [data-testid="attempt-choice-hint"]`);
      await hint.waitFor({ state: 'attached', ...SOON });
      expect(await hint.getAttribute('data-kind')).toBe('redeliver');
      expect(await hint.innerText()).toContain(calendarDayLabel(day, locale));
      await courier.close();
    } finally {
      await context.close();
    }
  });
});
