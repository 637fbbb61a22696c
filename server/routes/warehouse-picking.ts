import { Hono } from 'hono';
import { createWaveSchema, pickScanSchema } from '../../shared/api/warehouse';
import type { AppDeps } from '../app-deps';
import { createWave, listWaveSummaries, scanForWave, waveView, type WaveContext } from '../domain/fulfilment/wave-service';
import { jsonBody, requireJsonContent } from '../http/json-body';
import type { Context } from 'hono';

/** Pick waves, the walk in bin order and every scan (behind the warehouse guard in warehouse.ts). */
export function warehousePickingRoutes({ db, clock, config }: AppDeps) {
  const context = (c: Context): WaveContext => ({ warehouse: c.var.warehouse, staffId: c.var.user.id, now: clock(), timeZone: config.shopTimeZone });
  return new Hono()
    .get('/waves', async (c) => c.json(await listWaveSummaries(db, c.var.warehouse)))
    .post('/waves', requireJsonContent, jsonBody(createWaveSchema), async (c) => {
      const ctx = context(c);
      const wave = await db.transaction().execute((trx) => createWave(trx, c.req.valid('json').maxOrders, ctx));
      return c.json(await waveView(db, ctx.warehouse, wave.waveNo), 201);
    })
    .get('/waves/:waveNo', async (c) => c.json(await waveView(db, c.var.warehouse, c.req.param('waveNo'))))
    .post('/waves/:waveNo/scans', requireJsonContent, jsonBody(pickScanSchema), async (c) => {
      const ctx = context(c);
      return c.json(await db.transaction().execute((trx) => scanForWave(trx, c.req.param('waveNo'), c.req.valid('json').barcode, ctx)));
    });
}
