import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { DemoDirectory } from '../../shared/api/tracking-view';
import { findChromium } from '../support/browser';
import { exists, freePort, line, median, startProcess, stopProcess } from './bench-support';

const RUNS = 3;

/** The parcel a customer most often opens from an SMS: on its way, with a few events already. */
async function demoTrackingNo(baseUrl: string): Promise<string> {
  const directory = (await (await fetch(`${baseUrl}/api/demo`)).json()) as DemoDirectory;
  const parcel = directory.parcels.find((p) => p.status === 'InTransit') ?? directory.parcels[0];
  if (!parcel) throw new Error('The demo database has no parcels');
  return parcel.trackingNo;
}

/**
 * One Lighthouse run in a fresh headless Chromium: the default config is a mid-range phone
 * on a slow 4G link (simulated throttling), which is what quality.md's targets are set for.
 * A fresh browser each run, so no run finds the last one's cache or service worker.
 */
async function runLighthouse(url: string) {
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    return {
      score: (lhr.categories.performance?.score ?? 0) * 100,
      lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
      tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    };
  } finally {
    await chrome.kill();
  }
}

/** The built app (`npm run build` first) on a fresh demo SQLite database, as `npm start` runs it. */
export async function benchTrackingLighthouse() {
  console.log(`\nCustomer tracking page under Lighthouse (mobile, default throttling, median of ${RUNS} runs)`);
  if (!exists(resolve('dist', 'index.html'))) throw new Error('The Lighthouse bench needs the built client: run `npm run build` first.');
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-lighthouse-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startProcess(
    'server/index.ts',
    { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'demo.db')}`, UPLOAD_DIR: join(dir, 'uploads'), DEMO: 'on', LOG_REQUESTS: 'off' },
    `${baseUrl}/api/health`,
  );
  try {
    const trackingNo = await demoTrackingNo(baseUrl);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await runLighthouse(`${baseUrl}/t/${trackingNo}`));
    const score = median(runs.map((r) => r.score));
    const lcp = median(runs.map((r) => r.lcpMs));
    const tbt = median(runs.map((r) => r.tbtMs));
    const cls = median(runs.map((r) => r.cls));
    line(`/t/${trackingNo}: performance score`, `${score.toFixed(0)} (runs ${runs.map((r) => r.score.toFixed(0)).join(', ')})`, '≥ 95', score >= 95);
    line('  largest contentful paint', `${(lcp / 1000).toFixed(2)} s`, '≤ 1.5 s', lcp <= 1500);
    line('  total blocking time', `${tbt.toFixed(0)} ms`, '', null);
    line('  cumulative layout shift', cls.toFixed(3), '≤ 0.05', cls <= 0.05);
  } finally {
    await stopProcess(server);
    rmSync(dir, { recursive: true, force: true });
  }
}
