import { expect } from 'vitest';
import { computeFulfilmentKpis, orderFactsInRange } from '../../server/domain/analytics/fulfilment-queries';
import { processMapFromRollups } from '../../server/domain/analytics/process-map-rollup-query';
import { bucketedPercentile } from '../../shared/analytics/duration-buckets';
import { shopDate } from '../../shared/time/shop-calendar';
import { rangeBounds } from '../../shared/analytics/shop-days';
import { withOrderSide } from '../../shared/analytics/whole-process-map';
import type { FulfilmentKpis, ProcessMap } from '../../shared/api/ops-analytics';
import { createCourier } from '../support/accounts';
import { opsCallers, paidOrder, placeOrder, stockedShop } from '../support/ops-stock-fixtures';
import type { createTestApp } from '../support/test-app';
import { newWave, pickWholeWave, placeBins, warehouseCall, warehouseWorker } from '../support/warehouse-fixtures';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
const MINUTE = 60_000;
const BOX = [{ sku: 'MUG-350', quantity: 1 }];

/**
 * The order side of the roll-ups against the plain SQL over the tables, with every change made
 * through the paths the product makes it by (take the order, pay, cancel, scan, pack, hand
 * over), some before the first refresh and some between refreshes: what each write path must
 * flag for the fold is checked by the figures agreeing. `t` may be one of several instances
 * over one database; `advance` moves the clock every instance reads.
 */
export async function playOrderSide(t: TestApp, advance: (ms: number) => void) {
  await stockedShop(t, { gz: 40, sh: 40 });
  await placeBins(t, 'GZ01', { 'TEE-WHITE-L': 'A-01-01', 'MUG-350': 'A-01-02' });
  const worker = await warehouseWorker(t, 'GZ01');
  const { staff } = await opsCallers(t);
  const courier = await createCourier(t.db, { city: '深圳市' });
  const day = shopDate(t.now(), t.deps.config.shopTimeZone);
  const range = { from: day, to: day };

  const ops = (path: string) => t.app.request(`/api/ops${path}`, { headers: { cookie: staff } });
  const packAndHandOver = async (orderNo: string, handOver: boolean) => {
    const packed = await warehouseCall(t, worker, 'POST', `/orders/${orderNo}/pack`, { lines: BOX, weightGrams: 400 });
    expect(packed.status).toBe(201);
    if (!handOver) return;
    advance(20 * MINUTE);
    const res = await warehouseCall(t, worker, 'POST', '/handover', { trackingNos: [packed.body.shipment.trackingNo], to: { kind: 'courier', courierId: courier.id } });
    expect(res.body.results[0].outcome).toBe('handed_over');
  };
  /** What the endpoints answer (roll-ups) equals the plain SQL over the tables, durations to the bucket. */
  const agree = async () => {
    const figures = (await (await ops(`/kpis/fulfilment?from=${range.from}&to=${range.to}`)).json()) as FulfilmentKpis;
    expect(figures).toEqual(await computeFulfilmentKpis(t.db, range, t.deps.config.shopTimeZone, t.now(), bucketedPercentile));
    const bounds = rangeBounds(range.from, range.to, t.deps.config.shopTimeZone);
    for (const city of [undefined, '深圳市', '北京市']) {
      const query = city === undefined ? '' : `&city=${encodeURIComponent(city)}`;
      const map = (await (await ops(`/process-map?from=${range.from}&to=${range.to}${query}`)).json()) as ProcessMap;
      // The parcels' side as its own roll-ups give it (tested against the event log elsewhere); the orders' side from the orders.
      const delivery = await processMapFromRollups(t.db, { ...range, ...(city === undefined ? {} : { city }) });
      expect(map).toEqual(withOrderSide(delivery, await orderFactsInRange(t.db, bounds, city), bucketedPercentile));
    }
    return figures;
  };

  // Before any refresh: orders placed, paid, one through pick, pack and hand-over, a wrong scan.
  const paid = [await paidOrder(t, BOX), await paidOrder(t, BOX), await paidOrder(t, BOX)];
  advance(15 * MINUTE);
  const first = await newWave(t, worker, 1);
  expect((await warehouseCall(t, worker, 'POST', `/waves/${first.wave.waveNo}/scans`, { barcode: 'TEE-WHITE-L' })).body.outcome).toBe('wrong_item');
  await pickWholeWave(t, worker, first);
  advance(30 * MINUTE);
  await packAndHandOver(first.orders[0]!.orderNo, true);
  const waiting = [await placeOrder(t, BOX), await placeOrder(t, BOX), await placeOrder(t, BOX)];
  const before = await agree();
  expect(before).toMatchObject({ ordersPlaced: 6, ordersPaid: 3, pickScans: 2, pickScansPicked: 1, orderToShip: { count: 1 } });

  // Between refreshes, one kind of change at a time to orders the fold has already seen, so a
  // write path that forgot to flag its order shows up as a disagreement right there.
  advance(10 * MINUTE);
  const { payOrder } = await import('../../server/domain/order-lifecycle/order-payment');
  expect(await payOrder(t.db, t.deps.payments, waiting[1]!, t.now())).toBe('applied');
  expect(await agree()).toMatchObject({ ordersPlaced: 6, ordersPaid: 4 });

  const cancelled = await t.app.request(`/api/ops/orders/${waiting[0]}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: staff }, body: JSON.stringify({ reason: '客户要求' }) });
  expect(cancelled.status).toBe(200);
  await agree();

  advance(25 * MINUTE);
  const second = await newWave(t, worker);
  await pickWholeWave(t, worker, second);
  await agree();

  advance(40 * MINUTE);
  const picked = second.orders.map((o) => o.orderNo);
  await packAndHandOver(picked[0]!, false);
  await packAndHandOver(picked[1]!, false);
  const packed = await agree();
  expect(packed).toMatchObject({ orderToShip: { count: 3 } });

  advance(20 * MINUTE);
  const handOver = async (orderNo: string) => {
    const trackingNo = (await t.db.selectFrom('shipments as s').innerJoin('orders as o', 'o.id', 's.order_id').select('s.tracking_no').where('o.order_no', '=', orderNo).executeTakeFirstOrThrow()).tracking_no;
    const res = await warehouseCall(t, worker, 'POST', '/handover', { trackingNos: [trackingNo], to: { kind: 'courier', courierId: courier.id } });
    expect(res.body.results[0].outcome).toBe('handed_over');
  };
  await handOver(picked[0]!);
  await agree();
  advance(3 * 60 * MINUTE);
  await handOver(picked[1]!);
  const after = await agree();
  expect(after.orderToShip.p90Ms).toBeGreaterThan(packed.orderToShip.p90Ms!);
  await paidOrder(t, BOX); // and one more, new
  expect(await agree()).toMatchObject({ ordersPlaced: 7, ordersPaid: 5 });
  expect(await t.db.selectFrom('orders').select('id').where('analytics_dirty', '=', 1).execute()).toEqual([]);

  // Built again from nothing, the roll-ups say the same.
  const folded = await agree();
  await t.db.updateTable('analytics_state').set({ time_zone: '' }).execute();
  expect(await agree()).toEqual(folded);
  return { range, paid, staff };
}
