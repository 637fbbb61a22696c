import { createDb } from '../../server/db/create-db';
import { computeProcessMap } from '../../server/domain/analytics/process-map-query';
import { kpiReportFromRollups } from '../../server/domain/analytics/kpi-rollup-queries';
import { processMapFromRollups } from '../../server/domain/analytics/process-map-rollup-query';
import { refreshAnalyticsRollups } from '../../server/domain/analytics/rollup-refresh';
import { computeFulfilmentKpis } from '../../server/domain/analytics/fulfilment-queries';
import { fulfilmentKpisFromRollups, orderSideFromRollups } from '../../server/domain/analytics/fulfilment-rollup-queries';
import { withOrderSideStats } from '../../shared/analytics/whole-process-map';
import { readConfig } from '../../server/config';
import { shopDatePlusDays } from '../../shared/time/shop-calendar';
import { BENCH_NOW, benchDatabase } from './bench-databases';
import { line, median } from './bench-support';

const WARM_RUNS = 5;
const TARGET_MS = 300;

/**
 * Times one report: "cold" is the first call on a freshly opened connection (SQLite's page
 * cache empty; the operating system's file cache may still hold pages from earlier runs),
 * "warm" the median of the calls after it.
 */
async function time(path: string, run: (db: ReturnType<typeof createDb>['db']) => Promise<unknown>): Promise<{ cold: number; warm: number }> {
  const handle = createDb(`sqlite:${path}`);
  let started = performance.now();
  await run(handle.db);
  const cold = performance.now() - started;
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    started = performance.now();
    await run(handle.db);
    warm.push(performance.now() - started);
  }
  await handle.close();
  return { cold, warm: median(warm) };
}

/** The ops dashboard's KPIs and the process map for 30 days over 1 M orders and shipments: target ≤ 300 ms each. */
export async function benchOpsAnalytics(options: { big: number }): Promise<void> {
  const path = await benchDatabase(options.big);
  const size = (n: number) => `${(n / 1e6).toFixed(n < 1e6 ? 1 : 0)} M`;
  const counted = createDb(`sqlite:${path}`);
  const orderCount = Number((await counted.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  await counted.close();
  console.log(`\nOps KPIs and process map, 30 days over ${size(orderCount)} orders and ${size(options.big)} shipments (SQLite)`);
  const timeZone = readConfig({}).shopTimeZone;
  // The demo's 30 days end on the bench's "today".
  const range = { from: shopDatePlusDays(BENCH_NOW, timeZone, -29), to: shopDatePlusDays(BENCH_NOW, timeZone, 0) };
  const handle = createDb(`sqlite:${path}`);
  const sample = await handle.db.selectFrom('shipments').select(['courier_id', 'destination_city']).where('courier_id', 'is not', null).orderBy('id').limit(1).executeTakeFirst();
  // The roll-ups are built once from the log (the first refresh after a fill), then only folded forward.
  let started = performance.now();
  const built = await refreshAnalyticsRollups(handle.db, timeZone, BENCH_NOW);
  if (built.rebuilt) line('roll-ups built from the whole log (once)', `${((performance.now() - started) / 1000).toFixed(0)} s`, '', null);
  // For scale: the plain SQL over the event log, one day's process map only (a month takes minutes),
  // and the order side's plain SQL over the month's orders.
  started = performance.now();
  await computeProcessMap(handle.db, { from: range.to, to: range.to }, timeZone);
  line('plain SQL over the event log, process map of ONE day', `${(performance.now() - started).toFixed(0)} ms`, '', null);
  started = performance.now();
  await computeFulfilmentKpis(handle.db, range, timeZone, BENCH_NOW);
  line('plain SQL over the orders, order-side figures of the month', `${(performance.now() - started).toFixed(0)} ms`, '', null);
  await handle.close();

  // What each endpoint does: fold in anything new (nothing here), then read the roll-ups.
  const endpoint = <T>(read: (db: ReturnType<typeof createDb>['db']) => Promise<T>) => async (db: ReturnType<typeof createDb>['db']) => {
    await refreshAnalyticsRollups(db, timeZone, BENCH_NOW);
    return read(db);
  };
  const city = sample?.destination_city ?? '上海市';
  const courier = sample?.courier_id ?? 1;
  const cases: Array<[string, (db: ReturnType<typeof createDb>['db']) => Promise<unknown>]> = [
    ['GET /api/ops/kpis', endpoint((db) => kpiReportFromRollups(db, range, timeZone))],
    ['GET /api/ops/kpis/fulfilment', endpoint((db) => fulfilmentKpisFromRollups(db, range, timeZone, BENCH_NOW))],
    ['GET /api/ops/process-map (order → doorstep)', endpoint(async (db) => withOrderSideStats(await processMapFromRollups(db, range), await orderSideFromRollups(db, range)))],
    [
      'GET /api/ops/process-map?city=',
      endpoint(async (db) => withOrderSideStats(await processMapFromRollups(db, { ...range, city }), await orderSideFromRollups(db, { ...range, city }))),
    ],
    ['GET /api/ops/process-map?courier=&city=', endpoint((db) => processMapFromRollups(db, { ...range, courier, city }))],
  ];
  for (const [name, run] of cases) {
    const { cold, warm } = await time(path, run);
    line(`${name} cold`, `${cold.toFixed(0)} ms`, `≤ ${TARGET_MS} ms`, cold <= TARGET_MS);
    line(`${name} warm (median of ${WARM_RUNS})`, `${warm.toFixed(0)} ms`, `≤ ${TARGET_MS} ms`, warm <= TARGET_MS);
  }
}
