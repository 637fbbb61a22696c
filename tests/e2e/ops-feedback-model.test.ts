import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startE2eServer } from '../support/e2e-server';

/**
 * Staff see how the feedback classifier's model scores and retrain it from the ops settings
 * on a 360 px phone: the button trains (in a worker on the server), and the model in use is
 * the retrained one afterwards, no worse on the held-out set.
 */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const staff = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page = await staff.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('the feedback model in the ops settings', () => {
  it('shows the held-out figure of the model in use, and retrains it with one button', async () => {
    await page.goto(`${server.url}/ops/settings`);
    await page.waitForURL('**/ops/sign-in**');
    await page.locator('[data-testid="ops-login"]').fill('ops@doorstep.demo');
    await page.locator('[data-testid="ops-password"]').fill('ops12345');
    await page.locator('[data-testid="ops-sign-in"]').click();
    await page.waitForURL('**/ops/settings');

    // A fresh demo database: the model in use is the one shipped in the repository.
    const shipped = JSON.parse(readFileSync('server/domain/feedback/model/feedback-model.json', 'utf8')) as { heldOut: { macroF1: number } };
    const heldOut = page.locator('[data-testid="ops-feedback-model-held-out"]');
    await heldOut.waitFor({ timeout: 15_000 });
    expect(await heldOut.innerText()).toContain(`${(shipped.heldOut.macroF1 * 100).toFixed(1)} %`);
    expect(await page.locator('[data-testid="ops-feedback-model"]').innerText()).toContain('随版本发布');

    const button = page.locator('[data-testid="ops-feedback-model-retrain"]');
    await button.click();
    expect(await button.isDisabled()).toBe(true);
    const result = page.locator('[data-testid="ops-feedback-model-result"]');
    await result.filter({ hasText: '新模型已启用' }).waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="ops-feedback-model"]', { hasText: '客服重新训练' }).waitFor({ timeout: 15_000 });

    const violations = (await page.evaluate(`${axeSource}\n;axe.run(document.querySelector('[data-testid="ops-feedback-model"]'), { resultTypes: ['violations'] })`)) as { violations: Array<{ id: string; impact: string | null }> };
    expect(violations.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  }, 180_000);
});
