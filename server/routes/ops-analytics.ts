import { Hono } from 'hono';
import { kpiCsvQuerySchema, kpiQuerySchema, processMapQuerySchema } from '../../shared/api/ops-analytics';
import type { AppDeps } from '../app-deps';
import { kpiTableCsv } from '../domain/analytics/kpi-csv';
import { fulfilmentKpisFromRollups, orderSideFromRollups } from '../domain/analytics/fulfilment-rollup-queries';
import { withOrderSideStats } from '../../shared/analytics/whole-process-map';
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
  const fulfilment = async (range: { from: string; to: string }) => {
    await fresh();
    return fulfilmentKpisFromRollups(db, range, config.shopTimeZone, clock());
  };
  return new Hono()
    .get('/kpis', queryParams(kpiQuerySchema), async (c) => c.json(await report(c.req.valid('query'))))
    .get('/kpis/fulfilment', queryParams(kpiQuerySchema), async (c) => c.json(await fulfilment(c.req.valid('query'))))
    .get('/kpis.csv', queryParams(kpiCsvQuerySchema), async (c) => {
      const { table, ...range } = c.req.valid('query');
      const figures = table === 'fulfilment' ? await fulfilment(range) : undefined;
      return c.body(kpiTableCsv(await report(range), table, figures), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="doorstep-${table}-${range.from}-${range.to}.csv"`,
      });
    })
    .get('/process-map', queryParams(processMapQuerySchema), async (c) => {
      await fresh();
      const query = c.req.valid('query');
      const delivery = await processMapFromRollups(db, query);
      if (query.courier !== undefined) return c.json(delivery);
      // The steps before the parcel, from the orders' roll-ups.
      return c.json(withOrderSideStats(delivery, await orderSideFromRollups(db, query)));
    });
}
