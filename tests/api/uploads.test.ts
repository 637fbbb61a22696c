import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCourier, createStaff } from '../support/accounts';
import { TINY_JPEG, report, signIn, sync, upload } from '../support/courier-fixtures';
import { createParcel } from '../support/factories';
import { createTestApp } from '../support/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;
let me: Awaited<ReturnType<typeof createCourier>>;

beforeEach(async () => {
  t = await createTestApp();
  me = await createCourier(t.db);
  cookie = await signIn(t, me.phone);
});
afterEach(() => t.dispose());

const storedFiles = () => {
  try {
    return readdirSync(t.deps.config.uploadDir);
  } catch {
    return [];
  }
};

describe('PUT /api/uploads/:id', () => {
  it('stores a photo under a name the server makes, once per id', async () => {
    const id = randomUUID();
    const res = await upload(t, cookie, id);
    expect(res.status).toBe(201);
    expect(storedFiles()).toHaveLength(1);
    expect(storedFiles()[0]).toMatch(/^[0-9a-f-]{36}\.jpg$/);
    expect(storedFiles()[0]).not.toContain(id);
    // The phone sends it again after a lost answer: fine, nothing new.
    expect((await upload(t, cookie, id)).status).toBe(200);
    expect(storedFiles()).toHaveLength(1);
  });

  it('checks the bytes, not the label', async () => {
    const fake = await upload(t, cookie, randomUUID(), new TextEncoder().encode('<script>alert(1)</script>'), 'image/jpeg');
    expect(fake.status).toBe(415);
    expect(await fake.json()).toMatchObject({ error: { code: 'not_an_image' } });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await upload(t, cookie, randomUUID(), png, 'application/octet-stream')).status).toBe(201);
    expect(storedFiles().filter((f) => f.endsWith('.png'))).toHaveLength(1);
  });

  it('refuses a photo over 5 MB with 413 before storing anything', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(TINY_JPEG.subarray(0, 3));
    const res = await upload(t, cookie, randomUUID(), big);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(storedFiles()).toEqual([]);
  });

  it('refuses an id taken by other bytes, an id that is not a UUID, and an empty body', async () => {
    const id = randomUUID();
    await upload(t, cookie, id);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await upload(t, cookie, id, png)).status).toBe(409);
    expect((await upload(t, cookie, '../../etc/passwd')).status).toBe(404);
    expect((await upload(t, cookie, 'not-a-uuid')).status).toBe(400);
    expect((await upload(t, cookie, randomUUID(), new Uint8Array())).status).toBe(400);
  });

  it('is for signed-in couriers only', async () => {
    expect((await upload(t, '', randomUUID())).status).toBe(401);
    const staffCookie = await signIn(t, (await createStaff(t.db)).email);
    expect((await upload(t, staffCookie, randomUUID())).status).toBe(403);
    expect(storedFiles()).toEqual([]);
  });
});

describe('GET /api/uploads/:id', () => {
  it('serves a proof photo to its courier, to staff and to the verified customer, and to nobody else', async () => {
    const parcel = await createParcel(t.db, {
      courierId: me.id,
      phone: '13600002222',
      events: [{ status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 21, 1) }],
    });
    const photoId = randomUUID();
    await upload(t, cookie, photoId);
    const delivered = await sync(t, cookie, [report({ trackingNo: parcel.trackingNo, kind: 'delivered', shipmentVersion: 2, recipientName: '本人', photoIds: [photoId] })]);
    expect((await delivered.json()).results[0].outcome).toBe('applied');

    const get = (c: string) => t.app.request(`/api/uploads/${photoId}`, { headers: c ? { cookie: c } : {} });
    const mine = await get(cookie);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(TINY_JPEG);
    expect(mine.headers.get('cache-control')).toContain('private');

    expect((await get(await signIn(t, (await createStaff(t.db)).email))).status).toBe(200);

    const verify = await t.app.request(`/api/track/${parcel.trackingNo}/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phoneLast4: '2222' }),
    });
    const customerCookie = verify.headers.get('set-cookie')!.split(';')[0]!;
    expect((await get(customerCookie)).status).toBe(200);
    // The verified view links the photo.
    const details = await t.app.request(`/api/track/${parcel.trackingNo}/details`, { headers: { cookie: customerCookie } });
    expect((await details.json()).proof.photoUrl).toBe(`/api/uploads/${photoId}`);

    expect((await get('')).status).toBe(403);
    const otherCourier = await signIn(t, (await createCourier(t.db)).phone);
    expect((await get(otherCourier)).status).toBe(403);
    const otherParcel = await createParcel(t.db, { phone: '13600003333' });
    const otherVerify = await t.app.request(`/api/track/${otherParcel.trackingNo}/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phoneLast4: '3333' }),
    });
    expect((await get(otherVerify.headers.get('set-cookie')!.split(';')[0]!)).status).toBe(403);
  });

  it('answers an unknown photo with 404', async () => {
    expect((await t.app.request(`/api/uploads/${randomUUID()}`, { headers: { cookie } })).status).toBe(404);
  });
});
