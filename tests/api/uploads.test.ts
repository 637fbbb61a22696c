import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES } from '../../server/app';
import { createCourier, createStaff } from '../support/accounts';
import { TINY_JPEG, report, signIn, sync, upload } from '../support/courier-fixtures';
import { createParcel } from '../support/factories';
import { jpegWithGps, plainImage, pngClaiming, pngWithHtml, sidewaysJpeg } from '../support/photo-samples';
import { customerUpload, deliveredParcel } from '../support/return-fixtures';
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
const storedBytes = (name: string) => readFileSync(join(t.deps.config.uploadDir, name));
const rows = async () => ({
  courier: await t.db.selectFrom('uploads').selectAll().execute(),
  customer: await t.db.selectFrom('customer_uploads').selectAll().execute(),
});
const answer = async (res: Response) => (await res.json()) as { id: string; url: string };
const bytes = (b: Buffer) => new Uint8Array(b);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The one stored file of a single upload, as sharp reads it back. */
async function theStoredPhoto() {
  expect(storedFiles()).toHaveLength(1);
  const stored = storedBytes(storedFiles()[0]!);
  return { stored, meta: await sharp(stored).metadata() };
}

describe('POST /api/uploads', () => {
  it('keeps the photo under an id and a file name the server makes; a retry with the same key gets the same id', async () => {
    const key = randomUUID();
    const res = await upload(t, cookie, key);
    expect(res.status).toBe(201);
    const { id, url } = await answer(res);
    expect(id).toMatch(UUID);
    expect(id).not.toBe(key);
    expect(url).toBe(`/api/uploads/${id}`);
    expect(storedFiles()).toHaveLength(1);
    expect(storedFiles()[0]).toMatch(/^[0-9a-f-]{36}\.jpg$/);
    expect(storedFiles()[0]).not.toContain(id);
    expect(storedFiles()[0]).not.toContain(key);

    // The phone sends it again after a lost answer: the same id, nothing new.
    const again = await upload(t, cookie, key);
    expect(again.status).toBe(200);
    expect(await answer(again)).toEqual({ id, url });
    expect((await rows()).courier).toHaveLength(1);
    expect(storedFiles()).toHaveLength(1);
  });

  it('keeps one row and one file when retries of one photo race', async () => {
    const key = randomUUID();
    const all = await Promise.all([1, 2, 3].map(() => upload(t, cookie, key)));
    expect(all.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const ids = new Set(await Promise.all(all.map(async (r) => (await answer(r)).id)));
    expect(ids.size).toBe(1);
    expect((await rows()).courier.map((r) => r.id)).toEqual([...ids]);
    expect(storedFiles()).toHaveLength(1);
  });

  it('gives a customer uploading with a key a courier used a photo of their own, and leaves the courier’s alone', async () => {
    const f = await deliveredParcel(t);
    const courierCookie = await signIn(t, f.courier.phone);
    const key = randomUUID();
    const courierPhoto = await answer(await upload(t, courierCookie, key));
    const before = Buffer.from(await (await t.app.request(courierPhoto.url, { headers: { cookie: courierCookie } })).arrayBuffer());

    const res = await customerUpload(t, f.parcel.trackingNo, f.customer, key, bytes(await jpegWithGps()));
    expect(res.status).toBe(201);
    const customerPhoto = await answer(res);
    expect(customerPhoto.id).not.toBe(courierPhoto.id);

    const { courier, customer } = await rows();
    expect(courier.map((r) => r.id)).toEqual([courierPhoto.id]);
    expect(customer.map((r) => r.id)).toEqual([customerPhoto.id]);
    // No id names two photos, so the courier's proof is still the courier's bytes.
    const after = await t.app.request(courierPhoto.url, { headers: { cookie: courierCookie } });
    expect(Buffer.from(await after.arrayBuffer())).toEqual(before);
    expect((await t.app.request(customerPhoto.url, { headers: { cookie: f.customer } })).status).toBe(200);
  });

  it('gives another courier with the same key a new id, never a 409 that would say the key is in use', async () => {
    const key = randomUUID();
    const mine = await answer(await upload(t, cookie, key));
    const other = await signIn(t, (await createCourier(t.db)).phone);
    const res = await upload(t, other, key, bytes(await jpegWithGps()));
    expect(res.status).toBe(201);
    const theirs = await answer(res);
    expect(theirs.id).not.toBe(mine.id);
    expect((await rows()).courier).toHaveLength(2);
    // And neither sees the other's photo.
    expect((await t.app.request(mine.url, { headers: { cookie: other } })).status).toBe(403);
    expect((await t.app.request(theirs.url, { headers: { cookie } })).status).toBe(403);
  });

  it('refuses the same key with other bytes from the same uploader (a phone bug, not a retry)', async () => {
    const key = randomUUID();
    await upload(t, cookie, key);
    const res = await upload(t, cookie, key, bytes(await plainImage(8, 8, 'png')), 'image/png');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'idempotency_key_reused' } });
    expect((await rows()).courier).toHaveLength(1);
    expect(storedFiles()).toHaveLength(1);
  });

  it('keeps no EXIF: the GPS position and phone model a camera writes are gone', async () => {
    const sent = await jpegWithGps();
    const sentExif = (await sharp(sent).metadata()).exif;
    // The sample really carries them: a GPS IFD pointer (tag 0x8825) and the maker's name.
    expect(sentExif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    expect(sent.includes('PhoneMaker')).toBe(true);

    const { id } = await answer(await upload(t, cookie, randomUUID(), bytes(sent)));
    const { stored, meta } = await theStoredPhoto();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(stored.includes('Exif')).toBe(false);
    expect(stored.includes('PhoneMaker')).toBe(false);
    // What is served is what is stored.
    const served = await t.app.request(`/api/uploads/${id}`, { headers: { cookie } });
    expect(Buffer.from(await served.arrayBuffer())).toEqual(stored);
  });

  it('turns a sideways phone photo upright, since the EXIF that said how is not kept', async () => {
    const sent = await sidewaysJpeg(64, 48);
    expect((await sharp(sent).metadata()).orientation).toBe(6);
    await upload(t, cookie, randomUUID(), bytes(sent));
    const { meta } = await theStoredPhoto();
    expect([meta.width, meta.height, meta.orientation]).toEqual([48, 64, undefined]);
  });

  it('keeps a PNG followed by an HTML page as a clean JPEG, with nothing of the page', async () => {
    const sent = await pngWithHtml();
    expect(sent.includes('<script')).toBe(true);
    const res = await upload(t, cookie, randomUUID(), bytes(sent), 'image/png');
    expect(res.status).toBe(201);
    const { stored, meta } = await theStoredPhoto();
    expect(stored.includes('<script')).toBe(false);
    expect(stored.includes('<html')).toBe(false);
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 32, 32]);
    const served = await t.app.request(`/api/uploads/${(await answer(res)).id}`, { headers: { cookie } });
    expect(served.headers.get('content-type')).toBe('image/jpeg');
  });

  it('bounds the pixels: a 5000 × 4000 photo (more than a JSON body may weigh) is kept at 2048 on its long side', async () => {
    const sent = await plainImage(5000, 4000);
    // Over the API's JSON limit, so this also proves the upload path gets the photo limit.
    expect(sent.length).toBeGreaterThan(MAX_JSON_BODY_BYTES);
    expect((await upload(t, cookie, randomUUID(), bytes(sent))).status).toBe(201);
    const { meta } = await theStoredPhoto();
    expect([meta.width, meta.height]).toEqual([2048, 1638]);
  });

  it('takes PNG and WebP too, and keeps every photo as JPEG without enlarging a small one', async () => {
    for (const format of ['png', 'webp'] as const) {
      expect((await upload(t, cookie, randomUUID(), bytes(await plainImage(40, 30, format)), `image/${format}`)).status).toBe(201);
    }
    expect(storedFiles()).toHaveLength(2);
    for (const name of storedFiles()) {
      expect(name).toMatch(/\.jpg$/);
      const meta = await sharp(storedBytes(name)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 40, 30]);
    }
    expect((await rows()).courier.map((r) => r.content_type)).toEqual(['image/jpeg', 'image/jpeg']);
  });

  it.each([
    ['text labelled as a JPEG', () => new TextEncoder().encode('<script>alert(1)</script>'), 415, 'not_an_image'],
    ['an SVG', () => new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415, 'not_an_image'],
    ['a GIF', () => new Uint8Array(Buffer.from('474946383961010001000000002c00000000010001000002003b', 'hex')), 415, 'not_an_image'],
    ['a PNG signature and nothing behind it', () => new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), 422, 'photo_unreadable'],
    ['a JPEG cut off after its header', () => new Uint8Array(TINY_JPEG.subarray(0, 200)), 422, 'photo_unreadable'],
    ['a PNG claiming 20 000 × 20 000 pixels (a decompression bomb)', () => new Uint8Array(pngClaiming(20_000, 20_000)), 422, 'photo_too_many_pixels'],
    ['an empty body', () => new Uint8Array(), 400, 'empty_upload'],
  ])('refuses %s and keeps nothing', async (_, body, status, code) => {
    const res = await upload(t, cookie, randomUUID(), body() as Uint8Array<ArrayBuffer>);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code } });
    expect(storedFiles()).toEqual([]);
    expect((await rows()).courier).toEqual([]);
  });

  it('refuses a photo over 5 MB with 413 before storing anything', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(TINY_JPEG.subarray(0, 3));
    const res = await upload(t, cookie, randomUUID(), big);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(storedFiles()).toEqual([]);
  });

  it('needs the phone’s key for the photo, as a UUID', async () => {
    const noKey = await t.app.request('/api/uploads', { method: 'POST', headers: { 'content-type': 'image/jpeg', cookie }, body: new Uint8Array(TINY_JPEG) });
    expect(noKey.status).toBe(400);
    expect(await noKey.json()).toMatchObject({ error: { code: 'idempotency_key_required' } });
    const badKey = await upload(t, cookie, '../../etc/passwd');
    expect(badKey.status).toBe(400);
    expect(await badKey.json()).toMatchObject({ error: { code: 'invalid_idempotency_key' } });
    expect(storedFiles()).toEqual([]);
  });

  it('is for signed-in couriers, or the verified customer with ?trackingNo=', async () => {
    expect((await upload(t, '', randomUUID())).status).toBe(401);
    const staffCookie = await signIn(t, (await createStaff(t.db)).email);
    expect((await upload(t, staffCookie, randomUUID())).status).toBe(403);
    const f = await deliveredParcel(t, '13500007777');
    expect((await customerUpload(t, f.parcel.trackingNo, '')).status).toBe(403);
    expect(storedFiles()).toEqual([]);
  });

  it('no longer lets the phone pick an id: PUT /api/uploads/:id is not an endpoint', async () => {
    // A photo over the 64 KB JSON limit, as an app from before sends it: 404 (kept and retried until it updates), not 413 (refused).
    const oldAppPhoto = new Uint8Array(100 * 1024);
    oldAppPhoto.set(TINY_JPEG);
    const res = await t.app.request(`/api/uploads/${randomUUID()}`, { method: 'PUT', headers: { 'content-type': 'image/jpeg', cookie }, body: oldAppPhoto });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await rows()).courier).toEqual([]);
  });
});

describe('GET /api/uploads/:id', () => {
  it('serves a proof photo to its courier, to staff and to the verified customer, and to nobody else', async () => {
    const parcel = await createParcel(t.db, {
      courierId: me.id,
      phone: '13600002222',
      events: [{ status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 21, 1) }],
    });
    const { id: photoId } = await answer(await upload(t, cookie));
    const delivered = await sync(t, cookie, [report({ trackingNo: parcel.trackingNo, kind: 'delivered', shipmentVersion: 2, recipientName: '本人', photoIds: [photoId] })]);
    expect((await delivered.json()).results[0].outcome).toBe('applied');

    const get = (c: string) => t.app.request(`/api/uploads/${photoId}`, { headers: c ? { cookie: c } : {} });
    const mine = await get(cookie);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(storedBytes(storedFiles()[0]!));
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

  it('serves a photo kept before re-encoding (EXIF and all on disk) only re-encoded', async () => {
    const id = randomUUID();
    mkdirSync(t.deps.config.uploadDir, { recursive: true });
    writeFileSync(join(t.deps.config.uploadDir, 'legacy.jpg'), await jpegWithGps());
    await t.db
      .insertInto('uploads')
      .values({ id, courier_id: me.id, stored_name: 'legacy.jpg', content_type: 'image/jpeg', byte_size: 1, sha256: 'x', shipment_id: null, created_at: t.now() })
      .execute();
    const res = await t.app.request(`/api/uploads/${id}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const served = Buffer.from(await res.arrayBuffer());
    expect((await sharp(served).metadata()).exif).toBeUndefined();
    expect(served.includes('PhoneMaker')).toBe(false);
  });

  it('answers an unknown photo with 404', async () => {
    expect((await t.app.request(`/api/uploads/${randomUUID()}`, { headers: { cookie } })).status).toBe(404);
  });
});
