import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { upsertProduct } from '../../server/domain/catalog/product-repository';
import { upsertWarehouse } from '../../server/domain/catalog/warehouse-repository';
import { takeOrder } from '../../server/domain/orders/order-intake';
import { receiveStock } from '../../server/domain/stock/stock-documents';
import { SYSTEM_ACTOR } from '../../server/domain/stock/stock-actor';
import { line } from './bench-support';

const ORDERS = 2_000;
const SKUS = 20;
const TZ = 'Asia/Shanghai';
const address = { province: '广东省', city: '深圳市', district: '南山区', street: '科技园南区 8 栋' };

/** A catalog of SKUS products with plenty of stock in two warehouses. */
async function fixture(dir: string, name: string, stockEach: number) {
  const handle = createDb(`sqlite:${join(dir, name)}`);
  await migrateToLatest(handle.db);
  const now = Date.UTC(2026, 11, 5, 2);
  await upsertWarehouse(handle.db, 'GZ01', { name: { 'zh-CN': '广州仓', en: 'Guangzhou' }, provinces: ['广东省'], address }, now);
  await upsertWarehouse(handle.db, 'SH01', { name: { 'zh-CN': '上海仓', en: 'Shanghai' }, provinces: ['上海市'], address: { ...address, province: '上海市', city: '上海市' } }, now);
  for (let i = 0; i < SKUS; i++) await upsertProduct(handle.db, `SKU-${i}`, { name: { 'zh-CN': `商品${i}`, en: `Item ${i}` }, category: 'home', priceFen: 1000 + i * 100 }, now);
  const lines = Array.from({ length: SKUS }, (_, i) => ({ sku: `SKU-${i}`, quantity: stockEach }));
  await handle.db.transaction().execute(async (trx) => {
    await receiveStock(trx, { warehouse: 'GZ01', lines }, SYSTEM_ACTOR, now, TZ);
    await receiveStock(trx, { warehouse: 'SH01', lines }, SYSTEM_ACTOR, now, TZ);
  });
  return handle;
}

const orderFor = (i: number) => ({
  customer: { name: '压测买家', phone: `139${String(i % 5000).padStart(8, '0')}`, address },
  lines: [
    { sku: `SKU-${i % SKUS}`, quantity: 1 },
    { sku: `SKU-${(i + 7) % SKUS}`, quantity: 2 },
  ],
});

/**
 * Order intake against the floor: raw better-sqlite3 writing the same rows (order, its lines,
 * the stock rows and their ledger lines, the customer) with prepared statements, one
 * transaction per order like intake, both with synchronous=FULL on the same disk. Then the
 * oversell count: many buyers at once for few units, through the same service.
 */
export async function benchOrderIntake() {
  console.log(`\nOrder intake (${ORDERS} orders of 2 lines, stock reserved in the order's transaction, synchronous=FULL)`);
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-order-bench-'));
  try {
    const app = await fixture(dir, 'intake.db', 1_000_000);
    const now = Date.UTC(2026, 11, 5, 3);
    const ctx = { now, payWithinMs: 30 * 60_000, timeZone: TZ, apiKeyId: null, actor: SYSTEM_ACTOR };
    let started = performance.now();
    for (let i = 0; i < ORDERS; i++) await app.db.transaction().execute((trx) => takeOrder(trx, orderFor(i), ctx));
    const intakeRate = ORDERS / ((performance.now() - started) / 1000);

    const raw = await fixture(dir, 'raw.db', 1_000_000);
    const conn = raw.sqlite!;
    const product = conn.prepare('select id, price_fen, category from products where sku = ?');
    const customer = conn.prepare('select id from customers where phone = ?');
    const insertCustomer = conn.prepare('insert into customers (name, phone, created_at) values (?, ?, ?) returning id');
    const levels = conn.prepare('select id, warehouse_id, on_hand, reserved from stock_levels where product_id = ? order by id');
    const insertOrder = conn.prepare(
      `insert into orders (order_no, customer_id, status, items_total_fen, discount_fen, shipping_fen, paid_total_fen, paid_at, recipient_name, recipient_phone, province, city, district, street, created_at, updated_at, pay_by)
       values (?, ?, 'pending_payment', ?, 0, 0, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    );
    const numberOrder = conn.prepare('update orders set order_no = ? where id = ?');
    const insertItem = conn.prepare('insert into order_items (order_id, product_id, quantity, unit_price_fen, warehouse_id) values (?, ?, ?, ?, ?)');
    const reserve = conn.prepare('update stock_levels set reserved = reserved + ?, updated_at = ? where id = ? and on_hand - reserved >= ?');
    const insertLedger = conn.prepare(
      `insert into stock_ledger (warehouse_id, product_id, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, order_id, actor_type, created_at)
       values (?, ?, 'reservation', 0, ?, ?, ?, ?, 'system', ?)`,
    );
    const writeOrder = conn.transaction((i: number) => {
      const o = orderFor(i);
      const c = (customer.get(o.customer.phone) as { id: number } | undefined) ?? (insertCustomer.get(o.customer.name, o.customer.phone, now) as { id: number });
      const priced = o.lines.map((l) => ({ ...l, p: product.get(l.sku) as { id: number; price_fen: number } }));
      const total = priced.reduce((sum, l) => sum + l.quantity * l.p.price_fen, 0);
      const { id } = insertOrder.get(`pending-${i}`, c.id, total, total, o.customer.name, o.customer.phone, address.province, address.city, address.district, address.street, now, now, now + 1_800_000) as { id: number };
      numberOrder.run(`20261205${String(id).padStart(10, '0')}`, id);
      for (const l of priced) {
        const level = (levels.all(l.p.id) as { id: number; warehouse_id: number; on_hand: number; reserved: number }[])[0]!;
        insertItem.run(id, l.p.id, l.quantity, l.p.price_fen, level.warehouse_id);
        reserve.run(l.quantity, now, level.id, l.quantity);
        insertLedger.run(level.warehouse_id, l.p.id, l.quantity, level.on_hand, level.reserved + l.quantity, id, now);
      }
    });
    started = performance.now();
    for (let i = 0; i < ORDERS; i++) writeOrder(i);
    const rawRate = ORDERS / ((performance.now() - started) / 1000);
    await raw.close();

    line('raw better-sqlite3, same rows', `${rawRate.toFixed(0)} orders/s`, '', null);
    line('order intake path', `${intakeRate.toFixed(0)} orders/s`, '', null);
    line('intake as a share of raw', `${((intakeRate / rawRate) * 100).toFixed(0)} %`, '≥ 50 %', intakeRate / rawRate >= 0.5);

    // Oversell under load: 1,000 buyers at once for 50 units of one SKU.
    const scarce = await fixture(dir, 'scarce.db', 25);
    const rush = await Promise.allSettled(
      Array.from({ length: 1_000 }, (_, i) =>
        scarce.db.transaction().execute((trx) => takeOrder(trx, { customer: orderFor(i).customer, lines: [{ sku: 'SKU-3', quantity: 1 }] }, ctx)),
      ),
    );
    const won = rush.filter((r) => r.status === 'fulfilled').length;
    const books = await scarce.db
      .selectFrom('stock_levels as s')
      .innerJoin('products as p', 'p.id', 's.product_id')
      .select((eb) => [eb.fn.sum<number>('s.on_hand').as('onHand'), eb.fn.sum<number>('s.reserved').as('reserved')])
      .where('p.sku', '=', 'SKU-3')
      .executeTakeFirstOrThrow();
    const oversold = Math.max(0, won - 50) + Math.max(0, Number(books.reserved) - Number(books.onHand));
    await scarce.close();
    await app.close();
    line('1,000 buyers at once for 50 units: orders taken', `${won}`, '50', won === 50);
    line('units oversold', `${oversold}`, '0', oversold === 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
