import { join } from 'node:path';
import { seedDemoIfEmpty } from '../../server/demo/seed-demo';
import { loadDemandHistory } from '../../server/domain/replenishment/demand-history';
import { HISTORY_DAYS } from '../../server/domain/replenishment/replenishment-suggestions';
import { backTest } from '../../shared/replenishment/back-test';
import { forecastDemand, seasonalNaive } from '../../shared/replenishment/forecast';
import { createTestDb } from '../support/test-db';
import { line } from './bench-support';

const NOW = Date.UTC(2026, 11, 5, 4, 0, 0);
const TIME_ZONE = 'Asia/Shanghai';
const HORIZON = 7;

/**
 * The forecast's back-test on the demo's history: every SKU × warehouse with sales, rolling
 * origin from day 14, a week ahead each time. MAE over all series' points; MASE as the ratio of
 * Holt-Winters' absolute errors to seasonal-naive's on the same points (the back-test's own
 * scale, pooled over series, so seasonal-naive is 1 by construction). Target: Holt-Winters below seasonal-naive, MASE < 1.
 */
export async function benchForecast(): Promise<void> {
  const handle = await createTestDb();
  try {
    const started = performance.now();
    await seedDemoIfEmpty(handle, { now: NOW, afterSales: { uploadDir: join(handle.dir, 'uploads'), timeZone: TIME_ZONE } });
    const seeded = performance.now() - started;
    const history = await loadDemandHistory(handle.db, NOW, TIME_ZONE, HISTORY_DAYS);
    const series = [...history.series.values()].filter((s) => s.some((y) => y > 0));
    console.log(`\nForecast back-test on the demo's ${HISTORY_DAYS} days (seeded in ${(seeded / 1000).toFixed(1)} s), horizon ${HORIZON} days, rolling origin from day 14`);
    report('steady sellers (≥ 1 unit a day on average)', series.filter((s) => mean(s) >= 1));
    report('sparse sellers (the parcel history alone)', series.filter((s) => mean(s) < 1));
    report('all', series);
  } finally {
    await handle.dispose();
  }
}

const mean = (s: readonly number[]) => s.reduce((a, b) => a + b, 0) / s.length;

function report(what: string, series: readonly number[][]): void {
  let hwErrors = 0;
  let naiveErrors = 0;
  let points = 0;
  let hwWins = 0;
  const started = performance.now();
  for (const s of series) {
    const hw = backTest(s, (h, n) => forecastDemand(h, n).values, HORIZON);
    const naive = backTest(s, seasonalNaive, HORIZON);
    hwErrors += hw.mae * hw.points;
    naiveErrors += naive.mae * naive.points;
    points += hw.points;
    if (hw.mae < naive.mae) hwWins++;
  }
  const ms = performance.now() - started;
  const mase = naiveErrors === 0 ? null : hwErrors / naiveErrors;
  console.log(`  ${what}: ${series.length} SKU × warehouse series, ${points} points, ${(ms / 1000).toFixed(1)} s of fitting`);
  if (points === 0) return;
  console.log(`    MAE seasonal-naive ${(naiveErrors / points).toFixed(3)}, Holt-Winters ${(hwErrors / points).toFixed(3)} units/day; Holt-Winters lower on ${hwWins} of ${series.length}`);
  line('    Holt-Winters MASE (seasonal-naive = 1)', mase === null ? 'n/a' : mase.toFixed(3), '< 1', mase === null ? null : mase < 1);
}
