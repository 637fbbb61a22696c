import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopOrderView } from '../../shared/api/shop';
import { DEMO_API_KEY } from '../../server/demo/demo-api-key';
import { demoOrderCurl, loadDemoOrders } from '../../server/demo/demo-shop-directory';
import { seedDemoIfEmpty } from '../../server/demo/seed-demo';
import { createTestApp } from '../support/test-app';
import { shopJson } from '../support/shop-fixtures';

const NOW = Date.UTC(2026, 11, 5, 4, 0, 0);
let t: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  t = await createTestApp({}, { now: NOW, fill: (handle) => seedDemoIfEmpty(handle, { now: NOW, afterSales: { uploadDir: join(handle.dir, 'uploads'), timeZone: 'Asia/Shanghai' } }) });
}, 120_000);
afterAll(() => t.dispose());

describe('the demo shop', () => {
  it('puts every demo parcel in a real order whose lines ship from a warehouse, through the ledger', async () => {
    const lines = await t.db.selectFrom('order_items').select(['warehouse_id']).execute();
    expect(lines.length).toBeGreaterThan(300);
    expect(lines.filter((l) => l.warehouse_id === null)).toEqual([]);
    const warehouses = await t.db.selectFrom('warehouses').select('code').execute();
    expect(warehouses.length).toBeGreaterThanOrEqual(3);
    const shippedUnits = await t.db
      .selectFrom('order_items as i')
      .innerJoin('orders as o', 'o.id', 'i.order_id')
      .select((eb) => eb.fn.sum<number>('i.quantity').as('n'))
      .where('o.status', '=', 'shipped')
      .executeTakeFirstOrThrow();
    const ledgerShipped = await t.db.selectFrom('stock_ledger').select((eb) => eb.fn.sum<number>('on_hand_delta').as('n')).where('kind', '=', 'shipment').executeTakeFirstOrThrow();
    expect(-Number(ledgerShipped.n)).toBe(Number(shippedUnits.n));
  });

  it('keeps the books: on hand and reserved are the ledger’s sums for every SKU and warehouse, and none is oversold', async () => {
    const levels = await t.db.selectFrom('stock_levels').selectAll().execute();
    const sums = await t.db
      .selectFrom('stock_ledger')
      .select(['product_id', 'warehouse_id', (eb) => eb.fn.sum<number>('on_hand_delta').as('onHand'), (eb) => eb.fn.sum<number>('reserved_delta').as('reserved')])
      .groupBy(['product_id', 'warehouse_id'])
      .execute();
    const off = levels.filter((l) => {
      const s = sums.find((x) => x.product_id === l.product_id && x.warehouse_id === l.warehouse_id);
      return !s || Number(s.onHand) !== l.on_hand || Number(s.reserved) !== l.reserved || l.reserved > l.on_hand;
    });
    expect(off).toEqual([]);
    const alerts = await t.db.selectFrom('low_stock_alerts').selectAll().where('closed_at', 'is', null).execute();
    expect(alerts.length).toBeGreaterThanOrEqual(2);
  });

  it('has orders waiting, paid, shipped and cancelled, each with the digits that open its page', async () => {
    const orders = await loadDemoOrders(t.db);
    expect(orders.map((o) => o.status)).toEqual(['pending_payment', 'paid', 'shipped', 'cancelled']);
    for (const o of orders) expect(o.phoneLast4).toMatch(/^\d{4}$/);
  });

  it('prints a key and a curl line that place an order as printed', async () => {
    const curl = demoOrderCurl('http://localhost:8080');
    expect(curl).toContain(`Bearer ${DEMO_API_KEY}`);
    const body = JSON.parse(/-d '(.+)'$/.exec(curl)![1]!) as unknown;
    const placed = await shopJson<ShopOrderView>(t, DEMO_API_KEY, '/orders', { body }, 201);
    expect(placed.status).toBe('pending_payment');
    expect(placed.lines[0]!.warehouse).toBe('GZ-BY');
  });
});
