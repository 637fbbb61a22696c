import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandoverQueue, HandoverResult } from '../../shared/api/warehouse';
import type { CourierManifest } from '../../shared/courier/manifest';
import { addCourierAreas } from '../../server/domain/areas/courier-area-repository';
import { insertCarrier } from '../../server/domain/carriers/carrier-repository';
import { createCourier } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { createWarehouse, packedParcel, signedInWorker } from '../support/handover-fixtures';
import { staffCookie } from '../support/return-fixtures';
import { createTestApp } from '../support/test-app';
import { eventCount, get, send, shipmentRow, type TestApp } from './ops-desk-fixtures';

const NOW = Date.UTC(2026, 11, 5, 2, 0, 0);
const PUDONG = { city: '上海市', district: '浦东新区' };
let t: TestApp;
let hz: number;
let worker: string;
let otherWorker: string;
let busy: { id: number; phone: string };
let idle: { id: number; phone: string };

const handover = (body: unknown, cookie = worker) => send(t, 'POST', '/api/warehouse/handover', body, cookie);
const results = async (res: Response | Promise<Response>) => {
  const r = await res;
  expect(r.status).toBe(200);
  return ((await r.json()) as HandoverResult).results;
};

beforeAll(async () => {
  t = await createTestApp({}, { now: NOW });
  hz = await createWarehouse(t.db, 'HZ01');
  const other = await createWarehouse(t.db, 'HZ02');
  worker = await signedInWorker(t, hz);
  otherWorker = await signedInWorker(t, other);
  // Two couriers serve Pudong; `busy` already holds an open stop, so `idle` is chosen.
  busy = await createCourier(t.db, { name: '忙师傅', city: '上海市' });
  idle = await createCourier(t.db, { name: '闲师傅', city: '上海市' });
  await addCourierAreas(t.db, busy.id, [PUDONG]);
  await addCourierAreas(t.db, idle.id, [PUDONG]);
  const held = await packedParcel(t.db, other);
  await t.db.updateTable('shipments').set({ courier_id: busy.id }).where('id', '=', held.shipmentId).execute();
  await insertCarrier(t.db, { code: 'SF', name: '顺丰速运', secret: 's3cret', kuaidi100Salt: null }, NOW);
  await insertCarrier(t.db, { code: 'OLD', name: '停用快递', secret: 's3cret', kuaidi100Salt: null }, NOW);
  await t.db.updateTable('carriers').set({ active: 0 }).where('code', '=', 'OLD').execute();
}, 60_000);
afterAll(() => t?.dispose());

describe('the hand-over queue', () => {
  it('lists this warehouse’s packed parcels with the courier to suggest, couriers and active carriers', async () => {
    const mine = await packedParcel(t.db, hz);
    const res = await get(t, '/api/warehouse/handover', worker);
    expect(res.status).toBe(200);
    const queue = (await res.json()) as HandoverQueue;
    const row = queue.parcels.find((p) => p.trackingNo === mine.trackingNo)!;
    expect(row).toMatchObject({ orderNo: mine.orderNo, destination: { province: '上海市', ...PUDONG }, weightGrams: 1200, suggestedCourier: { id: idle.id, name: '闲师傅' } });
    expect(queue.carriers).toEqual([{ code: 'SF', name: '顺丰速运' }]);
    expect(queue.couriers.map((c) => c.id)).toEqual(expect.arrayContaining([busy.id, idle.id]));
    // Another warehouse's worker does not see it.
    const theirs = (await (await get(t, '/api/warehouse/handover', otherWorker)).json()) as HandoverQueue;
    expect(theirs.parcels.map((p) => p.trackingNo)).not.toContain(mine.trackingNo);
  });

  it('lets ops staff read a warehouse’s queue named by ?warehouse=', async () => {
    const mine = await packedParcel(t.db, hz);
    const staff = await staffCookie(t);
    const queue = (await (await get(t, '/api/warehouse/handover?warehouse=HZ01', staff)).json()) as HandoverQueue;
    expect(queue.parcels.map((p) => p.trackingNo)).toContain(mine.trackingNo);
    expect((await get(t, '/api/warehouse/handover', staff)).status).toBe(400);
  });

  it('refuses anonymous callers (401) and couriers (403)', async () => {
    expect((await get(t, '/api/warehouse/handover')).status).toBe(401);
    expect((await get(t, '/api/warehouse/handover', await signIn(t, idle.phone))).status).toBe(403);
  });
});

describe('handing over to an own courier', () => {
  it('gives the parcel to the district’s least busy courier, one collected event, on their manifest in route order', async () => {
    const a = await packedParcel(t.db, hz, { lat: 31.23, lng: 121.5 });
    const b = await packedParcel(t.db, hz, { lat: 31.24, lng: 121.52 });
    const [ra] = await results(handover({ trackingNos: [a.trackingNo], to: { kind: 'courier' } }));
    expect(ra).toEqual({ trackingNo: a.trackingNo, outcome: 'handed_over', courier: { id: idle.id, name: '闲师傅' }, carrierCode: null });
    // Now both hold one stop: the tie goes to the older account, spreading the work.
    const c = await packedParcel(t.db, hz);
    expect((await results(handover({ trackingNos: [c.trackingNo], to: { kind: 'courier' } })))[0]!.courier).toEqual({ id: busy.id, name: '忙师傅' });
    expect((await results(handover({ trackingNos: [b.trackingNo], to: { kind: 'courier', courierId: idle.id } })))[0]!.outcome).toBe('handed_over');
    const row = await shipmentRow(t, a.trackingNo);
    expect(row).toMatchObject({ courier_id: idle.id, carrier_code: null, handed_over_at: NOW, status: 'InTransit', sub_status: 'InTransit_002' });
    const events = await t.db.selectFrom('tracking_events').selectAll().where('shipment_id', '=', a.shipmentId).execute();
    expect(events).toMatchObject([{ status: 'InTransit', sub_status: 'InTransit_002', actor_type: 'courier', actor_id: idle.id, city: '杭州市' }]);

    const manifest = (await (await get(t, '/api/courier/manifest', await signIn(t, idle.phone))).json()) as CourierManifest;
    const stops = manifest.stops.filter((s) => [a.trackingNo, b.trackingNo].includes(s.trackingNo));
    expect(stops).toHaveLength(2);
    expect(manifest.stops.map((s) => s.routePosition)).toEqual(manifest.stops.map((_, i) => i + 1));
    const positions = await t.db.selectFrom('shipments').select('route_position').where('id', 'in', [a.shipmentId, b.shipmentId]).execute();
    expect(positions.every((p) => p.route_position !== null)).toBe(true);
  });

  it('takes the courier named, and answers already_handed_over the second time with nothing changed', async () => {
    const p = await packedParcel(t.db, hz);
    expect((await results(handover({ trackingNos: [p.trackingNo], to: { kind: 'courier', courierId: busy.id } })))[0]).toMatchObject({ outcome: 'handed_over', courier: { id: busy.id } });
    const before = await shipmentRow(t, p.trackingNo);
    expect((await results(handover({ trackingNos: [p.trackingNo], to: { kind: 'carrier', carrierCode: 'SF' } })))[0]).toMatchObject({ outcome: 'already_handed_over', courier: null, carrierCode: null });
    expect(await shipmentRow(t, p.trackingNo)).toEqual(before);
    expect(await eventCount(t, p.shipmentId)).toBe(1);
  });

  it('answers no_courier_for_area when nobody serves the district', async () => {
    const p = await packedParcel(t.db, hz);
    await t.db.updateTable('orders').set({ district: '崇明区' }).where('order_no', '=', p.orderNo).execute();
    expect((await results(handover({ trackingNos: [p.trackingNo], to: { kind: 'courier' } })))[0]).toMatchObject({ outcome: 'no_courier_for_area' });
    expect(await shipmentRow(t, p.trackingNo)).toMatchObject({ handed_over_at: null, status: 'InfoReceived' });
  });
});

describe('handing over to a carrier (揽收)', () => {
  it('sets the carrier, records one collected event by the carrier, and tells open tracking pages', async () => {
    const p = await packedParcel(t.db, hz);
    let told = 0;
    const stop = t.deps.bus.subscribe(p.trackingNo, () => void told++);
    expect((await results(handover({ trackingNos: [p.trackingNo], to: { kind: 'carrier', carrierCode: 'SF' } })))[0]).toEqual({ trackingNo: p.trackingNo, outcome: 'handed_over', courier: null, carrierCode: 'SF' });
    stop();
    expect(told).toBe(1);
    expect(await shipmentRow(t, p.trackingNo)).toMatchObject({ courier_id: null, carrier_code: 'SF', handed_over_at: NOW, status: 'InTransit' });
    const carrier = await t.db.selectFrom('carriers').select('id').where('code', '=', 'SF').executeTakeFirstOrThrow();
    const events = await t.db.selectFrom('tracking_events').selectAll().where('shipment_id', '=', p.shipmentId).execute();
    expect(events).toMatchObject([{ sub_status: 'InTransit_002', actor_type: 'carrier', actor_id: carrier.id, province: '浙江省', city: '杭州市' }]);
  });

  it('hands the same parcel over once when two scans race: one event', async () => {
    const p = await packedParcel(t.db, hz);
    const both = await Promise.all([1, 2].map(() => results(handover({ trackingNos: [p.trackingNo], to: { kind: 'carrier', carrierCode: 'SF' } }))));
    expect(both.map((r) => r[0]!.outcome).sort()).toEqual(['already_handed_over', 'handed_over']);
    expect(await eventCount(t, p.shipmentId)).toBe(1);
  });
});

describe('bad hand-overs change nothing', () => {
  it.each([
    ['an empty list', { trackingNos: [], to: { kind: 'courier' } }, 400],
    ['no recipient', { trackingNos: ['X'] }, 400],
    ['a bad courier id', { trackingNos: ['X'], to: { kind: 'courier', courierId: -1 } }, 400],
    ['an unknown courier', { trackingNos: ['X'], to: { kind: 'courier', courierId: 999_999 } }, 404],
    ['an unknown carrier', { trackingNos: ['X'], to: { kind: 'carrier', carrierCode: 'NOPE' } }, 404],
    ['an inactive carrier', { trackingNos: ['X'], to: { kind: 'carrier', carrierCode: 'OLD' } }, 400],
  ])('refuses %s', async (_, body, status) => {
    const p = await packedParcel(t.db, hz);
    const payload = { ...body, trackingNos: (body.trackingNos as string[]).map(() => p.trackingNo) };
    expect((await handover(payload)).status).toBe(status);
    expect(await shipmentRow(t, p.trackingNo)).toMatchObject({ handed_over_at: null, status: 'InfoReceived' });
    expect(await eventCount(t, p.shipmentId)).toBe(0);
  });

  it('answers not_found for another warehouse’s parcel and for unknown numbers', async () => {
    const p = await packedParcel(t.db, hz);
    const r = await results(handover({ trackingNos: [p.trackingNo, 'DS000000000'], to: { kind: 'carrier', carrierCode: 'SF' } }, otherWorker));
    expect(r.map((x) => x.outcome)).toEqual(['not_found', 'not_found']);
    expect(await shipmentRow(t, p.trackingNo)).toMatchObject({ handed_over_at: null });
  });

  it('refuses anonymous callers (401) and couriers (403)', async () => {
    const body = { trackingNos: ['X'], to: { kind: 'courier' } };
    expect((await handover(body, '')).status).toBe(401);
    expect((await handover(body, await signIn(t, busy.phone))).status).toBe(403);
  });
});
