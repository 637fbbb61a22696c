import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { findOrCreateCustomer } from '../domain/orders/customer-records';
import { insertOrderLine, insertPendingOrder } from '../domain/orders/order-repository';
import { numberFromId } from '../domain/stock/document-numbers';
import { SYSTEM_ACTOR } from '../domain/stock/stock-actor';
import { receiveStock } from '../domain/stock/stock-documents';
import { moveStock } from '../domain/stock/stock-ledger';
import { historyDays } from '../domain/replenishment/demand-history';
import { shopDayStart } from '../../shared/analytics/shop-days';
import { DEMO_WAREHOUSES } from './demo-warehouses';
import { Random } from './random';
import { ORDER_FACTS_CHANGED } from '../domain/orders/order-facts-changed';

const HOUR = 3_600_000;
/** SKUs with a steady demand the forecast can learn (the parcel history alone is too thin). */
export const DEMAND_SKUS = ['AP-1001', 'HM-6002', 'EL-4003', 'BK-8001', 'PF-7102', 'SH-2002'] as const;
export const DEMAND_DAYS = 56;
/** Monday … Sunday: weekends sell half as much again. */
const WEEKDAY_FACTOR = [0.85, 0.8, 0.9, 0.95, 1.1, 1.5, 1.4];

/**
 * Eight weeks of shop orders with a weekly rhythm, so the replenishment page has a history
 * to forecast and the forecast bench something to back-test: per warehouse and day one
 * shipped order carrying these SKUs, a level per SKU and warehouse times the weekday's
 * factor, with a little deterministic noise. Stock is received first (the same units),
 * then each line is reserved and shipped through the ledger, so the shelves end as they were.
 */
export async function seedDemoDemandHistory(db: Kysely<Database>, options: { now: number; timeZone: string }): Promise<{ orders: number; units: number }> {
  const { now, timeZone } = options;
  const random = new Random(20261212);
  const days = historyDays(now, timeZone, DEMAND_DAYS);
  const warehouses = await db.selectFrom('warehouses').select(['id', 'code', 'name_zh']).where('code', 'in', DEMO_WAREHOUSES.map((w) => w.code)).orderBy('code').execute();
  const products = await db.selectFrom('products').select(['id', 'sku', 'price_fen']).where('sku', 'in', [...DEMAND_SKUS]).orderBy('sku').execute();
  if (warehouses.length === 0 || products.length === 0 || days.length === 0) return { orders: 0, units: 0 };

  const plan = warehouses.map((w) => {
    const levels = products.map(() => random.between(1.5, 7));
    const perDay = days.map((day) => {
      const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
      return products.map((_, i) => Math.max(0, Math.round(levels[i]! * WEEKDAY_FACTOR[weekday]! + random.between(-1.2, 1.2))));
    });
    return { w, perDay };
  });
  const firstDayStart = shopDayStart(days[0]!, timeZone);
  let orders = 0;
  let units = 0;
  await db.transaction().execute(async (trx) => {
    const customerId = await findOrCreateCustomer(trx, { name: '门店补货演示', phone: '13700001212' }, firstDayStart - HOUR);
    for (const { w, perDay } of plan) {
      const lines = products.map((p, i) => ({ sku: p.sku, quantity: perDay.reduce((s, day) => s + day[i]!, 0) })).filter((l) => l.quantity > 0);
      await receiveStock(trx, { warehouse: w.code, lines, note: '补货入库（需求历史）' }, SYSTEM_ACTOR, firstDayStart - HOUR, timeZone);
      const address = DEMO_WAREHOUSES.find((d) => d.code === w.code)!.address;
      for (const [d, day] of days.entries()) {
        const at = shopDayStart(day, timeZone) + 10 * HOUR + random.int(0, 8 * HOUR);
        const picks = products.map((p, i) => ({ p, quantity: perDay[d]![i]! })).filter((x) => x.quantity > 0);
        if (picks.length === 0) continue;
        const total = picks.reduce((s, x) => s + x.quantity * x.p.price_fen, 0);
        const orderId = await insertPendingOrder(trx, {
          customerId,
          recipient: { name: '门店补货演示', phone: '13700001212', address },
          price: { itemsTotalFen: total, discountFen: 0, shippingFen: 0, totalFen: total },
          createdAt: at,
          payBy: at + HOUR,
          apiKeyId: null,
          number: (id) => numberFromId('', id, at, timeZone, 10),
        });
        for (const { p, quantity } of picks) {
          await insertOrderLine(trx, { orderId, productId: p.id, quantity, unitPriceFen: p.price_fen, warehouseId: w.id });
          const movement = { warehouseId: w.id, productId: p.id, quantity, orderId, actor: SYSTEM_ACTOR };
          await moveStock(trx, { ...movement, kind: 'reservation' }, at);
          await moveStock(trx, { ...movement, kind: 'shipment' }, at + 2 * HOUR);
          units += quantity;
        }
        // Shipped (history, not work): no pick wave or packing bench picks these up.
        await trx.updateTable('orders').set({ status: 'shipped', paid_at: at + 60_000, picked_at: at + HOUR, packed_at: at + 2 * HOUR, updated_at: at + 2 * HOUR, ...ORDER_FACTS_CHANGED }).where('id', '=', orderId).execute();
        orders++;
      }
    }
  });
  return { orders, units };
}
