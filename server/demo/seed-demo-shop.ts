import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { upsertProduct } from '../domain/catalog/product-repository';
import { upsertWarehouse, type Warehouse } from '../domain/catalog/warehouse-repository';
import { upsertCoupon } from '../domain/orders/coupon-repository';
import { cancelOrder, cancelOverdueOrders } from '../domain/order-lifecycle/order-cancel';
import { takeOrder } from '../domain/orders/order-intake';
import { payOrder } from '../domain/order-lifecycle/order-payment';
import { simulatedPaymentProvider } from '../domain/payments/simulated-payment-provider';
import { receiveStock } from '../domain/stock/stock-documents';
import { moveStock, setSafetyStock } from '../domain/stock/stock-ledger';
import { SYSTEM_ACTOR } from '../domain/stock/stock-actor';
import { ensureDemoApiKey } from './demo-api-key';
import { DEMO_PRODUCT_DETAILS, demoBarcode } from './demo-catalog-details';
import { DEMO_PRODUCTS } from './demo-products';
import { DEMO_WAREHOUSES } from './demo-warehouses';
import { provinceIn } from '../../shared/orders/province-names';
import { Random } from './random';
import { seedDemoWarehouseFloor } from './seed-demo-warehouse';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoShopResult {
  orders: number;
  lowStock: number;
}

/**
 * The demo's shop, made through the same services the shop API and the ops face use: the
 * catalog and four warehouses, stock received, every demo parcel's order reserved and shipped
 * through the ledger from the warehouse serving its province, coupons, and a handful of new
 * orders waiting for payment, paid, or cancelled. Runs after the bulk parcel fill and before
 * the returns, so accepted returns go back to stock through the ledger too.
 */
export async function seedDemoShop(db: Kysely<Database>, options: { now: number; timeZone: string }): Promise<DemoShopResult> {
  const { now, timeZone } = options;
  const random = new Random(20261205);
  const warehouses: Warehouse[] = [];
  for (const { code, ...warehouse } of DEMO_WAREHOUSES) warehouses.push((await upsertWarehouse(db, code, warehouse, now - 90 * DAY)).warehouse);
  for (const p of DEMO_PRODUCTS) {
    const [en, weightGrams] = DEMO_PRODUCT_DETAILS[p.sku] ?? [p.name, null];
    await upsertProduct(db, p.sku, { name: { 'zh-CN': p.name, en }, category: p.category, priceFen: p.priceFen, barcode: demoBarcode(p.sku), weightGrams }, now - 90 * DAY);
  }

  const history = await db
    .selectFrom('order_items as i')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .innerJoin('products as p', 'p.id', 'i.product_id')
    .select(['i.id', 'i.order_id', 'i.product_id', 'i.quantity', 'p.sku', 'o.province', 'o.created_at', 'o.paid_at'])
    .where('i.warehouse_id', 'is', null)
    .orderBy('o.created_at')
    .orderBy('i.id')
    .execute();
  const firstShipment = new Map(
    (await db.selectFrom('shipments').select(['order_id', 'created_at']).where('leg', '=', 'delivery').orderBy('id').execute()).map((s) => [s.order_id, s.created_at]),
  );
  const servingOf = (province: string) => warehouses.find((w) => provinceIn(province, w.provinces)) ?? warehouses[0]!;
  const shipped = new Map<string, number>();
  for (const line of history) {
    const key = `${servingOf(line.province).code}|${line.sku}`;
    shipped.set(key, (shipped.get(key) ?? 0) + line.quantity);
  }

  // Received before the history begins: what it shipped plus what is on the shelf today.
  const openedAt = (history[0]?.created_at ?? now) - 7 * DAY;
  const lowOnPurpose = new Set(['GZ-BY|EL-4001', 'SH-QP|BT-5004', 'BJ-SY|FF-7001']);
  await db.transaction().execute(async (trx) => {
    for (const warehouse of warehouses) {
      const lines = DEMO_PRODUCTS.map((p) => {
        const key = `${warehouse.code}|${p.sku}`;
        const onShelf = lowOnPurpose.has(key) ? 2 : random.int(20, 120);
        return { sku: p.sku, quantity: (shipped.get(key) ?? 0) + onShelf };
      });
      await receiveStock(trx, { warehouse: warehouse.code, lines, note: '开仓首批入库' }, SYSTEM_ACTOR, openedAt, timeZone);
    }
  });

  // Every demo parcel's order: reserved when placed, shipped when its parcel was made.
  await db.transaction().execute(async (trx) => {
    for (const line of history) {
      const warehouse = servingOf(line.province);
      await trx.updateTable('order_items').set({ warehouse_id: warehouse.id }).where('id', '=', line.id).execute();
      const movement = { warehouseId: warehouse.id, productId: line.product_id, quantity: line.quantity, orderId: line.order_id, actor: SYSTEM_ACTOR };
      await moveStock(trx, { ...movement, kind: 'reservation' }, line.created_at);
      await moveStock(trx, { ...movement, kind: 'shipment' }, firstShipment.get(line.order_id) ?? line.paid_at);
    }
    const levels = await trx.selectFrom('stock_levels').select(['warehouse_id', 'product_id']).execute();
    for (const level of levels) await setSafetyStock(trx, level.warehouse_id, level.product_id, 10, openedAt);
  });

  await upsertCoupon(db, 'NEW10', { kind: 'percentage', percentOff: 10, perCustomerLimit: 1 }, now - 30 * DAY);
  await upsertCoupon(db, 'MAN199-20', { kind: 'threshold', amountOffFen: 2000, thresholdFen: 19900 }, now - 30 * DAY);
  await upsertCoupon(db, 'DOUBLE12', { kind: 'fixed', amountOffFen: 1200, thresholdFen: 5000, startsAt: now - 2 * DAY, endsAt: now + 7 * DAY, totalLimit: 1000 }, now - 30 * DAY);

  await seedDemoWarehouseFloor(db, now - 90 * DAY);
  await ensureDemoApiKey(db, now - 30 * DAY);
  return { orders: await placeDemoOrders(db, now, timeZone), lowStock: lowOnPurpose.size };
}

/** New orders in every state an order can be in before it ships, placed through order intake. */
async function placeDemoOrders(db: Kysely<Database>, now: number, timeZone: string): Promise<number> {
  const buyers = await db.selectFrom('orders').select(['recipient_name', 'recipient_phone', 'province', 'city', 'district', 'street']).orderBy('id').limit(8).execute();
  const plans: { hoursAgo: number; skus: [string, number][]; coupon?: string; then?: 'pay' | 'cancel_paid' }[] = [
    { hoursAgo: 0.2, skus: [['AP-1001', 2], ['HM-6002', 1]] },
    { hoursAgo: 0.1, skus: [['EL-4003', 3]], coupon: 'NEW10' },
    { hoursAgo: 3, skus: [['BK-8001', 1]], then: 'pay' },
    { hoursAgo: 2, skus: [['EL-4002', 1], ['EL-4003', 2]], coupon: 'MAN199-20', then: 'pay' },
    { hoursAgo: 1, skus: [['PF-7102', 2]], coupon: 'DOUBLE12', then: 'pay' },
    { hoursAgo: 5, skus: [['SH-2002', 1]], then: 'cancel_paid' },
    // Left unpaid past its deadline: the deadline's cancellation releases it below.
    { hoursAgo: 4, skus: [['HM-6006', 1]] },
  ];
  const payments = simulatedPaymentProvider(db, () => now);
  let placed = 0;
  for (const [i, plan] of plans.entries()) {
    const buyer = buyers[i % buyers.length];
    if (!buyer) break;
    const at = now - plan.hoursAgo * HOUR;
    const customer = { name: buyer.recipient_name, phone: buyer.recipient_phone, address: { province: buyer.province, city: buyer.city, district: buyer.district, street: buyer.street } };
    const ctx = { now: at, payWithinMs: 30 * 60_000, timeZone, apiKeyId: null, actor: SYSTEM_ACTOR };
    const orderId = await db.transaction().execute((trx) =>
      takeOrder(trx, { customer, lines: plan.skus.map(([sku, quantity]) => ({ sku, quantity })), couponCodes: plan.coupon ? [plan.coupon] : undefined }, ctx),
    );
    const { order_no: orderNo } = await db.selectFrom('orders').select('order_no').where('id', '=', orderId).executeTakeFirstOrThrow();
    if (plan.then) await payOrder(db, payments, orderNo, at + 5 * 60_000);
    if (plan.then === 'cancel_paid') await cancelOrder(db, payments, orderNo, { reason: '买家申请取消：拍错尺码', actor: SYSTEM_ACTOR, staffId: null, now: at + 40 * 60_000 });
    placed += 1;
  }
  await cancelOverdueOrders(db, payments, now);
  return placed;
}
