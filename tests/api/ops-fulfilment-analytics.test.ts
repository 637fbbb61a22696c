import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import { computeFulfilmentKpis, dayEndsOf, orderFactsInRange } from '../../server/domain/analytics/fulfilment-queries';
import { computeProcessMap } from '../../server/domain/analytics/process-map-query';
import { bucketedPercentile } from '../../shared/analytics/duration-buckets';
import { fulfilmentKpisFromLog, type FulfilmentLog } from '../../shared/analytics/fulfilment-kpis';
import type { OrderFacts } from '../../shared/analytics/order-path';
import { processMapFromLog } from '../../shared/analytics/process-map';
import { rangeBounds } from '../../shared/analytics/shop-days';
import { withOrderSide, withOrderSideStats } from '../../shared/analytics/whole-process-map';
import { refreshAnalyticsRollups } from '../../server/domain/analytics/rollup-refresh';
import { fulfilmentKpisFromRollups, orderSideFromRollups } from '../../server/domain/analytics/fulfilment-rollup-queries';
import type { FulfilmentKpis, ProcessMap } from '../../shared/api/ops-analytics';
import { createCourier } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { addShipment, createOrder, ORDER_CREATED_AT } from '../support/order-fixtures';
import { staffCookie } from '../support/return-fixtures';
import { createTestApp } from '../support/test-app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { freePort } from '../support/free-port';
import { startPostgres } from '../support/postgres-server';

const TZ = 'Asia/Shanghai';
const H = 3_600_000;
// ORDER_CREATED_AT is 2026-11-20 10:00 in Shanghai.
const RANGE = { from: '2026-11-20', to: '2026-11-21' };
const T = ORDER_CREATED_AT;

/** Orders at each step, scans right and wrong, and ledger rows: what the figures are made of. */
async function seedFacts(db: Kysely<Database>): Promise<FulfilmentLog> {
  const orders: OrderFacts[] = [];
  const place = async (facts: Partial<OrderFacts> & { status: 'pending_payment' | 'paid' | 'shipped' | 'cancelled' }, shipment = false) => {
    const o = await createOrder(db, { status: facts.status, paidAt: facts.paidAt ?? 0, payBy: facts.payBy ?? null, cancelledAt: facts.cancelledAt ?? null });
    await db.updateTable('orders').set({ picked_at: facts.pickedAt ?? null, packed_at: facts.packedAt ?? null }).where('id', '=', o.orderId).execute();
    if (shipment) {
      const { shipmentId } = await addShipment(db, o.orderId);
      await db.updateTable('shipments').set({ handed_over_at: facts.handedOverAt ?? null, created_at: facts.packedAt ?? T }).where('id', '=', shipmentId).execute();
    }
    orders.push({ createdAt: T, paidAt: facts.paidAt ?? null, pickedAt: facts.pickedAt ?? null, packedAt: facts.packedAt ?? null, handedOverAt: facts.handedOverAt ?? null, cancelledAt: facts.cancelledAt ?? null, status: facts.status, payBy: facts.payBy ?? null, city: '上海市' });
    return o;
  };
  // Six handed over (a slow pack), one packed only, one waiting inside its deadline, two cancelled unpaid.
  for (let i = 0; i < 6; i++) await place({ status: 'shipped', paidAt: T + H, pickedAt: T + 2 * H, packedAt: T + (8 + i) * H, handedOverAt: T + (9 + i) * H }, true);
  const first = await place({ status: 'paid', paidAt: T + H, pickedAt: T + 2 * H, packedAt: T + 3 * H }, true);
  await place({ status: 'pending_payment', payBy: T + 100 * H });
  await place({ status: 'cancelled', cancelledAt: T + H / 2 });
  await place({ status: 'cancelled', cancelledAt: T + H / 2 });

  const now = Date.now();
  const wh = await db
    .insertInto('warehouses')
    .values({ code: 'SH1', provinces: '[]', name_zh: '上海仓', name_en: 'Shanghai', province: '上海市', city: '上海市', district: '浦东新区', street: '1号', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const wave = await db.insertInto('pick_waves').values({ wave_no: 'W-1', warehouse_id: wh.id, status: 'open', created_at: T }).returning('id').executeTakeFirstOrThrow();
  type Outcome = 'picked' | 'wrong_item' | 'already_picked';
  const pickScans: Array<{ outcome: Outcome; scannedAt: number }> = [
    ...Array.from({ length: 9 }, () => ({ outcome: 'picked' as const, scannedAt: T + 2 * H })),
    { outcome: 'wrong_item', scannedAt: T + 2 * H },
    { outcome: 'already_picked', scannedAt: T + 2 * H },
    { outcome: 'wrong_item', scannedAt: T + 100 * H },
  ];
  for (const s of pickScans) await db.insertInto('pick_scans').values({ wave_id: wave.id, barcode: '690000', outcome: s.outcome, scanned_at: s.scannedAt }).execute();

  const item = await db.selectFrom('order_items').select('product_id').where('order_id', '=', first.orderId).executeTakeFirstOrThrow();
  const ledger = [
    { kind: 'receipt', onHandDelta: 20, onHandAfter: 20, reservedAfter: 0, createdAt: T - 48 * H },
    { kind: 'reservation', onHandDelta: 0, onHandAfter: 20, reservedAfter: 20, createdAt: T + 2 * H },
    { kind: 'shipment', onHandDelta: -12, onHandAfter: 8, reservedAfter: 8, createdAt: T + 30 * H },
  ];
  for (const r of ledger) {
    await db
      .insertInto('stock_ledger')
      .values({ warehouse_id: wh.id, product_id: item.product_id, kind: r.kind, on_hand_delta: r.onHandDelta, reserved_delta: 0, on_hand_after: r.onHandAfter, reserved_after: r.reservedAfter, actor_type: 'system', created_at: r.createdAt })
      .execute();
  }
  return { orders, pickScans, ledger: ledger.map((r) => ({ ...r, warehouseId: wh.id, productId: item.product_id })) };
}

let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: string;
let log: FulfilmentLog;

beforeAll(async () => {
  t = await createTestApp();
  log = await seedFacts(t.db);
  staff = await staffCookie(t);
}, 60_000);
afterAll(() => t.dispose());

const get = (path: string, cookie = staff) => t.app.request(path, { headers: cookie ? { cookie } : {} });
const bounds = () => ({ ...rangeBounds(RANGE.from, RANGE.to, TZ), dayEnds: dayEndsOf(RANGE, TZ) });

describe('GET /api/ops/kpis/fulfilment', () => {
  it('answers what the formulas say over the same facts (from the roll-ups: order → ship to the 4.4 % bucket)', async () => {
    const res = await get(`/api/ops/kpis/fulfilment?from=${RANGE.from}&to=${RANGE.to}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as FulfilmentKpis;
    expect(body).toEqual(fulfilmentKpisFromLog(log, bounds(), t.now(), bucketedPercentile));
    expect(body).toMatchObject({
      ordersPlaced: 10,
      ordersPaid: 7,
      ordersPendingInDeadline: 1,
      paymentConversion: 7 / 9,
      orderToShip: { medianMs: bucketedPercentile([10 * H], 50), p90Ms: bucketedPercentile([13 * H], 50), count: 7 },
      pickScans: 11,
      pickScansPicked: 9,
      pickAccuracy: 9 / 11,
      stockOuts: 1,
      unitsShipped: 12,
      averageOnHand: 14,
    });
  });

  it('the direct SQL equals the formulas', async () =>
    expect(await computeFulfilmentKpis(t.db, RANGE, TZ, t.now())).toEqual(fulfilmentKpisFromLog(log, bounds(), t.now())));

  it('a range without anything gives nulls, not zeros divided', async () => {
    const body = (await (await get('/api/ops/kpis/fulfilment?from=2025-01-01&to=2025-01-02')).json()) as FulfilmentKpis;
    expect(body).toMatchObject({ ordersPlaced: 0, paymentConversion: null, orderToShip: { medianMs: null, count: 0 }, pickAccuracy: null, inventoryTurnover: null });
  });

  it.each([
    ['no range', ''],
    ['a day that is not a day', '?from=2026-11-31&to=2026-12-01'],
    ['a backwards range', '?from=2026-11-21&to=2026-11-20'],
    ['a range over a year', '?from=2025-01-01&to=2026-11-21'],
    ['an unknown parameter', '?from=2026-11-20&to=2026-11-21&courier=1'],
  ])('refuses %s with 400', async (_, q) => expect((await get(`/api/ops/kpis/fulfilment${q}`)).status).toBe(400));

  it('writes them as the CSV table `fulfilment`', async () => {
    const res = await get(`/api/ops/kpis.csv?table=fulfilment&from=${RANGE.from}&to=${RANGE.to}`);
    expect(res.status).toBe(200);
    const rows = (await res.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows[0]).toBe('figure,value');
    expect(rows).toContain('orders_placed,10');
    expect(rows).toContain('pick_scans_picked,9');
    expect(rows).toContain(`order_to_ship_median_ms,${bucketedPercentile([10 * H], 50)}`);
    expect(rows).toHaveLength(15);
  });
});

describe('GET /api/ops/process-map: the whole process', () => {
  it('puts the orders’ steps before the parcels, and finds the slow pack as the slowest step', async () => {
    const res = await get(`/api/ops/process-map?from=${RANGE.from}&to=${RANGE.to}`);
    expect(res.status).toBe(200);
    const map = (await res.json()) as ProcessMap;
    // The roll-up path (the endpoint) and the direct path (SQL over the tables) agree.
    const direct = withOrderSide(await computeProcessMap(t.db, RANGE, TZ), await orderFactsInRange(t.db, rangeBounds(RANGE.from, RANGE.to, TZ)), bucketedPercentile);
    expect(map).toEqual(direct);
    expect(map).toEqual(withOrderSide(processMapFromLog([], RANGE, TZ, bucketedPercentile), log.orders, bucketedPercentile));
    expect(map.orders).toBe(10);
    expect(map.nodes.map((n) => n.status)).toEqual(['OrderPlaced', 'Paid', 'Picked', 'Packed', 'HandedOver', 'Cancelled']);
    expect(map.edges.filter((e) => e.slowest).map((e) => `${e.from}>${e.to}`)).toEqual(['Picked>Packed']);
  });

  it('a city filter keeps that city’s orders; a courier filter leaves the order side out', async () => {
    const beijing = (await (await get(`/api/ops/process-map?from=${RANGE.from}&to=${RANGE.to}&city=${encodeURIComponent('北京市')}`)).json()) as ProcessMap;
    expect(beijing).toMatchObject({ orders: 0, nodes: [], edges: [] });
    const courier = (await (await get(`/api/ops/process-map?from=${RANGE.from}&to=${RANGE.to}&courier=1`)).json()) as ProcessMap;
    expect(courier.orders).toBeUndefined();
    expect(courier.nodes).toEqual([]);
  });
});

describe('who may not see them', () => {
  it.each(['/api/ops/kpis/fulfilment?from=2026-11-20&to=2026-11-21', '/api/ops/kpis.csv?table=fulfilment&from=2026-11-20&to=2026-11-21'])('%s: anonymous 401, a courier 403', async (path) => {
    expect((await get(path, '')).status).toBe(401);
    const courier = await createCourier(t.db);
    expect((await get(path, await signIn(t, courier.phone))).status).toBe(403);
  });
});

describe('PostgreSQL: the same SQL gives the same answers', () => {
  let pg: ReturnType<typeof startPostgres>;
  let handle: DatabaseHandle;
  let pgLog: FulfilmentLog;

  beforeAll(async () => {
    pg = startPostgres(await freePort());
    handle = createDb(pg.url);
    await migrateToLatest(handle.db);
    pgLog = await seedFacts(handle.db);
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
    pg?.stop();
  });

  it('the figures and the order side of the map', async () => {
    const now = Date.UTC(2026, 10, 21, 4, 0, 0);
    expect(await computeFulfilmentKpis(handle.db, RANGE, TZ, now)).toEqual(fulfilmentKpisFromLog(pgLog, bounds(), now));
    const direct = withOrderSide(await computeProcessMap(handle.db, RANGE, TZ), await orderFactsInRange(handle.db, rangeBounds(RANGE.from, RANGE.to, TZ)), bucketedPercentile);
    expect(direct).toEqual(withOrderSide(processMapFromLog([], RANGE, TZ, bucketedPercentile), pgLog.orders, bucketedPercentile));
  });

  it('the roll-ups, built and read on PostgreSQL', async () => {
    const now = Date.UTC(2026, 10, 21, 4, 0, 0);
    await refreshAnalyticsRollups(handle.db, TZ, now);
    expect(await fulfilmentKpisFromRollups(handle.db, RANGE, TZ, now)).toEqual(fulfilmentKpisFromLog(pgLog, bounds(), now, bucketedPercentile));
    const side = await orderSideFromRollups(handle.db, RANGE);
    expect(withOrderSideStats(processMapFromLog([], RANGE, TZ, bucketedPercentile), side)).toEqual(
      withOrderSide(processMapFromLog([], RANGE, TZ, bucketedPercentile), pgLog.orders, bucketedPercentile),
    );
  });
});
