import { Hono } from 'hono';
import { kpiCsvQuerySchema, kpiQuerySchema, processMapQuerySchema } from '../../shared/api/ops-analytics';
import type { AppDeps } from '../app-deps';
import { kpiTableCsv } from '../domain/analytics/kpi-csv';
import { computeFulfilmentKpis, orderFactsInRange } from '../domain/analytics/fulfilment-queries';
import { bucketedPercentile } from '../../shared/analytics/duration-buckets';
import { rangeBounds } from '../../shared/analytics/shop-days';
import { withOrderSide } from '../../shared/analytics/whole-process-map';
import { kpiReportFromRollups } from '../domain/analytics/kpi-rollup-queries';
import { processMapFromRollups } from '../domain/analytics/process-map-rollup-query';
import { refreshAnalyticsRollups } from '../domain/analytics/rollup-refresh';
import { queryParams } from '../http/query-params';

/** The ops dashboard's figures and the process map, for staff (behind the ops guard in app.ts). */
export function opsAnalyticsRoutes({ db, clock, config }: AppDeps) {
  // Every read first folds in what was written since the last one (usually nothing or a few events).
  const fresh = () => refreshAnalyticsRollups(db, config.shopTimeZone, clock());
  const report = async (range: { from: string; to: string }) => {
    await fresh();
    return kpiReportFromRollups(db, range, config.shopTimeZone);
  };
  return new Hono()
    .get('/kpis', queryParams(kpiQuerySchema), async (c) => c.json(await report(c.req.valid('query'))))
    .get('/kpis/fulfilment', queryParams(kpiQuerySchema), async (c) => c.json(await computeFulfilmentKpis(db, c.req.valid('query'), config.shopTimeZone, clock())))
    .get('/kpis.csv', queryParams(kpiCsvQuerySchema), async (c) => {
      const { table, ...range } = c.req.valid('query');
      const fulfilment = table === 'fulfilment' ? await computeFulfilmentKpis(db, range, config.shopTimeZone, clock()) : undefined;
      return c.body(kpiTableCsv(await report(range), table, fulfilment), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="doorstep-${table}-${range.from}-${range.to}.csv"`,
      });
    })
    .get('/process-map', queryParams(processMapQuerySchema), async (c) => {
      await fresh();
      const query = c.req.valid('query');
      const delivery = await processMapFromRollups(db, query);
      if (query.courier !== undefined) return c.json(delivery);
      // The steps before the parcel, from the orders of the range (durations bucketed like the roll-ups').
      const orders = await orderFactsInRange(db, rangeBounds(query.from, query.to, config.shopTimeZone), query.city);
      return c.json(withOrderSide(delivery, orders, bucketedPercentile));
    });
}
