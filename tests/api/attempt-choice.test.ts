import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncResponse } from '../../shared/courier/courier-report';
import { createCourier } from '../support/accounts';
import { report, signIn, sync } from '../support/courier-fixtures';
import { createParcel } from '../support/factories';
import { verifyCustomer } from '../support/return-fixtures';
import { createTestApp, jsonHeaders } from '../support/test-app';

/**
 * After a failed attempt the verified customer picks another day or asks to collect the
 * parcel; the choice is an event in the log and reaches the courier's manifest, and a report
 * the courier made on the old stop (offline) becomes a conflict rather than being applied.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let courierCookie: string;
let parcel: Awaited<ReturnType<typeof createParcel>>;
let customer: string;

// The test clock: 21 Nov 2026 12:00 in Shanghai. The attempt was at 11:30 there.
const TOMORROW = '2026-11-22';

async function failAttempt(trackingNo: string, reasonCode: string) {
  const answer = (await (await sync(t, courierCookie, [report({ trackingNo, kind: 'failed_attempt', reasonCode, shipmentVersion: 3 })])).json()) as SyncResponse;
  expect(answer.results[0]!.outcome).toBe('applied');
}

const choose = (body: unknown, cookie = customer, trackingNo = parcel.trackingNo) =>
  t.app.request(`/api/track/${trackingNo}/attempt-choice`, { method: 'POST', headers: { ...jsonHeaders, cookie }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const shipmentRow = () => t.db.selectFrom('shipments').select(['status', 'sub_status', 'version', 'attempt_choice', 'delivery_instructions']).where('id', '=', parcel.shipmentId).executeTakeFirstOrThrow();
const eventCount = async () => (await t.db.selectFrom('tracking_events').select('id').where('shipment_id', '=', parcel.shipmentId).execute()).length;

beforeEach(async () => {
  t = await createTestApp();
  const courier = await createCourier(t.db);
  courierCookie = await signIn(t, courier.phone);
  parcel = await createParcel(t.db, {
    courierId: courier.id,
    events: [
      { status: 'InTransit', occurredAt: Date.UTC(2026, 10, 20, 1) },
      { status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 21, 1) },
    ],
  });
  customer = await verifyCustomer(t, parcel.trackingNo, parcel.phone.slice(-4));
});
afterEach(() => t.dispose());

describe('POST /api/track/:trackingNo/attempt-choice', () => {
  it('books another day with new instructions: an event in the log, and on the courier’s stop', async () => {
    await failAttempt(parcel.trackingNo, 'recipient_unavailable');
    const res = await choose({ kind: 'redeliver', day: '2026-11-24', instructions: { option: 'reception', note: '交给门卫王师傅' } });
    expect(res.status).toBe(200);
    const details = await res.json();
    expect(details.attemptChoice).toEqual({ kind: 'redeliver', day: '2026-11-24', at: t.now() });
    expect(details.instructions).toEqual({ option: 'reception', note: '交给门卫王师傅' });

    expect(await shipmentRow()).toMatchObject({ status: 'InTransit', sub_status: 'InTransit_009', version: 5 });
    const view = await (await t.app.request(`/api/track/${parcel.trackingNo}`)).json();
    expect(view.events[0]).toMatchObject({ status: 'InTransit', subStatus: 'InTransit_009' });
    const event = await t.db.selectFrom('tracking_events').select(['actor_type']).where('shipment_id', '=', parcel.shipmentId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event.actor_type).toBe('customer');

    const manifest = await (await t.app.request('/api/courier/manifest', { headers: { cookie: courierCookie } })).json();
    const stop = manifest.stops.find((s: { trackingNo: string }) => s.trackingNo === parcel.trackingNo);
    expect(stop).toMatchObject({ status: 'InTransit', version: 5, attemptChoice: { kind: 'redeliver', day: '2026-11-24' }, instructions: { option: 'reception', note: '交给门卫王师傅' } });
  });

  it('asks to collect it from the station', async () => {
    await failAttempt(parcel.trackingNo, 'dog_on_premises');
    const res = await choose({ kind: 'hold' });
    expect(res.status).toBe(200);
    expect((await res.json()).attemptChoice).toEqual({ kind: 'hold', at: t.now() });
    expect(await shipmentRow()).toMatchObject({ status: 'InTransit', sub_status: 'InTransit_010' });
  });

  it('turns the courier’s report made on the old stop into a conflict, not a second change', async () => {
    await failAttempt(parcel.trackingNo, 'recipient_unavailable');
    expect((await choose({ kind: 'redeliver', day: TOMORROW })).status).toBe(200);
    // The courier, offline since before the choice, reports another try on version 4.
    const late = (await (await sync(t, courierCookie, [report({ trackingNo: parcel.trackingNo, kind: 'failed_attempt', reasonCode: 'phone_unreachable', shipmentVersion: 4 })])).json()) as SyncResponse;
    expect(late.results[0]!.outcome).toBe('conflict');
    expect(await shipmentRow()).toMatchObject({ status: 'InTransit', version: 5 });
  });

  it('takes one of two choices made at once; the other is refused and nothing is doubled', async () => {
    await failAttempt(parcel.trackingNo, 'recipient_unavailable');
    const before = await eventCount();
    const answers = await Promise.all([choose({ kind: 'redeliver', day: TOMORROW }), choose({ kind: 'hold' })]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await eventCount()).toBe(before + 1);
    expect((await shipmentRow()).version).toBe(5);
  });

  it('refuses choices the reason does not offer, and days outside the week, changing nothing', async () => {
    await failAttempt(parcel.trackingNo, 'vehicle_breakdown');
    const before = await shipmentRow();
    const cases: Array<[unknown, number, string]> = [
      [{ kind: 'redeliver', day: '2026-11-21' }, 422, 'day_not_offered'],
      [{ kind: 'redeliver', day: '2026-11-30' }, 422, 'day_not_offered'],
      // The van broke down: instructions for the door would not have helped.
      [{ kind: 'redeliver', day: TOMORROW, instructions: { option: 'leave_at_door', note: null } }, 422, 'instructions_not_offered'],
      [{ kind: 'redeliver', day: '22/11/2026' }, 400, 'invalid_request'],
      [{ kind: 'redeliver' }, 400, 'invalid_request'],
      [{ kind: 'teleport' }, 400, 'invalid_request'],
      [{ kind: 'hold', day: TOMORROW }, 400, 'invalid_request'],
      ['{"kind":', 400, 'malformed_json'],
    ];
    for (const [body, status, code] of cases) {
      const res = await choose(body);
      const answer = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(answer.error.code, JSON.stringify(body)).toBe(code);
    }
    expect(await shipmentRow()).toEqual(before);
  });

  it('offers nothing after a refusal, and nothing while the parcel is not waiting after a failed attempt', async () => {
    expect((await (await choose({ kind: 'hold' })).json()).error.code).toBe('no_failed_attempt');
    await failAttempt(parcel.trackingNo, 'refused');
    const res = await choose({ kind: 'redeliver', day: TOMORROW });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('choice_not_offered');
  });

  it('is only for the verified customer of that parcel', async () => {
    await failAttempt(parcel.trackingNo, 'recipient_unavailable');
    const before = await shipmentRow();
    expect((await choose({ kind: 'hold' }, '')).status).toBe(401);
    const other = await createParcel(t.db);
    const otherCustomer = await verifyCustomer(t, other.trackingNo, other.phone.slice(-4));
    const stranger = otherCustomer.replace(other.trackingNo, parcel.trackingNo);
    expect((await choose({ kind: 'hold' }, stranger)).status).toBe(403);
    expect((await choose({ kind: 'hold' }, courierCookie)).status).toBe(401);
    expect((await choose({ kind: 'hold' }, customer, 'DS1234')).status).toBe(400);
    expect(await shipmentRow()).toEqual(before);
  });
});
