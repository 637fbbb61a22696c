import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { DEMO_COURIERS } from '../../server/demo/demo-accounts';
import { seedDemoIfEmpty } from '../../server/demo/seed-demo';
import { simulatedPaymentProvider } from '../../server/domain/payments/simulated-payment-provider';
import { simulatedSmsProvider } from '../../server/domain/notifications/simulated-sms-provider';
import { InProcessTrackingBus } from '../../server/domain/tracking/tracking-bus';
import { silentLogger } from '../../server/http/logger';
import type { CourierStopList, ReassignCandidateList } from '../../shared/api/ops-desk';
import type { SyncResponse } from '../../shared/courier/courier-report';
import type { CourierManifest } from '../../shared/courier/manifest';
import { orderRoute } from '../../shared/geo/route-order';
import { report, sync } from '../support/courier-fixtures';
import { freePort } from '../support/free-port';
import { startPostgres } from '../support/postgres-server';
import { testConfig } from '../support/test-app';
import { get, type TestApp } from './ops-desk-fixtures';

// Areas, coordinates (double precision) and the round's order on the scale-out engine, over the demo.
const NOW = Date.UTC(2026, 11, 5, 2, 0, 0);
const SHENZHEN = DEMO_COURIERS.find((c) => c.name === '王建军')!;
let pg: ReturnType<typeof startPostgres>;
let handle: DatabaseHandle;
let uploadDir: string;
let t: TestApp;

async function signInAs(login: string, password: string): Promise<string> {
  const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

beforeAll(async () => {
  pg = startPostgres(await freePort());
  handle = createDb(pg.url);
  await migrateToLatest(handle.db);
  uploadDir = mkdtempSync(join(tmpdir(), 'doorstep-pg-route-'));
  await seedDemoIfEmpty(handle, { now: NOW, afterSales: { uploadDir, timeZone: 'Asia/Shanghai' } });
  let now = NOW;
  const deps = { db: handle.db, config: testConfig({ uploadDir }), bus: new InProcessTrackingBus(), logger: silentLogger, clock: () => now, payments: simulatedPaymentProvider(handle.db, () => now), sms: simulatedSmsProvider(handle.db, () => now) };
  t = { app: createApp(deps), deps, db: handle.db, now: () => now, setNow: (ms: number) => void (now = ms), dispose: async () => {} } as TestApp;
}, 180_000);
afterAll(async () => {
  await handle?.close();
  pg?.stop();
  if (uploadDir) rmSync(uploadDir, { recursive: true, force: true });
});

describe('courier rounds on PostgreSQL', () => {
  it('orders the Shenzhen round by geography, the desk agrees, and reassigning offers the area’s couriers first', async () => {
    const courier = await signInAs(SHENZHEN.phone, SHENZHEN.password);
    const staff = await signInAs('ops@doorstep.demo', 'ops12345');
    const manifest = (await (await get(t, '/api/courier/manifest', courier)).json()) as CourierManifest;
    expect(new Set(manifest.stops.map((s) => s.address.city))).toEqual(new Set(['深圳市']));

    const id = (await t.db.selectFrom('couriers').select(['id', 'depot_lat', 'depot_lng']).where('phone', '=', SHENZHEN.phone).executeTakeFirstOrThrow());
    const desk = (await (await get(t, `/api/ops/couriers/${id.id}/stops`, staff)).json()) as CourierStopList;
    const open = manifest.stops.filter((s) => (s.kind === 'pickup' ? s.status !== 'InTransit' : s.status !== 'Delivered' && s.status !== 'AvailableForPickup'));
    expect(desk.stops.map((s) => s.trackingNo)).toEqual(open.map((s) => s.trackingNo));

    const today = open.filter((s) => !(s.pickup?.slotDay && s.pickup.slotDay > manifest.day));
    const rows = await t.db.selectFrom('shipments as s').innerJoin('orders as o', 'o.id', 's.order_id').select(['s.id', 's.tracking_no', 'o.lat', 'o.lng']).where('s.tracking_no', 'in', today.map((s) => s.trackingNo)).execute();
    expect(rows.every((r) => typeof r.lat === 'number')).toBe(true);
    const points = new Map(rows.map((r) => [r.tracking_no, { lat: r.lat!, lng: r.lng! }]));
    const age = new Map(rows.map((r) => [r.tracking_no, r.id]));
    const byAge = [...today].sort((a, b) => age.get(a.trackingNo)! - age.get(b.trackingNo)!);
    const expected = orderRoute(byAge, (s) => points.get(s.trackingNo)!, { lat: id.depot_lat!, lng: id.depot_lng! });
    expect(today.map((s) => s.trackingNo)).toEqual(expected.map((s) => s.trackingNo));

    const west = desk.stops.find((s) => ['南山区', '福田区', '宝安区'].includes(s.district))!;
    const list = (await (await get(t, `/api/ops/stops/${west.trackingNo}/candidates`, staff)).json()) as ReassignCandidateList;
    expect(list.couriers[0]).toMatchObject({ name: '孙浩然', servesArea: true });
    expect(list.couriers.slice(1).every((c) => !c.servesArea)).toBe(true);

    const out = manifest.stops.find((s) => s.kind === 'delivery' && s.status === 'OutForDelivery')!;
    const res = (await (await sync(t, courier, [report({ trackingNo: out.trackingNo, kind: 'picked_up', shipmentVersion: out.version, occurredAt: NOW - 60_000 })])).json()) as SyncResponse;
    expect(res.results[0]).toMatchObject({ outcome: 'rejected', code: 'already_collected' });
  });
});
