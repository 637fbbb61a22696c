import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUpList, FollowUpView } from '../../shared/api/feedback';
import { FEEDBACK_CATEGORY_LABELS, type FeedbackCategory } from '../../shared/feedback/feedback-categories';
import { launchBrowser, newPhoneContext } from '../support/browser';
import { startE2eServer } from '../support/e2e-server';

/**
 * A staff member on a phone reads a call-back whose categories the classifier got wrong,
 * corrects them in the card, and sees the new ones at once and after a reload; the database
 * keeps the correction with who made it. Against the real server and the demo data; the steps
 * share one session and run in order.
 */

const SOON = { timeout: 15_000 };
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = 'tests/.artifacts';
/** The narrowest phone the console is built for, in English (the longest labels). */
const ENGLISH_PHONE = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en', timezoneId: 'Asia/Shanghai' };
const CANDIDATES: FeedbackCategory[] = ['wrong_place', 'courier_behaviour', 'packaging', 'delivery_late', 'tracking_not_updating'];

let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let staff: BrowserContext;
let page: Page;
let target: FollowUpView;
let corrected: FeedbackCategory[];

const db = () => server.deps.db;
const card = (p: Page = page) => p.locator(`[data-testid="ops-follow-up"][data-id="${target.id}"]`);
const shownCategories = (p: Page = page) => card(p).locator('[data-testid="ops-feedback-categories"] li').evaluateAll((items) => items.map((i) => i.getAttribute('data-category')));
const storedCategories = async () =>
  (await db().selectFrom('feedback_categories').select('category').where('feedback_id', '=', target.feedback!.id).orderBy('id').execute()).map((r) => r.category);

async function seriousAxeViolations(p: Page = page) {
  const result = (await p.evaluate(`${axeSource}\n;axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startE2eServer();
  browser = await launchBrowser();
  staff = await newPhoneContext(browser);
  page = await staff.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('staff correct a feedback’s categories on a phone', () => {
  it('opens the editor on a call-back with the current categories ticked, focus inside, axe-clean', async () => {
    await page.goto(`${server.url}/ops/queues`);
    await page.waitForURL('**/ops/sign-in**');
    await page.locator('[data-testid="ops-login"]').fill('ops@doorstep.demo');
    await page.locator('[data-testid="ops-password"]').fill('ops12345');
    await page.locator('[data-testid="ops-sign-in"]').click();
    // Back where it was going (the sign-in page's own address names it too).
    await page.waitForURL((url) => url.pathname === '/ops/queues');

    const list = (await page.evaluate(async () => (await fetch('/api/ops/follow-ups?status=open')).json())) as FollowUpList;
    target = list.followUps.find((f) => f.kind === 'negative_feedback' && f.feedback !== null && f.feedback.categories.length > 0)!;
    expect(target).toBeDefined();
    expect(target.feedback!.correctedBy).toBeNull();
    corrected = CANDIDATES.filter((c) => !target.feedback!.categories.includes(c)).slice(0, 2);

    await card().waitFor(SOON);
    await card().scrollIntoViewIfNeeded();
    expect(await shownCategories()).toEqual(target.feedback!.categories);
    const open = card().locator('[data-testid="ops-feedback-correct"]');
    expect(await open.innerText()).toBe('更正分类');
    await open.click();

    const editor = card().locator('[data-testid="ops-feedback-category-editor"]');
    await editor.waitFor(SOON);
    expect(await editor.locator('input[type="checkbox"]').count()).toBe(15);
    for (const c of target.feedback!.categories) expect(await editor.locator(`[data-testid="ops-feedback-category-${c}"]`).isChecked(), c).toBe(true);
    // Focus went into the editor, on a ticked chip.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked)).toBe(true);
    expect(await editor.evaluate((e) => e.contains(document.activeElement))).toBe(true);
    // Each chip names its category in the page's language.
    expect(await editor.locator('label', { hasText: FEEDBACK_CATEGORY_LABELS.wrong_place['zh-CN'] }).count()).toBe(1);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations()).toEqual([]);
    // The phone's screen with the editor on it, the card's top just below the sticky header.
    await card().evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 72));
    await page.screenshot({ path: `${ARTIFACTS}/ops-feedback-correction-editor-zh.png` });
  });

  it('says inline what is wrong with a set the rule refuses, and sends nothing', async () => {
    const editor = card().locator('[data-testid="ops-feedback-category-editor"]');
    await editor.locator('[data-testid="ops-feedback-category-other"]').check();
    await editor.locator('[data-testid="ops-feedback-category-save"]').click();
    const problem = editor.locator('[data-testid="ops-feedback-category-problem"]');
    await problem.waitFor(SOON);
    expect(await problem.getAttribute('role')).toBe('alert');
    expect(await problem.innerText()).toContain('“其他”');
    expect(await db().selectFrom('feedback_corrections').selectAll().execute()).toEqual([]);
    expect(await storedCategories()).toEqual(target.feedback!.categories);
  });

  it('saves the new set: the card shows it with who corrected it, the database keeps the correction', async () => {
    const editor = card().locator('[data-testid="ops-feedback-category-editor"]');
    for (const c of [...target.feedback!.categories, 'other']) await editor.locator(`[data-testid="ops-feedback-category-${c}"]`).uncheck();
    for (const c of corrected) await editor.locator(`[data-testid="ops-feedback-category-${c}"]`).check();
    await editor.locator('[data-testid="ops-feedback-category-save"]').click();
    await editor.waitFor({ state: 'detached', ...SOON });

    expect(await shownCategories()).toEqual(corrected);
    expect(await card().locator('[data-testid="ops-feedback-corrected"]').innerText()).toContain('客服已更正 · 周敏');
    expect(await card().locator('[data-testid="ops-feedback-categories"]').getAttribute('data-corrected')).toBe('true');
    expect(await card().locator('[role="status"]').innerText()).toBe('分类已保存。');
    // Focus is back on the button that opened the editor.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ops-feedback-correct');

    expect(await storedCategories()).toEqual(corrected);
    const staffRow = await db().selectFrom('staff').select('id').where('email', '=', 'ops@doorstep.demo').executeTakeFirstOrThrow();
    const rows = await db().selectFrom('feedback_corrections').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ feedback_id: target.feedback!.id, staff_id: staffRow.id, categories: JSON.stringify(corrected), previous: JSON.stringify(target.feedback!.categories) });
    expect(await seriousAxeViolations()).toEqual([]);
    await card().screenshot({ path: `${ARTIFACTS}/ops-feedback-correction-saved-zh.png` });
  });

  it('still shows the corrected categories after a reload, and in English on a 360 px phone', async () => {
    await page.reload();
    await card().waitFor(SOON);
    expect(await shownCategories()).toEqual(corrected);
    expect(await card().locator('[data-testid="ops-feedback-corrected"]').innerText()).toContain('客服已更正 · 周敏');

    // The same session on an English phone.
    const english = await browser.newContext({ ...ENGLISH_PHONE, storageState: await staff.storageState() });
    const enPage = await english.newPage();
    await enPage.goto(`${server.url}/ops/queues`);
    await card(enPage).waitFor(SOON);
    expect(await shownCategories(enPage)).toEqual(corrected);
    expect(await card(enPage).locator('[data-testid="ops-feedback-corrected"]').innerText()).toContain('Staff corrected · 周敏');
    await card(enPage).locator('[data-testid="ops-feedback-correct"]').click();
    const editor = card(enPage).locator('[data-testid="ops-feedback-category-editor"]');
    await editor.waitFor(SOON);
    expect(await editor.locator('legend').innerText()).toBe('Categories of this feedback');
    expect(await enPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousAxeViolations(enPage)).toEqual([]);
    await card(enPage).screenshot({ path: `${ARTIFACTS}/ops-feedback-correction-editor-en.png` });
    await english.close();
  });
});
