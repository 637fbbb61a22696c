import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VerifiedTrackingDetails } from '../../shared/api/tracking-view';
import { createCourier } from '../support/accounts';
import { report, signIn, sync, uploadedPhoto } from '../support/courier-fixtures';
import { createParcel, type ParcelFixture } from '../support/factories';
import { createTestApp } from '../support/test-app';

// Proof of delivery: the verified customer sees what the courier recorded at the door, unmasked;
// the public view, open to anyone with the number, carries none of it.

let t: Awaited<ReturnType<typeof createTestApp>>;
let courierCookie: string;
let parcel: ParcelFixture;
let photoId: string;
let signatureId: string;

const verifiedCookie = async (trackingNo: string, last4: string) => {
  const res = await t.app.request(`/api/track/${trackingNo}/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phoneLast4: last4 }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
};

beforeEach(async () => {
  t = await createTestApp();
  const courier = await createCourier(t.db);
  courierCookie = await signIn(t, courier.phone);
  parcel = await createParcel(t.db, {
    courierId: courier.id,
    phone: '13600002222',
    events: [{ status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 21, 1) }],
  });
  photoId = await uploadedPhoto(t, courierCookie);
  signatureId = await uploadedPhoto(t, courierCookie);
  const res = await sync(t, courierCookie, [
    report({ trackingNo: parcel.trackingNo, kind: 'delivered', shipmentVersion: 2, recipientName: '门卫王师傅', photoIds: [photoId], signatureId }),
  ]);
  expect((await res.json()).results[0].outcome).toBe('applied');
});
afterEach(() => t.dispose());

describe('proof of delivery', () => {
  it('shows the verified customer the receiver’s name unmasked, their role, the photo and the signature, and serves both images', async () => {
    const cookie = await verifiedCookie(parcel.trackingNo, '2222');
    const res = await t.app.request(`/api/track/${parcel.trackingNo}/details`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const { proof } = (await res.json()) as VerifiedTrackingDetails;
    expect(proof).toEqual({
      deliveredAt: Date.UTC(2026, 10, 21, 3, 30, 0),
      signedBy: '门卫王师傅',
      receiverRole: '门卫',
      photoUrl: `/api/uploads/${photoId}`,
      signatureUrl: `/api/uploads/${signatureId}`,
    });
    const signature = await t.app.request(proof!.signatureUrl!, { headers: { cookie } });
    expect(signature.status).toBe(200);
    expect(signature.headers.get('content-type')).toBe('image/jpeg');
    expect((await t.app.request(proof!.photoUrl!, { headers: { cookie } })).status).toBe(200);
  });

  it('keeps the public view free of the receiver’s name, role, photo and signature', async () => {
    const res = await t.app.request(`/api/track/${parcel.trackingNo}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text).status).toBe('Delivered');
    for (const secret of ['王师傅', '门卫', '王*', photoId, signatureId, 'signedBy', 'signatureUrl', 'photoUrl']) expect(text).not.toContain(secret);
  });

  it('refuses the details and the signature to another order’s verified session and to a stranger', async () => {
    const other = await createParcel(t.db, { phone: '13600003333' });
    const otherCookie = await verifiedCookie(other.trackingNo, '3333');
    const token = otherCookie.split('=')[1];
    const details = await t.app.request(`/api/track/${parcel.trackingNo}/details`, { headers: { cookie: `ds_parcel_${parcel.trackingNo}=${token}` } });
    expect(details.status).toBe(403);
    expect((await t.app.request(`/api/uploads/${signatureId}`, { headers: { cookie: otherCookie } })).status).toBe(403);
    expect((await t.app.request(`/api/uploads/${signatureId}`)).status).toBe(403);
  });
});
