import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicTrackingView, VerifiedTrackingDetails } from '../../shared/api/tracking-view';
import type { CourierReport, SyncResponse } from '../../shared/courier/courier-report';
import type { PickupPointReport } from '../../shared/courier/pickup-point';
import { createCourier } from '../support/accounts';
import { report, signIn, sync, uploadedPhoto } from '../support/courier-fixtures';
import { createParcel, type ParcelFixture } from '../support/factories';
import { createTestApp, jsonHeaders } from '../support/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let me: Awaited<ReturnType<typeof createCourier>>;
let cookie: string;
let parcel: ParcelFixture; // mine, out for delivery, version 3

const HOUR = 3600_000;
const DROPPED_AT = Date.UTC(2026, 10, 21, 3, 30);
const LOCKER: PickupPointReport = { type: 'locker', code: '62839104', name: '丰巢快递柜（创业大厦3号柜）', address: '南山区科技园南路88号创业大厦北门' };
const STATION: PickupPointReport = { type: 'station', code: '8-3-1024', name: '菜鸟驿站（科技园南店）', address: '南山区科技园南路90号底商', keepHours: 120 };

const drop = (pickupPoint: unknown, over: Partial<CourierReport> = {}) =>
  report({ trackingNo: parcel.trackingNo, kind: 'at_pickup_point', shipmentVersion: 3, occurredAt: DROPPED_AT, pickupPoint: pickupPoint as PickupPointReport, ...over });
const publicText = async (no = parcel.trackingNo) => (await t.app.request(`/api/track/${no}`)).text();
const shipment = () => t.db.selectFrom('shipments').selectAll().where('id', '=', parcel.shipmentId).executeTakeFirstOrThrow();
const eventsOf = () => t.db.selectFrom('tracking_events').selectAll().where('shipment_id', '=', parcel.shipmentId).orderBy('id').execute();

async function verify(no: string, digits: string): Promise<{ cookie: string; details: VerifiedTrackingDetails }> {
  const res = await t.app.request(`/api/track/${no}/verify`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ phoneLast4: digits }) });
  expect(res.status).toBe(200);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, details: ((await res.json()) as { details: VerifiedTrackingDetails }).details };
}

beforeEach(async () => {
  t = await createTestApp();
  me = await createCourier(t.db);
  cookie = await signIn(t, me.phone);
  parcel = await createParcel(t.db, {
    courierId: me.id,
    phone: '13700002468',
    events: [
      { status: 'InTransit', subStatus: 'InTransit_005', occurredAt: Date.UTC(2026, 10, 21, 0) },
      { status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 21, 1) },
    ],
  });
});
afterEach(() => t.dispose());

describe('a courier’s drop at a locker or station (POST /api/courier/sync)', () => {
  it('applies a locker drop: status, sub-status, the code on the event, the place on the shipment, 72 hours to collect', async () => {
    const sent = drop(LOCKER);
    const res = await sync(t, cookie, [sent]);
    expect(res.status).toBe(200);
    expect(((await res.json()) as SyncResponse).results).toEqual([{ id: sent.id, outcome: 'applied', code: 'applied', message: 'Recorded', shipmentVersion: 4 }]);

    const row = await shipment();
    expect([row.status, row.sub_status, row.version]).toEqual(['AvailableForPickup', 'AvailableForPickup_002', 4]);
    const place = { type: 'locker', name: LOCKER.name, address: LOCKER.address, keepUntil: DROPPED_AT + 72 * HOUR };
    expect(JSON.parse(row.pickup_place!)).toEqual(place);
    expect(row.pickup_place).not.toContain(LOCKER.code);
    const event = (await eventsOf()).at(-1)!;
    expect(event).toMatchObject({ status: 'AvailableForPickup', actor_type: 'courier', report_id: sent.id, pickup_code: LOCKER.code });
    expect(JSON.parse(event.pickup_place!)).toEqual(place);

    // The drop reached the customer: promise kept, and the public view says where and until when.
    const view = JSON.parse(await publicText()) as PublicTrackingView;
    expect(view.status).toBe('AvailableForPickup');
    expect(view.pickupPlace).toEqual(place);
  });

  it('applies a station drop with the courier’s own keeping time (sub-status _001)', async () => {
    await sync(t, cookie, [drop(STATION)]);
    const row = await shipment();
    expect(row.sub_status).toBe('AvailableForPickup_001');
    expect(JSON.parse(row.pickup_place!)).toMatchObject({ type: 'station', keepUntil: DROPPED_AT + 120 * HOUR });
  });

  it.each([
    ['no pickup point', undefined, 'pickupPoint'],
    ['a locker code with dashes', { ...LOCKER, code: '8-3-1024' }, 'pickupPoint.code'],
    ['a three-digit code', { ...LOCKER, code: '123' }, 'pickupPoint.code'],
    ['an empty code', { ...LOCKER, code: '' }, 'pickupPoint.code'],
    ['a lower-case shelf', { ...STATION, code: 'a2-3-4056' }, 'pickupPoint.code'],
    ['a one-character name', { ...LOCKER, name: '柜' }, 'pickupPoint.name'],
    ['a name with a NUL', { ...LOCKER, name: '丰巢\u0000柜' }, 'pickupPoint.name'],
    ['an address with spaces around', { ...LOCKER, address: ' 北门东侧旁边 ' }, 'pickupPoint.address'],
    ['an 81-character address', { ...LOCKER, address: '路'.repeat(81) }, 'pickupPoint.address'],
    ['zero keeping hours', { ...LOCKER, keepHours: 0 }, 'pickupPoint.keepHours'],
    ['three weeks of keeping', { ...LOCKER, keepHours: 21 * 24 }, 'pickupPoint.keepHours'],
    ['a kind that is neither', { ...LOCKER, type: 'shelf' }, 'pickupPoint.type'],
    ['an extra field', { ...LOCKER, photo: 'x' }, 'pickupPoint'],
  ])('refuses %s with 400 and changes nothing', async (_case, point, where) => {
    const res = await sync(t, cookie, [drop(point)]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toMatch(new RegExp(`^reports\\.0\\.${where.replace('.', '\\.')}: `));
    const row = await shipment();
    expect([row.status, row.version, row.pickup_place]).toEqual(['OutForDelivery', 3, null]);
    expect(await eventsOf()).toHaveLength(2);
  });

  it('applies a drop once: a resend is a duplicate, the same id with another code is refused', async () => {
    const sent = drop(LOCKER);
    await sync(t, cookie, [sent]);
    // The phone's outbox sends the same body again (its answer was lost), keys in another order.
    const again = { ...sent, pickupPoint: { address: LOCKER.address, name: LOCKER.name, code: LOCKER.code, type: LOCKER.type } };
    const resent = (await (await sync(t, cookie, [again])).json()) as SyncResponse;
    expect(resent.results[0]).toMatchObject({ outcome: 'duplicate', code: 'already_applied' });
    const changed = (await (await sync(t, cookie, [{ ...sent, pickupPoint: { ...LOCKER, code: '11112222' } }])).json()) as SyncResponse;
    expect(changed.results[0]).toMatchObject({ outcome: 'rejected', code: 'id_reused' });
    expect((await eventsOf()).filter((e) => e.status === 'AvailableForPickup').map((e) => e.pickup_code)).toEqual([LOCKER.code]);
  });

  it('refuses a pickup point on any other report with 400', async () => {
    const res = await sync(t, cookie, [report({ trackingNo: parcel.trackingNo, kind: 'delivered', shipmentVersion: 3, recipientName: '本人', pickupPoint: LOCKER })]);
    expect(res.status).toBe(400);
    expect((await shipment()).status).toBe('OutForDelivery');
  });

  it('is refused on another courier’s parcel without a trace, and needs a courier’s session', async () => {
    const other = await createCourier(t.db);
    const theirs = await createParcel(t.db, { courierId: other.id, events: [{ status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 21, 1) }] });
    const res = await sync(t, cookie, [drop(LOCKER, { trackingNo: theirs.trackingNo, shipmentVersion: 2 })]);
    expect(((await res.json()) as SyncResponse).results[0]).toMatchObject({ outcome: 'rejected', code: 'not_your_stop' });
    const row = await t.db.selectFrom('shipments').select(['status', 'pickup_place']).where('id', '=', theirs.shipmentId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'OutForDelivery', pickup_place: null });
    // Only couriers report: no session is 401, as for every report.
    expect((await sync(t, '', [drop(LOCKER)])).status).toBe(401);
  });
});

describe('what the customer sees of a parcel in a locker', () => {
  it('the public view and the live stream say where and until when, never the code', async () => {
    const stream = await t.app.request(`/api/track/${parcel.trackingNo}/stream`);
    const reader = stream.body!.getReader();
    let streamed = '';
    const readUntil = async (text: string) => {
      while (!streamed.includes(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        streamed += new TextDecoder().decode(value);
      }
    };
    await readUntil('event: tracking');

    await sync(t, cookie, [drop(LOCKER)]);
    // The view the drop sent down the open stream, whole (it ends with its generatedAt).
    await readUntil(LOCKER.name);
    await readUntil('\n\n');
    await reader.cancel();
    expect(streamed).toContain('"pickupPlace":{"type":"locker"');
    expect(streamed).not.toContain(LOCKER.code);

    const body = await publicText();
    expect(body).toContain(LOCKER.address);
    expect(body).not.toContain(LOCKER.code);
    expect(body).not.toContain('pickup_code');
  });

  it('the verified customer sees the code, place and deadline, and is offered no delivery instructions', async () => {
    await sync(t, cookie, [drop(STATION)]);
    const { cookie: customer, details } = await verify(parcel.trackingNo, '2468');
    expect(details.pickup).toEqual({ type: 'station', code: '8-3-1024', name: STATION.name, address: STATION.address, keepUntil: DROPPED_AT + 120 * HOUR, placedAt: DROPPED_AT });
    expect(details.canChangeInstructions).toBe(false);
    const again = (await (await t.app.request(`/api/track/${parcel.trackingNo}/details`, { headers: { cookie: customer } })).json()) as VerifiedTrackingDetails;
    expect(again.pickup?.code).toBe('8-3-1024');
    // No verification, no code: the details are refused outright.
    expect((await t.app.request(`/api/track/${parcel.trackingNo}/details`)).status).toBe(401);
  });

  it('once collected, the code and the place are gone from both views', async () => {
    const photoId = await uploadedPhoto(t, cookie);
    const dropped = drop(LOCKER); // made first: the server applies a phone's reports in the order it made them
    const collected = report({ trackingNo: parcel.trackingNo, kind: 'delivered', shipmentVersion: 4, occurredAt: DROPPED_AT + HOUR, recipientName: '本人', photoIds: [photoId] });
    const { results } = (await (await sync(t, cookie, [dropped, collected])).json()) as SyncResponse;
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    expect((JSON.parse(await publicText()) as PublicTrackingView).pickupPlace).toBeNull();
    expect((await verify(parcel.trackingNo, '2468')).details.pickup).toBeNull();
  });
});

describe('delivery instructions where they mean nothing (PUT /api/track/:no/instructions)', () => {
  const put = (no: string, customer: string) =>
    t.app.request(`/api/track/${no}/instructions`, { method: 'PUT', headers: { ...jsonHeaders, cookie: customer }, body: JSON.stringify({ option: 'leave_at_door', note: '放门口' }) });

  it('refuses them for a parcel in a locker with 409 instructions_not_applicable, and keeps none', async () => {
    const { cookie: customer, details } = await verify(parcel.trackingNo, '2468');
    expect(details.canChangeInstructions).toBe(true);
    await sync(t, cookie, [drop(LOCKER)]);
    const res = await put(parcel.trackingNo, customer);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'instructions_not_applicable' } });
    expect((await shipment()).delivery_instructions).toBeNull();
  });

  it('refuses them for a lost parcel, and the verified view does not offer them', async () => {
    const lost = await createParcel(t.db, {
      phone: '13700001357',
      events: [
        { status: 'InTransit', occurredAt: Date.UTC(2026, 10, 18, 1) },
        { status: 'Exception', subStatus: 'Exception_006', occurredAt: Date.UTC(2026, 10, 20, 1) },
      ],
    });
    const { cookie: customer, details } = await verify(lost.trackingNo, '1357');
    expect(details.canChangeInstructions).toBe(false);
    const res = await put(lost.trackingNo, customer);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'instructions_not_applicable' } });
  });

  it('still refuses a stranger first (401), whatever the state', async () => {
    await sync(t, cookie, [drop(LOCKER)]);
    expect((await put(parcel.trackingNo, '')).status).toBe(401);
  });
});
