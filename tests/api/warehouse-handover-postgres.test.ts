import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandoverResult } from '../../shared/api/warehouse';
import { createApp } from '../../server/app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { addCourierAreas } from '../../server/domain/areas/courier-area-repository';
import { insertCarrier } from '../../server/domain/carriers/carrier-repository';
import { createCourier } from '../support/accounts';
import { testDeps } from '../support/app-deps';
import { freePort } from '../support/free-port';
import { createWarehouse, packedParcel, signedInWorker } from '../support/handover-fixtures';
import { startPostgres } from '../support/postgres-server';
import { jsonHeaders, type createTestApp } from '../support/test-app';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

// The hand-over's guard on a real PostgreSQL server, three app instances with their own pools:
// two scans of one parcel at once must leave one event, not only in SQLite's one writer.
const NOW = Date.UTC(2026, 11, 5, 2, 0, 0);
let pg: ReturnType<typeof startPostgres>;
const handles: DatabaseHandle[] = [];
let instances: TestApp[];
let worker: string;
let warehouseId: number;

beforeAll(async () => {
  pg = startPostgres(await freePort());
  for (let i = 0; i < 3; i++) handles.push(createDb(pg.url));
  await migrateToLatest(handles[0]!.db);
  instances = handles.map((h) => {
    const deps = testDeps(h.db, () => NOW);
    return { app: createApp(deps), deps, db: h.db, now: () => NOW, setNow: () => undefined, dispose: async () => undefined };
  });
  const db = instances[0]!.db;
  warehouseId = await createWarehouse(db, 'HZ01');
  worker = await signedInWorker(instances[0]!, warehouseId);
  const courier = await createCourier(db, { city: '上海市' });
  await addCourierAreas(db, courier.id, [{ city: '上海市', district: '浦东新区' }]);
  await insertCarrier(db, { code: 'SF', name: '顺丰速运', secret: 's3cret', kuaidi100Salt: null }, NOW);
}, 60_000);
afterAll(async () => {
  for (const h of handles) await h.close();
  pg?.stop();
});

async function handover(t: TestApp, body: unknown): Promise<HandoverResult['results']> {
  const res = await t.app.request('/api/warehouse/handover', { method: 'POST', headers: { ...jsonHeaders, cookie: worker }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return ((await res.json()) as HandoverResult).results;
}

describe('hand-over on PostgreSQL, three app instances', () => {
  it.each([
    ['a carrier', { kind: 'carrier', carrierCode: 'SF' }],
    ['the area’s courier', { kind: 'courier' }],
  ])('hands one parcel to %s once when three scans race: one event', async (_, to) => {
    const parcel = await packedParcel(instances[0]!.db, warehouseId);
    const all = await Promise.all(instances.map((t) => handover(t, { trackingNos: [parcel.trackingNo], to })));
    expect(all.map((r) => r[0]!.outcome).sort()).toEqual(['already_handed_over', 'already_handed_over', 'handed_over']);
    const events = await instances[0]!.db.selectFrom('tracking_events').select(['status', 'sub_status']).where('shipment_id', '=', parcel.shipmentId).execute();
    expect(events).toEqual([{ status: 'InTransit', sub_status: 'InTransit_002' }]);
  });
});
