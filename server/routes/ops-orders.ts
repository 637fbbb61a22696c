import { Hono } from 'hono';
import { opsCancelOrderSchema, opsOrderListQuerySchema } from '../../shared/api/ops-orders';
import type { AppDeps } from '../app-deps';
import { cancelOrder } from '../domain/order-lifecycle/order-cancel';
import { loadOpsOrderDetail } from '../domain/orders/ops-order-detail';
import { listOpsOrders } from '../domain/orders/ops-order-list';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { orderNoParam } from '../http/order-no-param';
import { queryParams } from '../http/query-params';

/** Staff's orders: search, one order's whole story, cancellation with a reason (behind the ops guard in app.ts). */
export function opsOrderRoutes({ db, clock, config, payments }: AppDeps) {
  return new Hono()
    .get('/orders', queryParams(opsOrderListQuerySchema), async (c) => c.json(await listOpsOrders(db, c.req.valid('query'), config.shopTimeZone)))
    .get('/orders/:orderNo', async (c) => c.json(await loadOpsOrderDetail(db, orderNoParam(c.req.param('orderNo')), config.publicUrl)))
    // Stock back, coupon uses back, a paid order refunded in full; 409 once shipped or cancelled.
    .post('/orders/:orderNo/cancel', requireJsonContent, jsonBody(opsCancelOrderSchema), async (c) => {
      const orderNo = orderNoParam(c.req.param('orderNo'));
      const staff = c.var.user;
      await cancelOrder(db, payments, orderNo, { reason: c.req.valid('json').reason, actor: { type: 'staff', id: staff.id }, staffId: staff.id, now: clock() });
      return c.json(await loadOpsOrderDetail(db, orderNo, config.publicUrl));
    });
}
