import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExceptionActionResult, OpenExceptionList } from '../../shared/api/ops-desk';
import type { CourierManifest } from '../../shared/courier/manifest';
import type { PublicTrackingView } from '../../shared/api/tracking-view';
import { createCourier, createStaff } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { createParcel, type ParcelFixture } from '../support/factories';
import { createTestApp } from '../support/test-app';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';
import { HOUR, eventCount, get, outsiders, parcelInException, send, shipmentRow, type TestApp } from './ops-desk-fixtures';

let t: TestApp;
let cookie: string;
let staffId: number;
let courier: Awaited<ReturnType<typeof createCourier>>;
let refused: ParcelFixture; // in Exception (refused) since 2 h ago, version 4

const action = (trackingNo: string, body: unknown, who = cookie) => send(t, 'POST', `/api/ops/exceptions/${trackingNo}/actions`, body, who);
const list = async () => (await (await get(t, '/api/ops/exceptions', cookie)).json()) as OpenExceptionList;

beforeEach(async () => {
  t = await createTestApp();
  const s = await createStaff(t.db);
  staffId = s.id;
  cookie = await signIn(t, s.email);
  courier = await createCourier(t.db, { name: '赵师傅' });
  refused = await parcelInException(t, courier.id, t.now() - 2 * HOUR, 'refused');
});
afterEach(() => t.dispose());

describe('GET /api/ops/exceptions', () => {
  it('lists delivery parcels in Exception, stuck longest first, with the reason and what to do next', async () => {
    const damaged = await parcelInException(t, courier.id, t.now() - 30 * HOUR, 'parcel_damaged');
    // An earlier exception that was sorted out does not count towards the current one's age.
    const again = await createParcel(t.db, {
      events: [
        { status: 'Exception', occurredAt: t.now() - 72 * HOUR },
        { status: 'InTransit', occurredAt: t.now() - 48 * HOUR },
        { status: 'Exception', subStatus: 'Exception_002', occurredAt: t.now() - 10 * HOUR },
      ],
    });
    await createParcel(t.db, { courierId: courier.id, events: [{ status: 'OutForDelivery', occurredAt: t.now() - HOUR }] }); // fine

    const res = await get(t, '/api/ops/exceptions', cookie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as OpenExceptionList;
    expect(body.total).toBe(3);
    expect(body.exceptions.map((e) => e.trackingNo)).toEqual([damaged.trackingNo, again.trackingNo, refused.trackingNo]);
    expect(body.exceptions[0]).toEqual({
      trackingNo: damaged.trackingNo,
      since: t.now() - 30 * HOUR,
      ageMs: 30 * HOUR,
      status: 'Exception',
      subStatus: 'Exception_005',
      reasonCode: 'parcel_damaged',
      reasonLabel: { 'zh-CN': '包裹破损', en: 'Parcel damaged' },
      nextAction: 'review',
      suggestedAction: 'contact_customer',
      customerContactedAt: null,
      courier: { id: courier.id, name: '赵师傅' },
      destinationCity: '深圳市',
      recipientName: '王**',
      version: 4,
    });
    expect(body.exceptions[1]).toMatchObject({ since: t.now() - 10 * HOUR, reasonCode: null, nextAction: null, suggestedAction: 'contact_customer', courier: null });
    expect(body.exceptions[2]).toMatchObject({ reasonCode: 'refused', nextAction: 'return_to_sender', suggestedAction: 'return_to_sender' });
  });

  it('leaves out return pickups in Exception (they have their own queue)', async () => {
    const p = await createParcel(t.db, { events: [{ status: 'Exception', occurredAt: t.now() - HOUR }] });
    await t.db.updateTable('shipments').set({ leg: 'return' }).where('id', '=', p.shipmentId).execute();
    expect((await list()).exceptions.map((e) => e.trackingNo)).toEqual([refused.trackingNo]);
  });

  it('is for staff only', async () => {
    for (const [who, c] of Object.entries(await outsiders(t))) {
      const res = await get(t, '/api/ops/exceptions', c);
      expect([401, 403], who).toContain(res.status);
      expect(await res.json()).toMatchObject({ error: { code: expect.any(String) } });
    }
  });
});

describe('POST /api/ops/exceptions/:trackingNo/actions', () => {
  it('re-attempt tomorrow: back at the station for the next round, an event by staff, the note kept from the public', async () => {
    const res = await action(refused.trackingNo, { action: 'reattempt_tomorrow', note: '客户来电说明天在家 (staff-only note)', version: 4 });
    expect(res.status).toBe(200);
    const result = (await res.json()) as ExceptionActionResult;
    expect(result).toEqual({ trackingNo: refused.trackingNo, action: 'reattempt_tomorrow', status: 'InTransit', subStatus: 'InTransit_008', version: 5, occurredAt: t.now() });

    const event = await t.db.selectFrom('tracking_events').selectAll().where('shipment_id', '=', refused.shipmentId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ status: 'InTransit', sub_status: 'InTransit_008', actor_type: 'staff', actor_id: staffId, note: '客户来电说明天在家 (staff-only note)', city: '深圳市' });
    expect(await shipmentRow(t, refused.trackingNo)).toMatchObject({ status: 'InTransit', sub_status: 'InTransit_008', version: 5, courier_id: courier.id });

    const publicRes = await get(t, `/api/track/${refused.trackingNo}`);
    const text = await publicRes.text();
    const view = JSON.parse(text) as PublicTrackingView;
    expect(view.events[0]).toMatchObject({ status: 'InTransit', subStatus: 'InTransit_008', occurredAt: t.now() });
    expect(text).not.toContain('staff-only');
    expect(text).not.toContain('运营');

    // Still the courier's stop, and gone from the exceptions queue.
    const manifest = (await (await get(t, '/api/courier/manifest', await signIn(t, courier.phone))).json()) as CourierManifest;
    expect(manifest.stops.map((s) => [s.trackingNo, s.subStatus, s.version])).toEqual([[refused.trackingNo, 'InTransit_008', 5]]);
    expect((await list()).exceptions).toEqual([]);
  });

  it('contact the customer: stays an exception, says so in customer words, and the queue shows when', async () => {
    t.setNow(t.now() + HOUR);
    const res = await action(refused.trackingNo, { action: 'contact_customer', note: '已致电，无人接听', version: 4 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'Exception', subStatus: 'Exception_010', version: 5 });

    const [row] = (await list()).exceptions;
    // Still refused (the reason of the run), still as old as before, now with the contact on record.
    expect(row).toMatchObject({ trackingNo: refused.trackingNo, since: t.now() - 3 * HOUR, reasonCode: 'refused', customerContactedAt: t.now(), subStatus: 'Exception_010', version: 5 });
    const view = (await (await get(t, `/api/track/${refused.trackingNo}`)).json()) as PublicTrackingView;
    expect(view.events[0]).toMatchObject({ status: 'Exception', subStatus: 'Exception_010', place: { city: null } });
  });

  it('return to sender: on its way back to the shop, off the courier’s round', async () => {
    const res = await action(refused.trackingNo, { action: 'return_to_sender', version: 4 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'InTransit', subStatus: 'InTransit_007', version: 5 });
    expect(await shipmentRow(t, refused.trackingNo)).toMatchObject({ status: 'InTransit', sub_status: 'InTransit_007', version: 5, courier_id: null });
    const manifest = (await (await get(t, '/api/courier/manifest', await signIn(t, courier.phone))).json()) as CourierManifest;
    expect(manifest.stops).toEqual([]);
    expect((await list()).total).toBe(0);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const res = await action(refused.trackingNo, { action: 'reattempt_tomorrow', version: 3 });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'version_conflict' } });
    expect(await shipmentRow(t, refused.trackingNo)).toMatchObject({ status: 'Exception', version: 4 });
    expect(await eventCount(t, refused.shipmentId)).toBe(3);
  });

  it('refuses a second action made on the same version (two staff at once)', async () => {
    expect((await action(refused.trackingNo, { action: 'contact_customer', version: 4 })).status).toBe(200);
    const late = await action(refused.trackingNo, { action: 'return_to_sender', version: 4 });
    expect(late.status).toBe(409);
    expect(await shipmentRow(t, refused.trackingNo)).toMatchObject({ sub_status: 'Exception_010', version: 5, courier_id: courier.id });
  });

  it.each([
    ['an unknown action', { action: 'bin_it', version: 4 }, 400, 'invalid_request'],
    ['no version', { action: 'reattempt_tomorrow' }, 400, 'invalid_request'],
    ['a version that is not a number', { action: 'reattempt_tomorrow', version: '4' }, 400, 'invalid_request'],
    ['an extra field', { action: 'reattempt_tomorrow', version: 4, status: 'Delivered' }, 400, 'invalid_request'],
    ['a note too long', { action: 'reattempt_tomorrow', version: 4, note: 'x'.repeat(301) }, 400, 'invalid_request'],
    ['a body that is not JSON', '{"action":', 400, 'malformed_json'],
  ])('refuses %s and changes nothing', async (_name, body, status, code) => {
    const res = await action(refused.trackingNo, body);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code } });
    expect(await shipmentRow(t, refused.trackingNo)).toMatchObject({ status: 'Exception', version: 4 });
    expect(await eventCount(t, refused.shipmentId)).toBe(3);
  });

  it('refuses an unknown parcel (404), a malformed number (400) and a body that is not JSON (415)', async () => {
    const unknown = await action(makeTrackingNo(987_654), { action: 'contact_customer', version: 1 });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'shipment_not_found' } });
    expect((await action('not-a-number!', { action: 'contact_customer', version: 1 })).status).toBe(400);
    const plain = await t.app.request(`/api/ops/exceptions/${refused.trackingNo}/actions`, { method: 'POST', headers: { cookie, 'content-type': 'text/plain' }, body: '{}' });
    expect(plain.status).toBe(415);
  });

  it('refuses a parcel that is not in Exception with 409', async () => {
    const moving = await createParcel(t.db, { courierId: courier.id, events: [{ status: 'OutForDelivery', occurredAt: t.now() - HOUR }] });
    const res = await action(moving.trackingNo, { action: 'reattempt_tomorrow', version: 2 });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'not_in_exception' } });
    expect(await shipmentRow(t, moving.trackingNo)).toMatchObject({ status: 'OutForDelivery', version: 2 });
  });

  it('is for staff only', async () => {
    for (const [who, c] of Object.entries(await outsiders(t))) {
      const res = await action(refused.trackingNo, { action: 'return_to_sender', version: 4 }, c);
      expect([401, 403], who).toContain(res.status);
    }
    expect(await shipmentRow(t, refused.trackingNo)).toMatchObject({ status: 'Exception', version: 4 });
  });
});
