import { Hono } from 'hono';
import { skuStockSchema, stockCountSchema, stockDocumentSchema, stockReceiptSchema, stockTransferSchema } from '../../shared/api/shop';
import type { AppDeps } from '../app-deps';
import { loadSkuStock } from '../domain/stock/sku-stock';
import { countStock, receiveStock, transferStock } from '../domain/stock/stock-documents';
import { described } from '../http/api-description';
import { jsonBody, requireJsonContent } from '../http/json-body';
import type { ShopEnv } from '../http/shop-env';
import { codeParam } from './shop-catalog';

const shopActor = (id: number) => ({ type: 'shop_api' as const, id });
const refusals = { 400: 'invalid_request', 404: 'warehouse_not_found', 422: 'unknown_sku' };

/** Stock from the shop's ERP: receipts, counts, transfers (each one document, all lines or none), and a SKU's levels. */
export function shopStockRoutes({ db, clock, config }: AppDeps) {
  return new Hono<ShopEnv>()
    .post(
      '/stock/receipts',
      described({ tag: 'Stock', summary: 'Book goods received into a warehouse', body: stockReceiptSchema, idempotent: true, ok: { 201: [stockDocumentSchema, 'The receipt and the on-hand after it'] }, errors: refusals }),
      requireJsonContent,
      jsonBody(stockReceiptSchema),
      async (c) => {
        const body = c.req.valid('json');
        return c.json(await db.transaction().execute((trx) => receiveStock(trx, body, shopActor(c.var.apiKey.id), clock(), config.shopTimeZone)), 201);
      },
    )
    .post(
      '/stock/counts',
      described({ tag: 'Stock', summary: 'Book a stock count', description: 'What is on the shelf becomes on hand; the difference is a ledger line with the reason. Refused 409 not_enough_on_hand below what is reserved for orders.', body: stockCountSchema, idempotent: true, ok: { 201: [stockDocumentSchema, 'The count'] }, errors: { ...refusals, 409: 'not_enough_on_hand' } }),
      requireJsonContent,
      jsonBody(stockCountSchema),
      async (c) => {
        const body = c.req.valid('json');
        return c.json(await db.transaction().execute((trx) => countStock(trx, body, shopActor(c.var.apiKey.id), clock(), config.shopTimeZone)), 201);
      },
    )
    .post(
      '/stock/transfers',
      described({ tag: 'Stock', summary: 'Move stock between warehouses', body: stockTransferSchema, idempotent: true, ok: { 201: [stockDocumentSchema, 'The transfer'] }, errors: { ...refusals, 409: 'out_of_stock' } }),
      requireJsonContent,
      jsonBody(stockTransferSchema),
      async (c) => {
        const body = c.req.valid('json');
        return c.json(await db.transaction().execute((trx) => transferStock(trx, body, shopActor(c.var.apiKey.id), clock(), config.shopTimeZone)), 201);
      },
    )
    .get('/stock/:sku', described({ tag: 'Stock', summary: "A SKU's stock in every warehouse", ok: { 200: [skuStockSchema, 'On hand, reserved, available = on hand − reserved, safety stock'] }, errors: { 404: 'sku_not_found' } }), async (c) =>
      c.json(await loadSkuStock(db, codeParam(c, 'sku'))),
    );
}
