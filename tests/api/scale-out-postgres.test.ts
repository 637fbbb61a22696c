import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { DEMO_API_KEY } from '../../server/demo/demo-api-key';
import type { CourierReport, SyncResponse } from '../../shared/courier/courier-report';
import { freePort } from '../support/free-port';
import { startInstance, type InstanceProcess } from '../support/instance-process';
import { readUntilFirstEvent } from '../support/live-stream-reader';
import { startPostgres } from '../support/postgres-server';
import { lastUnitsRush } from '../support/oversell-scenario';
import { GUANGZHOU_WAREHOUSE, shopJson, type ShopTestApp } from '../support/shop-fixtures';
import { waitFor } from '../support/wait-for';

// Two Doorstep processes on one real PostgreSQL, as behind a load balancer: what a shop that
// outgrew one machine runs. Each test goes through both, as a load balancer without sticky
// sessions would send a phone's or a buyer's requests.
let pg: ReturnType<typeof startPostgres>;
let db: DatabaseHandle;
let uploads: string;
let a: InstanceProcess;
let b: InstanceProcess;

const COURIER_PASSWORD = 'courier123';
const METRICS_TOKEN = 'scale-out-test-metrics-token';

async function metricsOf(instance: InstanceProcess): Promise<string> {
  const res = await fetch(`${instance.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

function instanceEnv(): Record<string, string> {
  return { DATABASE_URL: pg.url, UPLOAD_DIR: uploads, DEMO: 'on', METRICS_TOKEN };
}

beforeAll(async () => {
  pg = startPostgres(await freePort());
  db = createDb(pg.url);
  uploads = mkdtempSync(join(tmpdir(), 'doorstep-shared-uploads-'));
  // Started at the same moment on an empty database: one migrates and fills the demo data
  // under the start-up lock, the other waits and then serves the same data.
  [a, b] = await Promise.all([startInstance(instanceEnv()), startInstance(instanceEnv())]);
  await Promise.all([a.untilServing(), b.untilServing()]);
}, 180_000);
afterAll(async () => {
  for (const instance of [a, b]) instance?.kill('SIGKILL');
  await Promise.all([a?.exited, b?.exited]);
  await db?.close();
  pg?.stop();
  rmSync(uploads, { recursive: true, force: true });
});

async function signIn(instance: InstanceProcess, login: string): Promise<string> {
  const res = await fetch(`${instance.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: COURIER_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in on ${instance.url} failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

function sync(instance: InstanceProcess, cookie: string, reports: CourierReport[]) {
  return fetch(`${instance.url}/api/courier/sync`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ sentAt: Date.now(), reports }) });
}

/** Demo parcels on their way, by courier: what a phone can report out for delivery. */
async function parcelsInTransit() {
  const rows = await db.db
    .selectFrom('shipments as s')
    .innerJoin('couriers as c', 'c.id', 's.courier_id')
    .select(['s.tracking_no', 's.version', 'c.phone'])
    .where('s.status', '=', 'InTransit')
    .where('s.leg', '=', 'delivery')
    .orderBy('s.id')
    .execute();
  const byCourier = new Map<string, Array<{ trackingNo: string; version: number }>>();
  for (const r of rows) byCourier.set(r.phone, [...(byCourier.get(r.phone) ?? []), { trackingNo: r.tracking_no, version: r.version }]);
  return byCourier;
}

let seq = 0;
const outForDelivery = (deviceId: string, parcel: { trackingNo: string; version: number }): CourierReport => ({
  id: randomUUID(),
  deviceId,
  seq: ++seq,
  trackingNo: parcel.trackingNo,
  kind: 'out_for_delivery',
  occurredAt: Date.now() - 1_000,
  shipmentVersion: parcel.version,
});

describe('two instances on one PostgreSQL', () => {
  it('both started at the same moment on an empty database serve the same demo data', async () => {
    const [fromA, fromB] = await Promise.all([a, b].map((i) => fetch(`${i.url}/api/shop/products?limit=5`, { headers: { authorization: `Bearer ${DEMO_API_KEY}` } }).then((r) => r.json())));
    expect(fromA).toEqual(fromB);
    const products = await db.db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(products.n)).toBeGreaterThan(0);
    expect(a.output + b.output).not.toMatch(/duplicate key|failed to start/i);
  });

  it('a courier report through A reaches a customer\'s live page on B within a second', async () => {
    const [courier, parcels] = [...(await parcelsInTransit())][0]!;
    const parcel = parcels[0]!;
    const stream = await fetch(`${b.url}/api/track/${parcel.trackingNo}/stream`);
    const reader = stream.body!.getReader();
    try {
      await readUntilFirstEvent(reader);
      let text = '';
      const nextEvent = (async () => {
        while (!text.includes('OutForDelivery')) {
          const { value, done } = await reader.read();
          if (done) throw new Error('the stream ended');
          text += new TextDecoder().decode(value);
        }
        return Date.now();
      })();
      const cookie = await signIn(a, courier);
      const res = await sync(a, cookie, [outForDelivery(randomUUID(), parcel)]);
      const committedAt = Date.now();
      expect(((await res.json()) as SyncResponse).results[0]!.outcome).toBe('applied');
      const arrivedAt = await Promise.race([nextEvent, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not on B within 1 s')), 1_000))]);
      expect(arrivedAt - committedAt).toBeLessThan(1_000);
      // B measured the crossing, and shows its job queues beside it.
      const metrics = await metricsOf(b);
      expect(Number(/^doorstep_bus_lag_seconds_count (\d+)/m.exec(metrics)?.[1] ?? 0)).toBeGreaterThan(0);
      expect(metrics).toMatch(/^doorstep_job_queue_depth\{queue="notifications"\} \d+/m);
      expect(metrics).toMatch(/^doorstep_job_queue_oldest_age_seconds\{queue="payment_deadlines"\} [\d.]+/m);
    } finally {
      await reader.cancel();
    }
  });

  it('200 buyers split across both instances buy the last 10 units: exactly 10 orders', async () => {
    const asShopApp = (instance: InstanceProcess): ShopTestApp => ({
      app: { request: (path: string, init?: RequestInit) => fetch(`${instance.url}${path}`, init) } as ShopTestApp['app'],
      db: db.db,
      now: Date.now,
    });
    await shopJson(asShopApp(a), DEMO_API_KEY, '/warehouses/GZ01', { method: 'PUT', body: GUANGZHOU_WAREHOUSE }, 201);
    const orderNos = await lastUnitsRush([asShopApp(a), asShopApp(b)], DEMO_API_KEY, 200, 10);
    expect(new Set(orderNos).size).toBe(10);
  }, 60_000);

  it('a payment deadline passing is acted on once, by one of the two', async () => {
    const order = await db.db.selectFrom('orders').select(['id', 'order_no']).where('status', '=', 'pending_payment').orderBy('id', 'desc').executeTakeFirstOrThrow();
    // Its time to pay runs out now; both instances check every 15 s.
    await db.db.updateTable('orders').set({ pay_by: Date.now() - 1_000 }).where('id', '=', order.id).execute();
    await waitFor('the order to be cancelled', async () => (await db.db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow()).status === 'cancelled', 30_000);
    const releases = await db.db.selectFrom('stock_ledger').select('id').where('order_id', '=', order.id).where('kind', '=', 'release').execute();
    expect(releases).toHaveLength(1);
    const messages = await db.db.selectFrom('notifications').select('id').where('order_id', '=', order.id).where('template', 'like', '%cancel%').execute();
    expect(messages.length).toBeLessThanOrEqual(1);
  }, 40_000);

  it('kill -9 of one instance during a sync loses nothing: the phone sends again to the other', async () => {
    const [courier, parcels] = [...(await parcelsInTransit())].sort(([, x], [, y]) => y.length - x.length)[0]!;
    const cookie = await signIn(b, courier!);
    const batch = parcels.slice(0, 10).map((p) => outForDelivery(randomUUID(), p));
    const cut = sync(b, cookie, batch).then((r) => r.status, () => 'connection lost' as const);
    b.kill('SIGKILL');
    await b.exited;
    // Whatever B answered (or not), the phone keeps its outbox until an answer and sends it again.
    await cut;
    const again = await sync(a, await signIn(a, courier!), batch);
    expect(again.status).toBe(200);
    const results = ((await again.json()) as SyncResponse).results;
    expect(results.map((r) => r.outcome).every((o) => o === 'applied' || o === 'duplicate')).toBe(true);
    const events = await db.db.selectFrom('tracking_events').select('report_id').where('report_id', 'in', batch.map((r) => r.id)).execute();
    expect(events).toHaveLength(batch.length);
    // B comes back (a restart) and serves again: its jobs carry on from the database.
    b = await startInstance(instanceEnv());
    await b.untilServing();
  }, 180_000);
  it('20 phones each sending their batch to both instances at once: under 1 % answered 503, every report applied once', async () => {
    const byCourier = [...(await parcelsInTransit())].filter(([, parcels]) => parcels.length > 0);
    const cookies = new Map<string, string>();
    for (const [courier] of byCourier) cookies.set(courier, await signIn(a, courier));
    // Several phones per courier (a courier with two phones, a team sharing parcels): batches overlap.
    const phones = Array.from({ length: 20 }, (_, i) => {
      const [courier, parcels] = byCourier[i % byCourier.length]!;
      return { cookie: cookies.get(courier)!, reports: parcels.slice(0, 8).map((p) => outForDelivery(randomUUID(), p)) };
    });
    const answers = await Promise.all(phones.flatMap((phone) => [a, b].map((instance) => sync(instance, phone.cookie, phone.reports))));
    const unavailable = answers.filter((r) => r.status === 503).length;
    expect(answers.filter((r) => r.status !== 200 && r.status !== 503)).toEqual([]);
    expect(unavailable / answers.length).toBeLessThan(0.01);
    const ids = phones.flatMap((p) => p.reports.map((r) => r.id));
    const stored = await db.db.selectFrom('courier_reports').select('id').where('id', 'in', ids).execute();
    expect(stored).toHaveLength(ids.length);
    const events = await db.db.selectFrom('tracking_events').select('report_id').where('report_id', 'in', ids).execute();
    expect(new Set(events.map((e) => e.report_id)).size).toBe(events.length);
  }, 60_000);
});
