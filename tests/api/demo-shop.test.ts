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

  it('plays the last two days through the warehouse: waves with wrong scans refused, packs, hand-overs to couriers and to 顺丰, whose pushes land once', async () => {
    const waves = await t.db.selectFrom('pick_waves').select(['id', 'status']).execute();
    expect(waves.length).toBeGreaterThanOrEqual(3);
    expect(waves.every((w) => w.status === 'packed')).toBe(true);
    const scans = await t.db.selectFrom('pick_scans').select('outcome').execute();
    expect(scans.filter((s) => s.outcome === 'wrong_item').length).toBeGreaterThanOrEqual(2);
    expect(scans.filter((s) => s.outcome === 'picked').length).toBeGreaterThan(scans.length / 2);

    const born = await t.db
      .selectFrom('shipments')
      .select(['tracking_no', 'status', 'courier_id', 'carrier_code', 'packed_by', 'handed_over_at', 'weight_grams'])
      .where('packed_by', 'is not', null)
      .execute();
    expect(born.length).toBeGreaterThanOrEqual(6);
    expect(born.every((s) => s.handed_over_at !== null && s.weight_grams !== null)).toBe(true);
    const toCouriers = born.filter((s) => s.courier_id !== null && s.carrier_code === null);
    const toCarrier = born.filter((s) => s.carrier_code === 'sf');
    expect(toCouriers.length).toBeGreaterThanOrEqual(1);
    expect(toCarrier.length).toBeGreaterThanOrEqual(1);
    // 顺丰's parcels moved by its pushes, the repeated batch adding nothing: one row per carrier event.
    expect(toCarrier.some((s) => s.status === 'Delivered')).toBe(true);
    const pushed = await t.db.selectFrom('tracking_events').select(['carrier_event_id']).where('carrier_code', '=', 'sf').execute();
    expect(pushed.length).toBeGreaterThanOrEqual(toCarrier.length);
    expect(new Set(pushed.map((e) => e.carrier_event_id)).size).toBe(pushed.length);
    // The couriers' parcels are open stops on their rounds.
    const stops = await t.db.selectFrom('shipments').select('route_position').where('tracking_no', 'in', toCouriers.map((s) => s.tracking_no)).execute();
    expect(stops.every((s) => s.route_position !== null)).toBe(true);

    // The shop's freshly paid orders wait in Guangzhou for the warehouse face's first wave.
    const waiting = await t.db
      .selectFrom('orders as o')
      .innerJoin('order_items as i', 'i.order_id', 'o.id')
      .innerJoin('warehouses as w', 'w.id', 'i.warehouse_id')
      .leftJoin('pick_lines as l', 'l.order_item_id', 'i.id')
      .select('o.id')
      .distinct()
      .where('o.status', '=', 'paid')
      .where('w.code', '=', 'GZ-BY')
      .where('l.id', 'is', null)
      .execute();
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(waiting.length).toBeLessThanOrEqual(10);
  });
});
