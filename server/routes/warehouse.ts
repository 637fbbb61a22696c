import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';
import type { Warehouse } from '../domain/catalog/warehouse-repository';
import { resolveWarehouse } from '../domain/fulfilment/warehouse-scope';
import { requireRole } from '../http/session';
import { warehousePackingRoutes } from './warehouse-packing';
import { warehousePickingRoutes } from './warehouse-picking';

declare module 'hono' {
  interface ContextVariableMap {
    /** The warehouse the request works in (a worker's own; staff's `?warehouse=`). */
    warehouse: Warehouse;
  }
}

/**
 * The warehouse face (product document 4c): one guard for every /api/warehouse path, then the
 * caller's warehouse resolved once. Workers and ops staff only; couriers get 403.
 */
export function warehouseRoutes(deps: AppDeps) {
  return (
    new Hono()
      .use(requireRole(deps.db, deps.clock, 'warehouse', 'staff'))
      .use(async (c, next) => {
        c.set('warehouse', await resolveWarehouse(deps.db, c.var.user, c.req.query('warehouse')));
        await next();
      })
      .route('/', warehousePickingRoutes(deps))
      .route('/', warehousePackingRoutes(deps))
    // HAND-OVER: the hand-over helper mounts `.route('/handover', warehouseHandoverRoutes(deps))`
    // here (server/routes/warehouse-handover.ts), behind the same guard and warehouse.
  );
}
