import { Hono, type Context } from 'hono';
import { countCsvQuerySchema, stockCsvQuerySchema } from '../../shared/api/ops-inventory';
import type { AppDeps } from '../app-deps';
import { AppError } from '../app-error';
import { importProductsCsv, productsCsv } from '../domain/catalog/product-csv';
import { requireWarehouse } from '../domain/catalog/warehouse-repository';
import { csvDownloadHeaders } from '../domain/csv/csv-file';
import { importCountCsv, stockLevelsCsv } from '../domain/stock/stock-count-csv';
import { shopDay } from '../../shared/time/shop-day';
import { queryParams } from '../http/query-params';

/** The body of a CSV upload as text (the size was held to MAX_CSV_BYTES before it was read, in app.ts). */
async function csvText(c: Context): Promise<string> {
  const type = c.req.header('content-type') ?? '';
  if (!/^text\/(csv|plain)\b/i.test(type)) throw new AppError(415, 'unsupported_media_type', 'Send the file as text/csv');
  return c.req.text();
}

/** CSV in and out for staff (behind the ops guard in app.ts): the catalog, and stock levels and counts. */
export function opsCsvRoutes({ db, clock, config }: AppDeps) {
  const today = () => shopDay(clock(), config.shopTimeZone);
  return new Hono()
    .get('/catalog/products.csv', async (c) => c.body(await productsCsv(db), 200, csvDownloadHeaders(`doorstep-products-${today()}.csv`)))
    .post('/catalog/products.csv', async (c) => c.json(await importProductsCsv(db, await csvText(c), clock())))
    .get('/inventory/stock.csv', queryParams(stockCsvQuerySchema), async (c) => {
      const { warehouse: code } = c.req.valid('query');
      const warehouse = code === undefined ? null : await requireWarehouse(db, code);
      return c.body(await stockLevelsCsv(db, warehouse), 200, csvDownloadHeaders(`doorstep-stock-${code ?? 'all'}-${today()}.csv`));
    })
    .post('/inventory/counts.csv', queryParams(countCsvQuerySchema), async (c) => {
      const { warehouse: code, reason } = c.req.valid('query');
      const warehouse = await requireWarehouse(db, code);
      const text = await csvText(c);
      const count = { warehouse, reason, actor: { type: 'staff' as const, id: c.var.user.id }, now: clock(), timeZone: config.shopTimeZone };
      return c.json(await importCountCsv(db, text, count), 201);
    });
}
