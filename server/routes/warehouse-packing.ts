import { Hono, type Context } from 'hono';
import { packOrderSchema } from '../../shared/api/warehouse';
import type { AppDeps } from '../app-deps';
import { loadLabel, loadPackingView, packOrder, type PackingContext } from '../domain/fulfilment/packing-service';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { orderNoParam } from '../http/order-no-param';

/** Packing and labels (behind the warehouse guard in warehouse.ts). */
export function warehousePackingRoutes({ db, clock, config, bus }: AppDeps) {
  const context = (c: Context): PackingContext => ({ warehouse: c.var.warehouse, staffId: c.var.user.id, now: clock(), timeZone: config.shopTimeZone, publicUrl: config.publicUrl });
  return new Hono()
    .get('/orders/:orderNo/packing', async (c) => c.json(await loadPackingView(db, c.var.warehouse, orderNoParam(c.req.param('orderNo')))))
    .post('/orders/:orderNo/pack', requireJsonContent, jsonBody(packOrderSchema), async (c) => {
      const ctx = context(c);
      const result = await db.transaction().execute((trx) => packOrder(trx, orderNoParam(c.req.param('orderNo')), c.req.valid('json'), ctx));
      // After the commit: an open tracking page reads the new parcel.
      bus.publish(result.shipment.trackingNo);
      return c.json(result, 201);
    })
    .get('/shipments/:trackingNo/label', async (c) => c.json(await loadLabel(db, c.var.warehouse, c.req.param('trackingNo'), config.publicUrl)));
}
