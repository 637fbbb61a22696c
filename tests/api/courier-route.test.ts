import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COURIERS } from '../../server/demo/demo-accounts';
import { seedDemoIfEmpty } from '../../server/demo/seed-demo';
import type { CourierStopList, ReassignCandidateList } from '../../shared/api/ops-desk';
import type { SyncResponse } from '../../shared/courier/courier-report';
import type { CourierManifest, ManifestStop } from '../../shared/courier/manifest';
import { orderRoute, pathKm, type GeoPoint } from '../../shared/geo/route-order';
import { shopDay } from '../../shared/time/shop-day';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';
import { offeredPickupSlots } from '../../server/domain/returns/pickup-slots';
import { createReturn } from '../../server/domain/returns/return-service';
import { findShipmentByTrackingNo } from '../../server/domain/tracking/shipment-repository';
import { report, sync } from '../support/courier-fixtures';
import { createTestApp } from '../support/test-app';
import { get, outsiders, type TestApp } from './ops-desk-fixtures';

// The demo's clock: 10:00 in Shanghai.
const NOW = Date.UTC(2026, 11, 5, 2, 0, 0);
const DAY = 86_400_000;
const TZ = 'Asia/Shanghai';
const SHENZHEN = DEMO_COURIERS.find((c) => c.name === '王建军')!;
const RELIEF = DEMO_COURIERS.find((c) => c.name === '孙浩然')!;

let t: TestApp;
let staffCookie: string;
let shenzhenCookie: string;

async function signInAs(login: string, password: string): Promise<string> {
  const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await res).json() as Promise<T>;
const manifestOf = (cookie: string) => json<CourierManifest>(get(t, '/api/courier/manifest', cookie));
const courierId = async (phone: string) => (await t.db.selectFrom('couriers').select('id').where('phone', '=', phone).executeTakeFirstOrThrow()).id;
// Done for the courier: delivered, left in a locker or at a station, or a pickup collected.
const isOpen = (s: ManifestStop) => (s.kind === 'pickup' ? s.status !== 'InTransit' && s.status !== 'Delivered' : s.status !== 'Delivered' && s.status !== 'AvailableForPickup');

async function pointsOf(trackingNos: string[]): Promise<Map<string, GeoPoint & { id: number }>> {
  const rows = await t.db.selectFrom('shipments as s').innerJoin('orders as o', 'o.id', 's.order_id').select(['s.id', 's.tracking_no', 'o.lat', 'o.lng']).where('s.tracking_no', 'in', trackingNos).execute();
  return new Map(rows.map((r) => [r.tracking_no, { id: r.id, lat: Number(r.lat), lng: Number(r.lng) }]));
}

beforeAll(async () => {
  t = await createTestApp({}, { now: NOW, fill: (handle) => seedDemoIfEmpty(handle, { now: NOW, afterSales: { uploadDir: join(handle.dir, 'uploads'), timeZone: TZ } }) });
  staffCookie = await signInAs('ops@doorstep.demo', 'ops12345');
  shenzhenCookie = await signInAs(SHENZHEN.phone, SHENZHEN.password);
}, 120_000);
afterAll(() => t?.dispose());

describe('couriers serve areas (the demo)', () => {
  it('gives every parcel and pickup to a courier who serves its district, and puts every address on the map', async () => {
    const rows = await t.db
      .selectFrom('shipments as s')
      .innerJoin('orders as o', 'o.id', 's.order_id')
      .leftJoin('courier_areas as a', (join) => join.onRef('a.courier_id', '=', 's.courier_id').onRef('a.city', '=', 'o.city').onRef('a.district', '=', 'o.district'))
      .select(['s.tracking_no', 's.leg', 'o.city', 'o.district', 'a.courier_id as served_by', 'o.lat', 'o.lng'])
      .where('s.courier_id', 'is not', null)
      .execute();
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.some((r) => r.leg === 'return')).toBe(true);
    expect(rows.filter((r) => r.served_by === null)).toEqual([]);
    expect(rows.every((r) => typeof r.lat === 'number' && typeof r.lng === 'number')).toBe(true);
  });
});

describe('the manifest’s route order follows geography', () => {
  it('lists only the Shenzhen courier’s own city, ordered from his depot by nearest neighbour and 2-opt', async () => {
    const manifest = await manifestOf(shenzhenCookie);
    const today = manifest.stops.filter((s) => !(s.pickup?.slotDay && s.pickup.slotDay > manifest.day));
    expect(today.length).toBeGreaterThanOrEqual(4);
    expect(new Set(manifest.stops.map((s) => s.address.city))).toEqual(new Set(['深圳市']));
    expect(manifest.stops.map((s) => s.address.city).join()).not.toMatch(/厦门|广州/);
    expect(manifest.stops.map((s) => s.routePosition)).toEqual(manifest.stops.map((_, i) => i + 1));

    // The open stops of today, in the manifest's order, are the geographic round from the depot.
    const open = today.filter(isOpen);
    const depot = await t.db.selectFrom('couriers').select(['depot_lat', 'depot_lng']).where('phone', '=', SHENZHEN.phone).executeTakeFirstOrThrow();
    const start = { lat: Number(depot.depot_lat), lng: Number(depot.depot_lng) };
    const points = await pointsOf(open.map((s) => s.trackingNo));
    // The planner takes them oldest first (ties, such as two parcels to one home, keep that order).
    const byAge = [...open].sort((a, b) => points.get(a.trackingNo)!.id - points.get(b.trackingNo)!.id);
    const expected = orderRoute(byAge, (s) => points.get(s.trackingNo)!, start).map((s) => s.trackingNo);
    expect(open.map((s) => s.trackingNo)).toEqual(expected);
    // And it is shorter than taking them in the order they were assigned.
    const km = (stops: ManifestStop[]) => pathKm(start, stops.map((s) => points.get(s.trackingNo)!));
    expect(km(open)).toBeLessThan(km(byAge));
  });

  it('is the order the desk lists the courier’s open stops in', async () => {
    const manifest = await manifestOf(shenzhenCookie);
    const desk = await json<CourierStopList>(get(t, `/api/ops/couriers/${await courierId(SHENZHEN.phone)}/stops`, staffCookie));
    expect(desk.stops.map((s) => s.trackingNo)).toEqual(manifest.stops.filter(isOpen).map((s) => s.trackingNo));
    expect(desk.stops.every((s) => s.routePosition !== null)).toBe(true);
  });

  it('puts a stop moved to another courier into that courier’s round', async () => {
    const desk = await json<CourierStopList>(get(t, `/api/ops/couriers/${await courierId(SHENZHEN.phone)}/stops`, staffCookie));
    const moving = desk.stops.find((s) => s.kind === 'delivery' && s.district === '南山区') ?? desk.stops.find((s) => s.district === '福田区' || s.district === '宝安区');
    expect(moving).toBeDefined();
    const reliefId = await courierId(RELIEF.phone);
    const moved = await t.app.request('/api/ops/stops/reassign', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: staffCookie },
      body: JSON.stringify({ trackingNo: moving!.trackingNo, toCourierId: reliefId, version: moving!.version }),
    });
    expect(moved.status).toBe(200);
    const relief = await manifestOf(await signInAs(RELIEF.phone, RELIEF.password));
    expect(relief.stops.map((s) => s.trackingNo)).toContain(moving!.trackingNo);
    const row = await t.db.selectFrom('shipments').select('route_position').where('tracking_no', '=', moving!.trackingNo).executeTakeFirstOrThrow();
    expect(row.route_position).not.toBeNull();
    const after = await manifestOf(shenzhenCookie);
    expect(after.stops.map((s) => s.trackingNo)).not.toContain(moving!.trackingNo);
  });
});

describe('GET /api/ops/stops/:trackingNo/candidates', () => {
  const candidates = (trackingNo: string, cookie = staffCookie) => get(t, `/api/ops/stops/${trackingNo}/candidates`, cookie);

  async function shenzhenStopIn(districts: string[]) {
    const desk = await json<CourierStopList>(get(t, `/api/ops/couriers/${await courierId(SHENZHEN.phone)}/stops`, staffCookie));
    return desk.stops.find((s) => districts.includes(s.district));
  }

  it('lists the couriers who serve the stop’s district first, flagged, then the others', async () => {
    const stop = await shenzhenStopIn(['南山区', '福田区', '宝安区']);
    expect(stop).toBeDefined();
    const list = await json<ReassignCandidateList>(candidates(stop!.trackingNo));
    expect(list.area).toEqual({ city: '深圳市', district: stop!.district });
    expect(list.current?.name).toBe(SHENZHEN.name);
    expect(list.couriers.map((c) => c.name)).not.toContain(SHENZHEN.name);
    expect(list.couriers[0]).toMatchObject({ name: RELIEF.name, servesArea: true });
    expect(list.couriers.slice(1).every((c) => !c.servesArea)).toBe(true);
    expect(list.couriers).toHaveLength(DEMO_COURIERS.length - 1);
    // Beijing's and Chengdu's couriers are there, but only after.
    const index = (name: string) => list.couriers.findIndex((c) => c.name === name);
    expect(index('张磊')).toBeGreaterThan(0);
    expect(index('刘洋')).toBeGreaterThan(0);
  });

  it('has nobody serving the area when only the stop’s own courier does (east Shenzhen)', async () => {
    const stop = await shenzhenStopIn(['罗湖区', '龙岗区', '龙华区']);
    if (!stop) return expect.unreachable('the demo has a stop in east Shenzhen');
    const list = await json<ReassignCandidateList>(candidates(stop.trackingNo));
    expect(list.couriers.every((c) => !c.servesArea)).toBe(true);
  });

  it('refuses a malformed number (400), an unknown one (404) and a parcel that is no open stop (409)', async () => {
    const malformed = await candidates('not-a-number');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'invalid_tracking_number' } });
    const unknown = await candidates(makeTrackingNo(987_654_321));
    expect(unknown.status).toBe(404);
    const delivered = await t.db.selectFrom('shipments').select('tracking_no').where('status', '=', 'Delivered').executeTakeFirstOrThrow();
    const res = await candidates(delivered.tracking_no);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'not_an_open_stop' } });
  });

  it('is for staff only', async () => {
    const stop = await shenzhenStopIn(['南山区', '福田区', '宝安区', '罗湖区', '龙岗区', '龙华区']);
    const who = await outsiders(t);
    expect((await candidates(stop!.trackingNo, who.anonymous)).status).toBe(401);
    expect((await candidates(stop!.trackingNo, who.courier)).status).toBe(403);
    expect((await candidates(stop!.trackingNo, who.customer)).status).toBe(401);
  });
});

/** A no-reason pickup return of a Shenzhen parcel delivered in the last few days, as its customer books it. */
async function bookShenzhenPickup(slotStart: number): Promise<string> {
  const candidates = await t.db
    .selectFrom('shipments as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .leftJoin('return_requests as r', 'r.shipment_id', 's.id')
    .select(['s.tracking_no', 'o.id as order_id'])
    .where('s.leg', '=', 'delivery')
    .where('s.status', '=', 'Delivered')
    .where('o.city', '=', '深圳市')
    .where('s.delivered_at', '>', NOW - 7 * DAY)
    .where('r.id', 'is', null)
    .orderBy('s.delivered_at', 'desc')
    .execute();
  for (const candidate of candidates) {
    const item = await t.db.selectFrom('order_items').select('id').where('order_id', '=', candidate.order_id).orderBy('id').executeTakeFirstOrThrow();
    const shipment = (await findShipmentByTrackingNo(t.db, candidate.tracking_no))!;
    const input: Parameters<typeof createReturn>[2] = {
      trackingNo: candidate.tracking_no,
      items: [{ orderItemId: item.id, quantity: 1 }],
      reasonCode: 'no_reason',
      reasonDetail: null,
      condition: 'unopened',
      method: 'pickup',
      photoIds: [],
      pickupSlotStart: slotStart,
      note: '',
    };
    // Not returnable (fresh food for a no-reason return, say): the next parcel.
    const created = await createReturn(t.db, shipment, input, { now: NOW, timeZone: TZ }).catch(() => null);
    if (created) return created.returnNo;
  }
  throw new Error('no Shenzhen parcel to return in the demo');
}

describe('a pickup booked for tomorrow', () => {
  it('is listed after today’s round, and cannot be collected until its day', async () => {
    // A Shenzhen customer books a pickup; the first slot offered is tomorrow's.
    const slot = offeredPickupSlots(NOW, TZ)[0]!;
    expect(shopDay(slot.start, TZ) > shopDay(NOW, TZ)).toBe(true);
    const returnNo = await bookShenzhenPickup(slot.start);
    const leg = await t.db
      .selectFrom('shipments as s')
      .innerJoin('return_requests as r', 'r.id', 's.return_id')
      .innerJoin('couriers as c', 'c.id', 's.courier_id')
      .select(['s.tracking_no', 'c.phone'])
      .where('r.return_no', '=', returnNo)
      .executeTakeFirstOrThrow();
    // The customer's district is Shenzhen's, so it is the Shenzhen courier's (he delivered it).
    expect(leg.phone).toBe(SHENZHEN.phone);

    const listed = await manifestOf(shenzhenCookie);
    const stop = listed.stops.find((s) => s.trackingNo === leg.tracking_no)!;
    expect(stop.pickup?.slotDay).toBe(shopDay(slot.start, TZ));
    expect(stop.pickup!.slotDay! > listed.day).toBe(true);
    // Not among today's stops: after every stop due today.
    const dueToday = listed.stops.filter(isOpen).filter((s) => !(s.pickup?.slotDay && s.pickup.slotDay > listed.day));
    expect(dueToday.length).toBeGreaterThan(0);
    expect(Math.max(...dueToday.map((s) => s.routePosition))).toBeLessThan(stop.routePosition);

    const today = await json<SyncResponse>(sync(t, shenzhenCookie, [report({ trackingNo: stop.trackingNo, kind: 'picked_up', shipmentVersion: stop.version, occurredAt: NOW - 60_000 })]));
    expect(today.results[0]).toMatchObject({ outcome: 'rejected', code: 'pickup_not_due' });
    const unchanged = await t.db.selectFrom('shipments').select(['status', 'version']).where('tracking_no', '=', stop.trackingNo).executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ status: stop.status, version: stop.version });

    t.setNow(slot.start + 30 * 60_000);
    const onTheDay = await json<SyncResponse>(
      sync(t, shenzhenCookie, [report({ trackingNo: stop.trackingNo, kind: 'picked_up', shipmentVersion: stop.version, occurredAt: slot.start + 20 * 60_000 })], slot.start + 30 * 60_000),
    );
    expect(onTheDay.results[0]).toMatchObject({ outcome: 'applied' });
    t.setNow(NOW);
  });

  it('refuses 已揽收 on a delivery already out for delivery', async () => {
    const manifest = await manifestOf(shenzhenCookie);
    const out = manifest.stops.find((s) => s.kind === 'delivery' && s.status === 'OutForDelivery');
    if (!out) return expect.unreachable('the Shenzhen demo round has a parcel out for delivery');
    const res = await json<SyncResponse>(sync(t, shenzhenCookie, [report({ trackingNo: out.trackingNo, kind: 'picked_up', shipmentVersion: out.version, occurredAt: NOW - 60_000 })]));
    expect(res.results[0]).toMatchObject({ outcome: 'rejected', code: 'already_collected' });
  });
});
