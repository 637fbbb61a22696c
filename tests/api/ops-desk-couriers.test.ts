import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CourierFiguresList, CourierStopList, ReassignResult } from '../../shared/api/ops-desk';
import type { SyncResponse } from '../../shared/courier/courier-report';
import type { CourierManifest } from '../../shared/courier/manifest';
import { createCourier, createStaff } from '../support/accounts';
import { report, signIn, sync } from '../support/courier-fixtures';
import { createParcel, type ParcelFixture } from '../support/factories';
import { createTestApp } from '../support/test-app';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';
import { HOUR, courierEvent, get, outsiders, parcelInException, send, shipmentRow, type TestApp } from './ops-desk-fixtures';

let t: TestApp;
let cookie: string;
let staffId: number;
let li: Awaited<ReturnType<typeof createCourier>>;
let wang: Awaited<ReturnType<typeof createCourier>>;
let stop: ParcelFixture; // Li's, out for delivery, version 3

const DAY = 24 * HOUR;
const figures = async (query = '') => (await (await get(t, `/api/ops/couriers${query}`, cookie)).json()) as CourierFiguresList;
const reassign = (body: unknown, who = cookie) => send(t, 'POST', '/api/ops/stops/reassign', body, who);
const manifestOf = async (phone: string) => (await (await get(t, '/api/courier/manifest', await signIn(t, phone))).json()) as CourierManifest;

/** A parcel Li took out and delivered at `at`, after `failedFirst` failed attempts. */
async function deliveredByLi(at: number, failedFirst = 0) {
  const p = await createParcel(t.db, { courierId: li.id, events: [{ status: 'InTransit', subStatus: 'InTransit_005', occurredAt: at - 3 * DAY }] });
  let time = at - 2 * DAY;
  for (let i = 0; i < failedFirst; i++) {
    await courierEvent(t.db, p.trackingNo, li.id, 'OutForDelivery', time);
    await courierEvent(t.db, p.trackingNo, li.id, 'AttemptFail', time + HOUR, { reasonCode: 'recipient_unavailable', subStatus: 'AttemptFail_001' });
    time += 12 * HOUR;
  }
  await courierEvent(t.db, p.trackingNo, li.id, 'OutForDelivery', at - HOUR);
  await courierEvent(t.db, p.trackingNo, li.id, 'Delivered', at);
  return p;
}

beforeEach(async () => {
  t = await createTestApp(); // now: 2026-11-21 12:00 in Shanghai
  const s = await createStaff(t.db);
  staffId = s.id;
  cookie = await signIn(t, s.email);
  li = await createCourier(t.db, { name: '李师傅' });
  wang = await createCourier(t.db, { name: '王师傅' });
  stop = await createParcel(t.db, { courierId: li.id, events: [{ status: 'InTransit', occurredAt: t.now() - 5 * HOUR }, { status: 'OutForDelivery', occurredAt: t.now() - HOUR }] });
});
afterEach(() => t.dispose());

describe('GET /api/ops/couriers', () => {
  it('gives each courier’s delivered, first-attempt rate, exceptions in the range and open stops now', async () => {
    await deliveredByLi(t.now() - DAY);
    await deliveredByLi(t.now() - 2 * DAY, 1); // second time lucky
    await deliveredByLi(t.now() - 20 * DAY); // before the default week
    await parcelInException(t, li.id, t.now() - 3 * HOUR);
    const retired = await t.db
      .insertInto('couriers')
      .values({ name: '退休 陈', phone: '17799990000', password_hash: 'x', city: '深圳市', active: 0, created_at: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();

    const res = await get(t, '/api/ops/couriers', cookie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as CourierFiguresList;
    expect([body.from, body.to]).toEqual(['2026-11-15', '2026-11-21']);
    expect(body.couriers).toEqual([
      { id: li.id, name: '李师傅', phone: li.phone, city: '深圳市', active: true, delivered: 2, firstAttemptRate: 0.5, exceptions: 1, openStops: 2 },
      { id: wang.id, name: '王师傅', phone: wang.phone, city: '深圳市', active: true, delivered: 0, firstAttemptRate: null, exceptions: 0, openStops: 0 },
      { id: retired.id, name: '退休 陈', phone: '17799990000', city: '深圳市', active: false, delivered: 0, firstAttemptRate: null, exceptions: 0, openStops: 0 },
    ]);

    // A range in the past, by shop days: 2026-11-01 (Shanghai) takes in the parcel from 20 days ago.
    const month = await figures('?from=2026-11-01&to=2026-11-21');
    expect(month.couriers[0]).toMatchObject({ delivered: 3, firstAttemptRate: 2 / 3 });
    const dayOf = await figures('?from=2026-11-01&to=2026-11-01');
    expect(dayOf.couriers[0]).toMatchObject({ delivered: 1, firstAttemptRate: 1, exceptions: 0, openStops: 2 });
  });

  it('counts a delivery on the shop’s day, not the UTC day', async () => {
    // 23:30 on 14 Nov in Shanghai is still 14 Nov there (15:30 UTC); the default week starts on the 15th.
    await deliveredByLi(Date.UTC(2026, 10, 14, 15, 30));
    await deliveredByLi(Date.UTC(2026, 10, 14, 16, 30)); // 00:30 on 15 Nov in Shanghai
    expect((await figures()).couriers[0]).toMatchObject({ delivered: 1 });
    expect((await figures('?from=2026-11-14&to=2026-11-14')).couriers[0]).toMatchObject({ delivered: 1 });
  });

  it.each([
    ['from after to', '?from=2026-11-21&to=2026-11-20', 'invalid_date_range'],
    ['a day that does not exist', '?from=2026-02-30', 'invalid_date'],
    ['not a day', '?from=yesterday', 'invalid_query'],
    ['more than a year', '?from=2025-01-01&to=2026-11-21', 'invalid_date_range'],
    ['an unknown filter', '?city=深圳市', 'invalid_query'],
  ])('refuses %s with 400', async (_name, query, code) => {
    const res = await get(t, `/api/ops/couriers${query}`, cookie);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code } });
  });

  it('is for staff only', async () => {
    for (const [who, c] of Object.entries(await outsiders(t))) {
      expect([401, 403], who).toContain((await get(t, '/api/ops/couriers', c)).status);
      expect([401, 403], who).toContain((await get(t, `/api/ops/couriers/${li.id}/stops`, c)).status);
    }
  });
});

describe('GET /api/ops/couriers/:id/stops', () => {
  it('lists the courier’s open stops, names masked', async () => {
    await deliveredByLi(t.now() - DAY); // done: not a stop
    const refused = await parcelInException(t, li.id, t.now() - 3 * HOUR);
    const res = await get(t, `/api/ops/couriers/${li.id}/stops`, cookie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as CourierStopList;
    expect(body.courier).toEqual({ id: li.id, name: '李师傅', city: '深圳市', active: true });
    expect(body.total).toBe(2);
    expect(body.stops.map((s) => [s.trackingNo, s.kind, s.status, s.version, s.recipientName, s.returnNo])).toEqual([
      [stop.trackingNo, 'delivery', 'OutForDelivery', 3, '王**', null],
      [refused.trackingNo, 'delivery', 'Exception', 4, '王**', null],
    ]);
  });

  it('is 404 for an unknown courier and 400 for something that is not an id', async () => {
    const unknown = await get(t, '/api/ops/couriers/99999/stops', cookie);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'courier_not_found' } });
    expect((await get(t, '/api/ops/couriers/abc/stops', cookie)).status).toBe(400);
    expect((await get(t, '/api/ops/couriers/-1/stops', cookie)).status).toBe(400);
  });
});

describe('POST /api/ops/stops/reassign', () => {
  it('moves the stop to another courier, bumps the version, records who, and leaves the public page alone', async () => {
    const before = await (await get(t, `/api/track/${stop.trackingNo}`)).json();
    const res = await reassign({ trackingNo: stop.trackingNo, toCourierId: wang.id, version: 3, note: '李师傅车坏了' });
    expect(res.status).toBe(200);
    expect((await res.json()) as ReassignResult).toEqual({ trackingNo: stop.trackingNo, from: { id: li.id, name: '李师傅' }, to: { id: wang.id, name: '王师傅' }, version: 4 });
    expect(await shipmentRow(t, stop.trackingNo)).toMatchObject({ courier_id: wang.id, version: 4, status: 'OutForDelivery', updated_at: t.now() });
    const record = await t.db.selectFrom('stop_reassignments').selectAll().executeTakeFirstOrThrow();
    expect(record).toMatchObject({ shipment_id: stop.shipmentId, from_courier_id: li.id, to_courier_id: wang.id, by_staff_id: staffId, from_version: 3, note: '李师傅车坏了', reassigned_at: t.now() });
    // Not a tracking event: the parcel did not move, and the customer sees no courier or staff.
    const after = await (await get(t, `/api/track/${stop.trackingNo}`)).json();
    expect({ ...after, generatedAt: 0 }).toEqual({ ...before, generatedAt: 0 });
  });

  it('end to end: the new courier’s manifest has the stop, and the old courier’s offline report is a conflict', async () => {
    expect((await manifestOf(li.phone)).stops.map((s) => s.trackingNo)).toEqual([stop.trackingNo]);
    const liCookie = await signIn(t, li.phone);

    expect((await reassign({ trackingNo: stop.trackingNo, toCourierId: wang.id, version: 3 })).status).toBe(200);

    const wangManifest = await manifestOf(wang.phone);
    expect(wangManifest.stops.map((s) => [s.trackingNo, s.version])).toEqual([[stop.trackingNo, 4]]);
    expect((await manifestOf(li.phone)).stops).toEqual([]);

    // Li was offline and failed the attempt against version 3; the phone syncs it now.
    const late = report({ trackingNo: stop.trackingNo, kind: 'failed_attempt', reasonCode: 'recipient_unavailable', shipmentVersion: 3, occurredAt: t.now() - 10 * 60_000 });
    const res = await sync(t, liCookie, [late]);
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as SyncResponse;
    expect(results).toEqual([expect.objectContaining({ id: late.id, outcome: 'conflict', code: 'reassigned', shipmentVersion: 4 })]);
    expect(await t.db.selectFrom('courier_reports').select(['outcome', 'code', 'courier_id']).where('id', '=', late.id).executeTakeFirstOrThrow()).toEqual({
      outcome: 'conflict',
      code: 'reassigned',
      courier_id: li.id,
    });
    // Nothing applied: the parcel is still out with Wang at version 4.
    expect(await shipmentRow(t, stop.trackingNo)).toMatchObject({ status: 'OutForDelivery', version: 4, courier_id: wang.id });

    // Wang's report against the version he was given goes through.
    const wangCookie = await signIn(t, wang.phone);
    const fresh = report({ trackingNo: stop.trackingNo, kind: 'failed_attempt', reasonCode: 'recipient_unavailable', shipmentVersion: 4, occurredAt: t.now() });
    const ok = (await (await sync(t, wangCookie, [fresh])).json()) as SyncResponse;
    expect(ok.results[0]).toMatchObject({ outcome: 'applied', shipmentVersion: 5 });
  });

  it('assigns a stop nobody has yet', async () => {
    const loose = await createParcel(t.db, { events: [{ status: 'InTransit', subStatus: 'InTransit_005', occurredAt: t.now() - HOUR }] });
    const res = await reassign({ trackingNo: loose.trackingNo, toCourierId: wang.id, version: 2 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ from: null, to: { id: wang.id }, version: 3 });
    expect(await t.db.selectFrom('stop_reassignments').select(['from_courier_id', 'to_courier_id']).executeTakeFirstOrThrow()).toEqual({ from_courier_id: null, to_courier_id: wang.id });
  });

  it('moves a return pickup too', async () => {
    const pickup = await createParcel(t.db, { courierId: li.id, events: [{ status: 'InfoReceived', occurredAt: t.now() - HOUR }] });
    await t.db.updateTable('shipments').set({ leg: 'return' }).where('id', '=', pickup.shipmentId).execute();
    expect((await reassign({ trackingNo: pickup.trackingNo, toCourierId: wang.id, version: 2 })).status).toBe(200);
    expect((await manifestOf(wang.phone)).stops.map((s) => [s.trackingNo, s.kind])).toEqual([[pickup.trackingNo, 'pickup']]);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const res = await reassign({ trackingNo: stop.trackingNo, toCourierId: wang.id, version: 2 });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'version_conflict' } });
    expect(await shipmentRow(t, stop.trackingNo)).toMatchObject({ courier_id: li.id, version: 3 });
    expect(await t.db.selectFrom('stop_reassignments').selectAll().execute()).toEqual([]);
  });

  it.each([
    ['an inactive courier', 'inactive', 409, 'courier_inactive'],
    ['an unknown courier', 'unknown', 404, 'courier_not_found'],
    ['the courier who has it', 'same', 409, 'already_assigned'],
    ['a delivered parcel', 'delivered', 409, 'not_an_open_stop'],
    ['an unknown parcel', 'no-parcel', 404, 'shipment_not_found'],
  ])('refuses %s and changes nothing', async (_name, kind, status, code) => {
    let toCourierId = wang.id;
    let trackingNo = stop.trackingNo;
    let version = 3;
    if (kind === 'inactive') await t.db.updateTable('couriers').set({ active: 0 }).where('id', '=', wang.id).execute();
    if (kind === 'unknown') toCourierId = 99_999;
    if (kind === 'same') toCourierId = li.id;
    if (kind === 'delivered') {
      const done = await deliveredByLi(t.now() - HOUR);
      trackingNo = done.trackingNo;
      version = (await shipmentRow(t, trackingNo)).version;
    }
    if (kind === 'no-parcel') trackingNo = makeTrackingNo(987_654);
    const res = await reassign({ trackingNo, toCourierId, version });
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code } });
    expect(await shipmentRow(t, stop.trackingNo)).toMatchObject({ courier_id: li.id, version: 3 });
    expect(await t.db.selectFrom('stop_reassignments').selectAll().execute()).toEqual([]);
  });

  it.each([
    ['no version', { trackingNo: 'X', toCourierId: 1 }],
    ['a courier id that is not a number', { trackingNo: 'X', toCourierId: 'wang', version: 3 }],
    ['an extra field', { trackingNo: 'X', toCourierId: 1, version: 3, courierId: 2 }],
  ])('refuses %s with 400', async (_name, body) => {
    const res = await reassign({ ...body, trackingNo: stop.trackingNo });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_request' } });
    expect(await shipmentRow(t, stop.trackingNo)).toMatchObject({ courier_id: li.id, version: 3 });
  });

  it('is for staff only', async () => {
    for (const [who, c] of Object.entries(await outsiders(t))) {
      expect([401, 403], who).toContain((await reassign({ trackingNo: stop.trackingNo, toCourierId: wang.id, version: 3 }, c)).status);
    }
    expect(await shipmentRow(t, stop.trackingNo)).toMatchObject({ courier_id: li.id, version: 3 });
  });
});
