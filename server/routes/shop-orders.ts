import { Hono } from 'hono';
import { cancelOrderSchema, createOrderSchema, payOrderSchema, shopOrderSchema } from '../../shared/api/shop';
import type { AppDeps } from '../app-deps';
import { cancelOrder } from '../domain/order-lifecycle/order-cancel';
import { takeOrder } from '../domain/orders/order-intake';
import { payOrder } from '../domain/order-lifecycle/order-payment';
import { loadShopOrder } from '../domain/orders/order-view';
import { described } from '../http/api-description';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { orderNoParam } from '../http/order-no-param';
import type { ShopEnv } from '../http/shop-env';

/** Orders from the shop: intake with stock reserved, payment, cancellation, reading. */
export function shopOrderRoutes({ db, clock, config, payments }: AppDeps) {
  return new Hono<ShopEnv>()
    .post(
      '/orders',
      described({
        tag: 'Orders',
        summary: 'Place an order',
        description: 'Prices come from the catalog (a priceFen that differs is refused 409 price_changed); coupons are checked and counted; the warehouse serving the province with everything is chosen (split only when none has it all); stock is reserved in the same transaction. The order waits for payment until payBy, then is cancelled and its stock released.',
        body: createOrderSchema,
        idempotent: true,
        ok: { 201: [shopOrderSchema, 'The order, pending_payment'] },
        errors: { 400: 'invalid_request', 409: 'out_of_stock (details.lines: sku, requested, available), price_changed (details.lines)', 422: 'unknown_sku, coupon_not_found, coupon_not_applicable (details.coupons)' },
      }),
      requireJsonContent,
      jsonBody(createOrderSchema),
      async (c) => {
        const body = c.req.valid('json');
        const now = clock();
        const ctx = { now, payWithinMs: config.paymentDeadlineMs, timeZone: config.shopTimeZone, apiKeyId: c.var.apiKey.id, actor: { type: 'shop_api' as const, id: c.var.apiKey.id } };
        const order = await db.transaction().execute(async (trx) => loadShopOrder(trx, { id: await takeOrder(trx, body, ctx) }, config.publicUrl));
        return c.json(order, 201);
      },
    )
    .get('/orders/:orderNo', described({ tag: 'Orders', summary: 'Read an order', ok: { 200: [shopOrderSchema, 'The order'] }, errors: { 404: 'order_not_found' } }), async (c) =>
      c.json(await loadShopOrder(db, { orderNo: orderNoParam(c.req.param('orderNo')) }, config.publicUrl)),
    )
    .post(
      '/orders/:orderNo/payments',
      described({ tag: 'Orders', summary: 'Pay an order (simulated provider)', body: payOrderSchema, idempotent: true, ok: { 200: [shopOrderSchema, 'The order, paid'] }, errors: { 404: 'order_not_found', 409: 'order_already_paid, order_cancelled, payment_deadline_passed', 503: 'payment_provider_failed' } }),
      requireJsonContent,
      jsonBody(payOrderSchema),
      async (c) => {
        const orderNo = orderNoParam(c.req.param('orderNo'));
        await payOrder(db, payments, orderNo, clock());
        return c.json(await loadShopOrder(db, { orderNo }, config.publicUrl));
      },
    )
    .post(
      '/orders/:orderNo/cancel',
      described({ tag: 'Orders', summary: 'Cancel an order that has not shipped', description: 'Reserved stock goes back, coupon uses are given back, a paid order is refunded in full.', body: cancelOrderSchema, idempotent: true, ok: { 200: [shopOrderSchema, 'The order, cancelled'] }, errors: { 404: 'order_not_found', 409: 'order_already_cancelled, order_already_shipped', 503: 'payment_provider_failed' } }),
      requireJsonContent,
      jsonBody(cancelOrderSchema),
      async (c) => {
        const orderNo = orderNoParam(c.req.param('orderNo'));
        const now = clock();
        await cancelOrder(db, payments, orderNo, { reason: c.req.valid('json').reason ?? 'shop_cancelled', actor: { type: 'shop_api', id: c.var.apiKey.id }, staffId: null, now });
        return c.json(await loadShopOrder(db, { orderNo }, config.publicUrl));
      },
    );
}
