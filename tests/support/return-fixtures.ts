import { randomUUID } from 'node:crypto';
import { createCourier, createStaff } from './accounts';
import { report, signIn, sync, TINY_JPEG, uploadedPhoto } from './courier-fixtures';
import { createParcel } from './factories';
import { createTestApp, jsonHeaders } from './test-app';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** Delivered in Shenzhen on 20 Nov 2026 at 10:00 local time (the test clock reads 21 Nov, 12:00). */
export const DELIVERED_AT = Date.UTC(2026, 10, 20, 2, 0, 0);

/**
 * A delivered parcel (order: 2 × T-shirt ¥79, 1 × earbuds ¥199, ¥10 coupon, free shipping,
 * paid ¥347), its courier, a staff member, and the customer verified for it.
 */
export async function deliveredParcel(t: TestApp, phone = '13500004321') {
  const courier = await createCourier(t.db);
  const parcel = await createParcel(t.db, {
    courierId: courier.id,
    phone,
    deliveredAt: DELIVERED_AT,
    events: [
      { status: 'OutForDelivery', occurredAt: DELIVERED_AT - 3_600_000, city: '深圳市' },
      { status: 'Delivered', occurredAt: DELIVERED_AT, city: '深圳市', recipientName: '王小明' },
    ],
  });
  const items = await t.db.selectFrom('order_items').select(['id', 'quantity']).where('order_id', '=', parcel.orderId).orderBy('id').execute();
  return { parcel, courier, customer: await verifyCustomer(t, parcel.trackingNo, phone.slice(-4)), shirt: items[0]!.id, earbuds: items[1]!.id };
}

export async function verifyCustomer(t: TestApp, trackingNo: string, last4: string): Promise<string> {
  const res = await t.app.request(`/api/track/${trackingNo}/verify`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ phoneLast4: last4 }) });
  if (res.status !== 200) throw new Error(`verify failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export async function staffCookie(t: TestApp): Promise<string> {
  const staff = await createStaff(t.db);
  return signIn(t, staff.email);
}

/** Uploads a real (tiny) JPEG as the verified customer's evidence; returns its id. */
export async function customerPhoto(t: TestApp, trackingNo: string, cookie: string): Promise<string> {
  const res = await customerUpload(t, trackingNo, cookie);
  if (res.status !== 201) throw new Error(`photo upload failed: ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

/** The customer's upload call as the phone makes it; `key` is the phone's own key for the photo. */
export function customerUpload(t: TestApp, trackingNo: string, cookie: string, key: string = randomUUID(), body: Uint8Array<ArrayBuffer> = new Uint8Array(TINY_JPEG), type = 'image/jpeg') {
  return t.app.request(`/api/uploads?trackingNo=${trackingNo}`, { method: 'POST', headers: { 'content-type': type, 'idempotency-key': key, cookie }, body });
}

export function postJson(t: TestApp, path: string, body: unknown, cookie = '') {
  return t.app.request(path, { method: 'POST', headers: { ...jsonHeaders, cookie }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export async function counts(t: TestApp) {
  const n = async (table: 'return_requests' | 'return_items' | 'return_events' | 'refunds' | 'simulated_provider_refunds' | 'shipments' | 'parcel_claims') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    returns: await n('return_requests'),
    items: await n('return_items'),
    events: await n('return_events'),
    refunds: await n('refunds'),
    paid: await n('simulated_provider_refunds'),
    shipments: await n('shipments'),
    claims: await n('parcel_claims'),
  };
}

/** What the desk says when it receives a drop-off: nothing in Doorstep records the hand-in. */
export const DROPOFF_OVERRIDE = { reason: '驿站已交来包裹，核对退货码无误' };

/**
 * The courier delivers a collected return back to the shop: a "delivered" report on the
 * return leg, with the photo and name the proof setting asks for, through the real sync.
 */
export async function deliverReturnBack(t: TestApp, courierCookie: string, returnTrackingNo: string, at = t.now()): Promise<void> {
  const leg = await t.db.selectFrom('shipments').select('version').where('tracking_no', '=', returnTrackingNo).executeTakeFirstOrThrow();
  const photo = await uploadedPhoto(t, courierCookie);
  const res = await sync(t, courierCookie, [report({ trackingNo: returnTrackingNo, kind: 'delivered', shipmentVersion: leg.version, recipientName: '退货仓', photoIds: [photo], occurredAt: at })], at);
  const outcome = ((await res.json()) as { results: { outcome: string; code: string }[] }).results[0];
  if (outcome?.outcome !== 'applied') throw new Error(`return leg not delivered back: ${JSON.stringify(outcome)}`);
}
