import { Hono, type Context } from 'hono';
import { CODE_PATTERN, couponSchema, productSchema, putCouponSchema, putProductSchema, putWarehouseSchema, warehouseSchema } from '../../shared/api/shop';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { badRequest, conflict, notFound } from '../app-error';
import { findProduct, findProductByBarcode, productView, upsertProduct } from '../domain/catalog/product-repository';
import { listWarehouses, upsertWarehouse, warehouseView } from '../domain/catalog/warehouse-repository';
import { upsertCoupon } from '../domain/orders/coupon-repository';
import { described } from '../http/api-description';
import { jsonBody, requireJsonContent } from '../http/json-body';
import type { ShopEnv } from '../http/shop-env';

/** A SKU, warehouse or coupon code from the path, checked like the bodies are. */
export function codeParam(c: Context, name: string): string {
  const code = c.req.param(name) ?? '';
  if (!CODE_PATTERN.test(code)) throw badRequest('invalid_code', `${name}: letters, digits, dot, dash or underscore (up to 64)`);
  return code;
}

/** The shop's catalog: warehouses, products and coupons, each created or replaced by PUT. */
export function shopCatalogRoutes({ db, clock }: AppDeps) {
  return new Hono<ShopEnv>()
    .put(
      '/warehouses/:code',
      described({ tag: 'Catalog', summary: 'Create or replace a warehouse', body: putWarehouseSchema, ok: { 200: [warehouseSchema, 'Replaced'], 201: [warehouseSchema, 'Created'] }, errors: { 400: 'invalid_request, invalid_code' } }),
      requireJsonContent,
      jsonBody(putWarehouseSchema),
      async (c) => {
        const { created, warehouse } = await upsertWarehouse(db, codeParam(c, 'code'), c.req.valid('json'), clock());
        return c.json(warehouseView(warehouse), created ? 201 : 200);
      },
    )
    .get('/warehouses', described({ tag: 'Catalog', summary: 'List warehouses', ok: { 200: [z.object({ warehouses: z.array(warehouseSchema) }), 'Every warehouse'] } }), async (c) =>
      c.json({ warehouses: (await listWarehouses(db)).map(warehouseView) }),
    )
    .put(
      '/products/:sku',
      described({ tag: 'Catalog', summary: 'Create or replace a SKU', body: putProductSchema, ok: { 200: [productSchema, 'Replaced'], 201: [productSchema, 'Created'] }, errors: { 400: 'invalid_request, invalid_code', 409: 'barcode_taken' } }),
      requireJsonContent,
      jsonBody(putProductSchema),
      async (c) => {
        const sku = codeParam(c, 'sku');
        const body = c.req.valid('json');
        const { created, product } = await db.transaction().execute(async (trx) => {
          const holder = body.barcode ? await findProductByBarcode(trx, body.barcode) : null;
          if (holder && holder.sku !== sku) throw conflict('barcode_taken', `Barcode ${body.barcode} belongs to ${holder.sku}`);
          return upsertProduct(trx, sku, body, clock());
        });
        return c.json(productView(product), created ? 201 : 200);
      },
    )
    .get('/products/:sku', described({ tag: 'Catalog', summary: 'Read a SKU', ok: { 200: [productSchema, 'The SKU'] }, errors: { 404: 'sku_not_found' } }), async (c) => {
      const product = await findProduct(db, codeParam(c, 'sku'));
      if (!product) throw notFound('sku_not_found', `No SKU ${c.req.param('sku')} in the catalog`);
      return c.json(productView(product));
    })
    .put(
      '/coupons/:code',
      described({ tag: 'Catalog', summary: 'Create or replace a coupon', description: 'percentage: percentOff % off the items; fixed: amountOffFen off; threshold (满减): amountOffFen off when the items reach thresholdFen. Window [startsAt, endsAt) in epoch ms; totalLimit and perCustomerLimit cap uses (each order counts once; a cancelled order gives its use back).', body: putCouponSchema, ok: { 200: [couponSchema, 'Replaced'], 201: [couponSchema, 'Created'] }, errors: { 400: 'invalid_request, invalid_code' } }),
      requireJsonContent,
      jsonBody(putCouponSchema),
      async (c) => {
        const { created, coupon } = await upsertCoupon(db, codeParam(c, 'code'), c.req.valid('json'), clock());
        const { id: _id, ...view } = coupon;
        return c.json(view, created ? 201 : 200);
      },
    );
}
