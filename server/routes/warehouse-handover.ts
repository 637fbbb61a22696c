import { Hono, type Context } from 'hono';
import { handoverSchema } from '../../shared/api/warehouse';
import type { AppDeps } from '../app-deps';
import type { Warehouse } from '../domain/catalog/warehouse-repository';
import { handOverParcels, loadHandoverQueue } from '../domain/handover/handover-service';
import { jsonBody, requireJsonContent } from '../http/json-body';

/** The caller's warehouse, put in the context by the /api/warehouse guard (server/routes/warehouse.ts). */
export function warehouseOfCaller(c: Context): Warehouse {
  return c.var.warehouse;
}

/** Hand-over (揽收) in the warehouse face, mounted at /api/warehouse/handover behind its guard. */
export function warehouseHandoverRoutes({ db, clock, bus, config }: AppDeps) {
  return new Hono()
    .get('/', async (c) => c.json(await loadHandoverQueue(db, warehouseOfCaller(c))))
    .post('/', requireJsonContent, jsonBody(handoverSchema), async (c) => {
      const { response, changedTrackingNos } = await handOverParcels(db, warehouseOfCaller(c), c.req.valid('json'), { now: clock(), timeZone: config.shopTimeZone });
      // After the commits: open tracking pages read the new state.
      for (const trackingNo of changedTrackingNos) bus.publish(trackingNo);
      return c.json(response);
    });
}
