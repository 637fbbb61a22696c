import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicTrackingView } from '../../shared/api/tracking-view';
import type { SyncResponse } from '../../shared/courier/courier-report';
import { createCourier, createStaff } from '../support/accounts';
import { report, signIn, sync, uploadedPhoto } from '../support/courier-fixtures';
import { createParcel, type ParcelFixture } from '../support/factories';
import { createTestApp } from '../support/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let me: Awaited<ReturnType<typeof createCourier>>;
let cookie: string;
let parcel: ParcelFixture; // mine, in transit at the local station, version 2

const HOUR = 3600_000;
const outForDelivery = () => createParcel(t.db, { courierId: me.id, events: [{ status: 'InTransit', occurredAt: Date.UTC(2026, 10, 20, 1) }, { status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 21, 1) }] });
const eventsOf = (shipmentId: number) => t.db.selectFrom('tracking_events').selectAll().where('shipment_id', '=', shipmentId).orderBy('id').execute();
const body = async (res: Response) => (await res.json()) as SyncResponse;

beforeEach(async () => {
  t = await createTestApp();
  me = await createCourier(t.db);
  cookie = await signIn(t, me.phone);
  parcel = await createParcel(t.db, { courierId: me.id, events: [{ status: 'InTransit', subStatus: 'InTransit_005', occurredAt: Date.UTC(2026, 10, 21, 0) }] });
});
afterEach(() => t.dispose());

describe('GET /api/courier/manifest', () => {
  it('lists my open stops with address, phone to call, version and the proof rules', async () => {
    await createParcel(t.db, { courierId: (await createCourier(t.db)).id }); // someone else's
    const res = await t.app.request('/api/courier/manifest', { headers: { cookie } });
    expect(res.status).toBe(200);
    const manifest = await res.json();
    expect(manifest.courier).toMatchObject({ id: me.id, phone: me.phone });
    expect(manifest.stops).toHaveLength(1);
    expect(manifest.stops[0]).toMatchObject({
      trackingNo: parcel.trackingNo,
      status: 'InTransit',
      version: 2,
      recipient: { name: '王小明', phone: parcel.phone },
      address: { city: '深圳市', district: '南山区', street: '科技园南路88号创业大厦3栋1201' },
      itemCount: 3,
    });
    expect(manifest.proofRequirements).toEqual({ photo: true, recipientName: true, signature: false });
  });

  it('leaves out a parcel on its way back to the shop, which is not for delivery', async () => {
    await createParcel(t.db, {
      courierId: me.id,
      events: [
        { status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 20, 1) },
        { status: 'Exception', occurredAt: Date.UTC(2026, 10, 20, 3) },
        { status: 'InTransit', subStatus: 'InTransit_007', occurredAt: Date.UTC(2026, 10, 20, 6) },
      ],
    });
    const manifest = await (await t.app.request('/api/courier/manifest', { headers: { cookie } })).json();
    expect(manifest.stops.map((s: { trackingNo: string }) => s.trackingNo)).toEqual([parcel.trackingNo]);
  });

  it('is for signed-in couriers only', async () => {
    expect((await t.app.request('/api/courier/manifest')).status).toBe(401);
    const staff = await createStaff(t.db);
    const staffCookie = await signIn(t, staff.email);
    const res = await t.app.request('/api/courier/manifest', { headers: { cookie: staffCookie } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'wrong_role' } });
  });
});

describe('POST /api/courier/sync', () => {
  it('applies reports in device order, keeps the device time, and shows them on the tracking page', async () => {
    const photoId = await uploadedPhoto(t, cookie);
    const out = report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2, occurredAt: Date.UTC(2026, 10, 21, 2) });
    const done = report({ trackingNo: parcel.trackingNo, kind: 'delivered', shipmentVersion: 3, occurredAt: Date.UTC(2026, 10, 21, 3), recipientName: '本人', photoIds: [photoId] });
    // Sent out of order: the server orders them by the device's sequence numbers.
    const res = await sync(t, cookie, [done, out]);
    expect(res.status).toBe(200);
    const { results, clockSkewMs } = await body(res);
    expect(results.map((r) => [r.id, r.outcome, r.shipmentVersion])).toEqual([
      [done.id, 'applied', 4],
      [out.id, 'applied', 3],
    ]);
    expect(clockSkewMs).toBeNull();

    const events = await eventsOf(parcel.shipmentId);
    expect(events.slice(-2).map((e) => [e.status, e.occurred_at, e.recorded_at, e.actor_type, e.report_id])).toEqual([
      ['OutForDelivery', out.occurredAt, t.now(), 'courier', out.id],
      ['Delivered', done.occurredAt, t.now(), 'courier', done.id],
    ]);
    const view = (await (await t.app.request(`/api/track/${parcel.trackingNo}`)).json()) as PublicTrackingView;
    expect(view.status).toBe('Delivered');
    expect(view.events.slice(0, 2).map((e) => e.occurredAt)).toEqual([done.occurredAt, out.occurredAt]);
  });

  it('answers a replayed batch with duplicates and changes nothing', async () => {
    const batch = [report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2 })];
    expect((await body(await sync(t, cookie, batch))).results[0]!.outcome).toBe('applied');
    const before = await eventsOf(parcel.shipmentId);
    const again = await body(await sync(t, cookie, batch));
    expect(again.results[0]).toMatchObject({ outcome: 'duplicate', code: 'already_applied', shipmentVersion: 3 });
    expect(await eventsOf(parcel.shipmentId)).toEqual(before);
  });

  it('refuses the same id with another body', async () => {
    const first = report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2 });
    await sync(t, cookie, [first]);
    const altered = { ...first, note: 'changed afterwards' };
    const res = await body(await sync(t, cookie, [altered]));
    expect(res.results[0]).toMatchObject({ outcome: 'rejected', code: 'id_reused' });
    expect(await eventsOf(parcel.shipmentId)).toHaveLength(2);
  });

  it('answers each copy of one id in a batch on its own: the first applied, a second with another body rejected', async () => {
    const first = report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2 });
    const altered = { ...first, seq: first.seq + 1, note: 'changed afterwards' };
    const res = await body(await sync(t, cookie, [first, altered]));
    expect(res.results.map((r) => [r.id, r.outcome, r.code])).toEqual([
      [first.id, 'applied', 'applied'],
      [first.id, 'rejected', 'id_reused'],
    ]);
    expect(await eventsOf(parcel.shipmentId)).toHaveLength(2);
    // Sent again later, the stored truth is the first copy's.
    expect((await body(await sync(t, cookie, [first]))).results[0]).toMatchObject({ outcome: 'duplicate', code: 'already_applied' });
  });

  it('answers an exact resend inside one batch as applied, then duplicate', async () => {
    const first = report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2 });
    const res = await body(await sync(t, cookie, [first, first]));
    expect(res.results.map((r) => r.outcome)).toEqual(['applied', 'duplicate']);
    expect(await eventsOf(parcel.shipmentId)).toHaveLength(2);
  });

  it('reports a conflict when the parcel was reassigned while the courier was offline', async () => {
    const other = await createCourier(t.db);
    await t.db.updateTable('shipments').set({ courier_id: other.id, version: 3 }).where('id', '=', parcel.shipmentId).execute();
    const res = await body(await sync(t, cookie, [report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2 })]));
    expect(res.results[0]).toMatchObject({ outcome: 'conflict', code: 'reassigned', shipmentVersion: 3 });
    // Kept for the courier's problem list.
    const stored = await t.db.selectFrom('courier_reports').select(['outcome', 'code']).executeTakeFirstOrThrow();
    expect(stored).toEqual({ outcome: 'conflict', code: 'reassigned' });
  });

  it('reports a conflict when someone else delivered it meanwhile', async () => {
    const p = await outForDelivery();
    await sync(t, cookie, [report({ trackingNo: p.trackingNo, kind: 'delivered', shipmentVersion: 3, recipientName: '门卫', photoIds: [await uploaded()] })]);
    const late = await body(await sync(t, cookie, [report({ trackingNo: p.trackingNo, kind: 'failed_attempt', reasonCode: 'recipient_unavailable', shipmentVersion: 3 })]));
    expect(late.results[0]).toMatchObject({ outcome: 'conflict', code: 'already_delivered' });
  });

  it.each([
    ['an unknown reason', { kind: 'failed_attempt', reasonCode: 'aliens' }, 'unknown_reason'],
    ['a failed attempt without a reason', { kind: 'failed_attempt' }, 'reason_required'],
    ['an exception reason on a failed attempt', { kind: 'failed_attempt', reasonCode: 'parcel_damaged' }, 'reason_not_for_kind'],
    ['a damaged parcel without a photo', { kind: 'exception', reasonCode: 'parcel_damaged' }, 'photo_required'],
    ['a delivery without proof photo', { kind: 'delivered', recipientName: '本人' }, 'photo_required'],
    ['a delivery from in transit (skips out for delivery)', { kind: 'delivered', recipientName: '本人', photoIds: ['PHOTO'] }, 'transition_not_allowed'],
    ['a photo that was never uploaded', { kind: 'exception', reasonCode: 'parcel_damaged', photoIds: [randomUUID()] }, 'photo_not_uploaded'],
  ])('rejects %s and changes nothing', async (_name, over, code) => {
    // 'PHOTO' stands for a photo that really was uploaded.
    const needsUpload = (over as { photoIds?: string[] }).photoIds?.[0] === 'PHOTO';
    const fixed = needsUpload ? { ...over, photoIds: [await uploaded()] } : over;
    const res = await body(await sync(t, cookie, [report({ trackingNo: parcel.trackingNo, shipmentVersion: 2, ...(fixed as object) } as never)]));
    expect(res.results[0]).toMatchObject({ outcome: 'rejected', code });
    expect(await eventsOf(parcel.shipmentId)).toHaveLength(1);
  });

  it('rejects a report on another courier’s parcel', async () => {
    const theirs = await createParcel(t.db, { courierId: (await createCourier(t.db)).id, events: [{ status: 'InTransit', occurredAt: t.now() - HOUR }] });
    const res = await body(await sync(t, cookie, [report({ trackingNo: theirs.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2 })]));
    expect(res.results[0]).toMatchObject({ outcome: 'rejected', code: 'not_your_stop' });
    expect(await eventsOf(theirs.shipmentId)).toHaveLength(1);
  });

  it('flags a phone clock hours off, keeping its times', async () => {
    const skewed = report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2, occurredAt: t.now() - 3 * HOUR });
    const res = await body(await sync(t, cookie, [skewed], t.now() - 3 * HOUR));
    expect(res.clockSkewMs).toBe(3 * HOUR);
    const event = (await eventsOf(parcel.shipmentId)).at(-1)!;
    expect(event).toMatchObject({ occurred_at: skewed.occurredAt, clock_skew_ms: 3 * HOUR });
  });

  it('never dates an event after its receipt when the phone clock runs days ahead, keeping the phone time as evidence', async () => {
    const DAY = 24 * HOUR;
    const p = await outForDelivery();
    // Made 20 minutes ago, offline, on a phone two days ahead; sent now.
    const ahead = report({ trackingNo: p.trackingNo, kind: 'delivered', shipmentVersion: 3, recipientName: '本人', photoIds: [await uploaded()], occurredAt: t.now() + 2 * DAY - 20 * 60_000 });
    const res = await body(await sync(t, cookie, [ahead], t.now() + 2 * DAY));
    expect(res.results[0]!.outcome).toBe('applied');
    expect(res.clockSkewMs).toBe(-2 * DAY);
    const event = (await eventsOf(p.shipmentId)).at(-1)!;
    expect(event).toMatchObject({ occurred_at: t.now() - 20 * 60_000, recorded_at: t.now(), device_occurred_at: ahead.occurredAt });
    const shipment = await t.db.selectFrom('shipments').select(['delivered_at']).where('id', '=', p.shipmentId).executeTakeFirstOrThrow();
    expect(shipment.delivered_at).toBe(t.now() - 20 * 60_000);
    const view = (await (await t.app.request(`/api/track/${p.trackingNo}`)).json()) as PublicTrackingView;
    expect(Math.max(...view.events.map((e) => e.occurredAt))).toBeLessThanOrEqual(t.now());
    // The report itself keeps what the phone said.
    const stored = await t.db.selectFrom('courier_reports').select('occurred_at').where('id', '=', ahead.id).executeTakeFirstOrThrow();
    expect(stored.occurred_at).toBe(ahead.occurredAt);
  });

  it('keeps a fast phone’s batch in the order it happened: the measured lead comes off every event', async () => {
    const MIN = 60_000;
    const p = await outForDelivery();
    // A phone 30 minutes fast: a failed attempt 40 minutes ago (it reads 10 minutes ago), then out again 20 minutes ago (it reads 10 minutes ahead).
    const failed = report({ trackingNo: p.trackingNo, kind: 'failed_attempt', reasonCode: 'recipient_unavailable', shipmentVersion: 3, occurredAt: t.now() - 10 * MIN });
    const again = report({ trackingNo: p.trackingNo, kind: 'out_for_delivery', shipmentVersion: 4, occurredAt: t.now() + 10 * MIN });
    const res = await body(await sync(t, cookie, [failed, again], t.now() + 30 * MIN));
    expect(res.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    const [a, b] = (await eventsOf(p.shipmentId)).slice(-2);
    expect(a).toMatchObject({ status: 'AttemptFail', occurred_at: t.now() - 40 * MIN, device_occurred_at: failed.occurredAt });
    expect(b).toMatchObject({ status: 'OutForDelivery', occurred_at: t.now() - 20 * MIN, device_occurred_at: again.occurredAt });
  });

  it('places a future event at receipt when only the event time (not the send time) runs ahead', async () => {
    const future = report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2, occurredAt: t.now() + 3 * HOUR });
    await sync(t, cookie, [future]);
    expect((await eventsOf(parcel.shipmentId)).at(-1)).toMatchObject({ occurred_at: t.now(), device_occurred_at: future.occurredAt });
  });

  it('believes a device time a few seconds ahead, as phones drift', async () => {
    const close = report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2, occurredAt: t.now() + 20_000 });
    await sync(t, cookie, [close]);
    expect((await eventsOf(parcel.shipmentId)).at(-1)).toMatchObject({ occurred_at: close.occurredAt, device_occurred_at: null });
  });

  it.each([
    ['no reports', { sentAt: Date.UTC(2026, 10, 21), reports: [] }],
    ['a report without an id', { sentAt: Date.UTC(2026, 10, 21), reports: [{ deviceId: randomUUID(), seq: 1, trackingNo: 'DS1', kind: 'delivered', occurredAt: Date.UTC(2026, 10, 21), shipmentVersion: 1 }] }],
    ['an unknown kind', { sentAt: Date.UTC(2026, 10, 21), reports: [{ id: randomUUID(), deviceId: randomUUID(), seq: 1, trackingNo: 'DS1', kind: 'teleported', occurredAt: Date.UTC(2026, 10, 21), shipmentVersion: 1 }] }],
    ['a 1970 clock', { sentAt: 0, reports: [] }],
    ['an extra field', { sentAt: Date.UTC(2026, 10, 21), reports: [], admin: true }],
  ])('answers %s with 400 and changes nothing', async (_name, payload) => {
    const res = await t.app.request('/api/courier/sync', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(payload) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_request');
    expect(await t.db.selectFrom('courier_reports').select('id').execute()).toEqual([]);
  });

  it('refuses control characters and out-of-range numbers with 400', async () => {
    for (const over of [{ note: 'left at door\u0000' }, { seq: 2 ** 31 }, { shipmentVersion: 2 ** 40 }]) {
      const bad = { ...report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2 }), ...over };
      const res = await sync(t, cookie, [bad]);
      expect(res.status, JSON.stringify(over)).toBe(400);
    }
    expect(await eventsOf(parcel.shipmentId)).toHaveLength(1);
  });

  it('still applies reports from a phone whose clock says 1970 when it sends, flagging the skew', async () => {
    const res = await body(await sync(t, cookie, [report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2 })], 0));
    expect(res.results[0]!.outcome).toBe('applied');
    expect(res.clockSkewMs).toBe(t.now());
  });

  it('does not let a photo that proves one parcel prove another', async () => {
    const first = await outForDelivery();
    const second = await outForDelivery();
    const photoId = await uploaded();
    const one = report({ trackingNo: first.trackingNo, kind: 'delivered', shipmentVersion: 3, recipientName: '本人', photoIds: [photoId] });
    expect((await body(await sync(t, cookie, [one]))).results[0]!.outcome).toBe('applied');
    const two = report({ trackingNo: second.trackingNo, kind: 'delivered', shipmentVersion: 3, recipientName: '本人', photoIds: [photoId] });
    expect((await body(await sync(t, cookie, [two]))).results[0]).toMatchObject({ outcome: 'rejected', code: 'photo_not_uploaded' });
  });

  it('is for signed-in couriers only', async () => {
    const batch = [report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2 })];
    expect((await sync(t, '', batch)).status).toBe(401);
    const staffCookie = await signIn(t, (await createStaff(t.db)).email);
    expect((await sync(t, staffCookie, batch)).status).toBe(403);
    expect(await eventsOf(parcel.shipmentId)).toHaveLength(1);
  });
});

async function uploaded(): Promise<string> {
  return uploadedPhoto(t, cookie);
}
