import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import {
  inventoryQuerySchema,
  safetyStockRequestSchema,
  stockDocumentListQuerySchema,
  stockLedgerQuerySchema,
} from '../../shared/api/ops-inventory';
import { stockCountSchema, stockReceiptSchema, stockTransferSchema, type StockDocumentView } from '../../shared/api/shop';
import type { AppDeps } from '../app-deps';
import { notFound } from '../app-error';
import type { Database } from '../db/schema';
import { findProduct } from '../domain/catalog/product-repository';
import { listWarehouses, requireWarehouse, warehouseView } from '../domain/catalog/warehouse-repository';
import { listOpenLowStockAlerts } from '../domain/stock/low-stock-alerts';
import { listStockDocuments } from '../domain/stock/ops-stock-document-list';
import { listStockLedger } from '../domain/stock/ops-stock-ledger';
import { findStockLevel, listStockLevels } from '../domain/stock/ops-stock-levels';
import { countStock, receiveStock, transferStock } from '../domain/stock/stock-documents';
import type { StockActor } from '../domain/stock/stock-actor';
import { setSafetyStock } from '../domain/stock/stock-ledger';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { queryParams } from '../http/query-params';

type StockDocumentWrite<B> = (trx: Kysely<Database>, body: B, actor: StockActor, now: number, timeZone: string) => Promise<StockDocumentView>;

/**
 * Staff's inventory (behind the ops guard in app.ts): levels by warehouse, the ledger, the
 * documents, and receipts, counts and transfers booked by a person, each in one transaction
 * through the same services as the shop API's, with the staff member as the actor.
 */
export function opsInventoryRoutes({ db, clock, config }: AppDeps) {
  const book = <B>(write: StockDocumentWrite<B>, body: B, staffId: number) =>
    db.transaction().execute((trx) => write(trx, body, { type: 'staff', id: staffId }, clock(), config.shopTimeZone));
  return new Hono()
    .get('/inventory', queryParams(inventoryQuerySchema), async (c) => {
      const { warehouse, q, low, limit, offset } = c.req.valid('query');
      const warehouseId = warehouse === undefined ? undefined : (await requireWarehouse(db, warehouse)).id;
      const [warehouses, levels] = await Promise.all([listWarehouses(db), listStockLevels(db, { warehouseId, q, lowOnly: low === '1', limit, offset })]);
      return c.json({ warehouses: warehouses.map(warehouseView), ...levels });
    })
    .get('/inventory/ledger', queryParams(stockLedgerQuerySchema), async (c) => c.json({ entries: await listStockLedger(db, c.req.valid('query')) }))
    .get('/inventory/documents', queryParams(stockDocumentListQuerySchema), async (c) => c.json({ documents: await listStockDocuments(db, c.req.valid('query')) }))
    .post('/inventory/receipts', requireJsonContent, jsonBody(stockReceiptSchema), async (c) => c.json(await book(receiveStock, c.req.valid('json'), c.var.user.id), 201))
    .post('/inventory/counts', requireJsonContent, jsonBody(stockCountSchema), async (c) => c.json(await book(countStock, c.req.valid('json'), c.var.user.id), 201))
    .post('/inventory/transfers', requireJsonContent, jsonBody(stockTransferSchema), async (c) => c.json(await book(transferStock, c.req.valid('json'), c.var.user.id), 201))
    .put('/inventory/safety-stock', requireJsonContent, jsonBody(safetyStockRequestSchema), async (c) => {
      const { warehouse: code, sku, safetyStock } = c.req.valid('json');
      const warehouse = await requireWarehouse(db, code);
      const product = await findProduct(db, sku);
      if (!product) throw notFound('sku_not_found', `No SKU ${sku} in the catalog`);
      await db.transaction().execute((trx) => setSafetyStock(trx, warehouse.id, product.id, safetyStock, clock()));
      return c.json((await findStockLevel(db, warehouse.id, sku))!);
    })
    .get('/low-stock', async (c) => c.json({ alerts: await listOpenLowStockAlerts(db) }));
}
