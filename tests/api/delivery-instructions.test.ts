import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCourier } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { createParcel, type ParcelFixture } from '../support/factories';
import { createTestApp, jsonHeaders } from '../support/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let parcel: ParcelFixture;
let courier: Awaited<ReturnType<typeof createCourier>>;
let customer: string;

const put = (body: unknown, cookie = customer, no = parcel.trackingNo) =>
  t.app.request(`/api/track/${no}/instructions`, { method: 'PUT', headers: { ...jsonHeaders, cookie }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const stored = async () => (await t.db.selectFrom('shipments').select('delivery_instructions').where('id', '=', parcel.shipmentId).executeTakeFirstOrThrow()).delivery_instructions;

beforeEach(async () => {
  t = await createTestApp();
  courier = await createCourier(t.db);
  parcel = await createParcel(t.db, { courierId: courier.id, phone: '13500004321', events: [{ status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 21, 1) }] });
  const res = await t.app.request(`/api/track/${parcel.trackingNo}/verify`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ phoneLast4: '4321' }) });
  customer = res.headers.get('set-cookie')!.split(';')[0]!;
});
afterEach(() => t.dispose());

describe('PUT /api/track/:no/instructions', () => {
  it('saves the verified customer’s instructions and shows them on the courier’s stop', async () => {
    const res = await put({ option: 'parcel_locker', note: '  放小区东门丰巢柜  ' });
    expect(res.status).toBe(200);
    const details = await res.json();
    expect(details.instructions).toEqual({ option: 'parcel_locker', note: '放小区东门丰巢柜' });
    expect(details.canChangeInstructions).toBe(true);

    const manifest = await (await t.app.request('/api/courier/manifest', { headers: { cookie: await signIn(t, courier.phone) } })).json();
    expect(manifest.stops[0].instructions).toEqual({ option: 'parcel_locker', note: '放小区东门丰巢柜' });
    // Not a status change: reports made against the current version stay valid.
    expect(manifest.stops[0].version).toBe(2);

    expect((await (await put({ option: null, note: null })).json()).instructions).toBeNull();
    expect(await stored()).toBeNull();
  });

  it('is for the verified customer of that order only', async () => {
    expect((await put({ option: 'call_first', note: null }, '')).status).toBe(401);
    const other = await createParcel(t.db, { phone: '13500008765' });
    const res = await t.app.request(`/api/track/${other.trackingNo}/verify`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ phoneLast4: '8765' }) });
    const otherToken = res.headers.get('set-cookie')!.split(';')[0]!.split('=')[1];
    expect((await put({ option: 'call_first', note: null }, `ds_parcel_${parcel.trackingNo}=${otherToken}`)).status).toBe(403);
    expect(await stored()).toBeNull();
  });

  it.each([
    ['an unknown option', { option: 'drone', note: null }],
    ['a missing note', { option: 'leave_at_door' }],
    ['a long note', { option: null, note: '门'.repeat(201) }],
    ['a control character', { option: null, note: 'hi\u0000' }],
    ['an extra field', { option: null, note: null, courierTip: 5 }],
    ['malformed JSON', '{"option":'],
  ])('refuses %s with 400 and changes nothing', async (_name, body) => {
    const res = await put(body);
    expect(res.status).toBe(400);
    expect(await stored()).toBeNull();
  });

  it('refuses changes once the parcel has arrived', async () => {
    await t.db.updateTable('shipments').set({ status: 'Delivered' }).where('id', '=', parcel.shipmentId).execute();
    const res = await put({ option: 'reception', note: null });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'already_delivered' } });
  });
});
