import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { receiptPlanReceiveSchema, receiptPlanRequestSchema, transferOrderQuerySchema, transferOrderRequestSchema } from '../../shared/api/ops-replenishment';
import type { AppDeps } from '../app-deps';
import type { Database } from '../db/schema';
import { replenishmentSuggestions } from '../domain/replenishment/replenishment-suggestions';
import { dispatchTransfer, planReceipt, receiveReceiptPlan, receiveTransfer } from '../domain/replenishment/replenishment-orders';
import { listReceiptPlans, listTransferOrders } from '../domain/replenishment/replenishment-repository';
import type { StockActor } from '../domain/stock/stock-actor';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { queryParams } from '../http/query-params';

/**
 * Staff's replenishment (behind the ops guard in app.ts): forecasts and suggestions, and
 * accepting them as receipt plans or transfer orders — each step one transaction.
 */
export function opsReplenishmentRoutes({ db, clock, config }: AppDeps) {
  const inTrx = <T>(staffId: number, step: (trx: Kysely<Database>, actor: StockActor, now: number) => Promise<T>) =>
    db.transaction().execute((trx) => step(trx, { type: 'staff', id: staffId }, clock()));
  return new Hono()
    .get('/replenishment', async (c) => c.json({ suggestions: await replenishmentSuggestions(db, clock(), config.shopTimeZone) }))
    .get('/replenishment/receipt-plans', async (c) => c.json({ plans: await listReceiptPlans(db) }))
    .post('/replenishment/receipt-plans', requireJsonContent, jsonBody(receiptPlanRequestSchema), async (c) =>
      c.json(await inTrx(c.var.user.id, (trx, actor, now) => planReceipt(trx, c.req.valid('json'), actor, now, config.shopTimeZone)), 201),
    )
    .post('/replenishment/receipt-plans/:no/receive', requireJsonContent, jsonBody(receiptPlanReceiveSchema), async (c) =>
      c.json(await inTrx(c.var.user.id, (trx, actor, now) => receiveReceiptPlan(trx, c.req.param('no'), c.req.valid('json').quantity, actor, now, config.shopTimeZone))),
    )
    .get('/transfer-orders', queryParams(transferOrderQuerySchema), async (c) => c.json({ transferOrders: await listTransferOrders(db, c.req.valid('query')) }))
    .post('/transfer-orders', requireJsonContent, jsonBody(transferOrderRequestSchema), async (c) =>
      c.json(await inTrx(c.var.user.id, (trx, actor, now) => dispatchTransfer(trx, c.req.valid('json'), actor, now, config.shopTimeZone)), 201),
    )
    .post('/transfer-orders/:no/receive', async (c) => c.json(await inTrx(c.var.user.id, (trx, actor, now) => receiveTransfer(trx, c.req.param('no'), actor, now))));
}
