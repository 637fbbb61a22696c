import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app';
import { counts, customerPhoto, customerUpload, deliveredParcel, postJson, verifyCustomer } from '../support/return-fixtures';
import { createParcel } from '../support/factories';

let t: Awaited<ReturnType<typeof createTestApp>>;
let f: Awaited<ReturnType<typeof deliveredParcel>>;

const request = (over: Record<string, unknown> = {}) => ({
  trackingNo: f.parcel.trackingNo,
  items: [{ orderItemId: f.shirt, quantity: 1 }],
  reasonCode: 'size_fit',
  reasonDetail: 'too_small',
  condition: 'opened',
  method: 'dropoff',
  ...over,
});

beforeEach(async () => {
  t = await createTestApp();
  f = await deliveredParcel(t);
});
afterEach(() => t.dispose());

describe('GET /api/returns/options', () => {
  it('gives the verified customer the returnable items, policy and pickup slots', async () => {
    const res = await t.app.request(`/api/returns/options?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } });
    expect(res.status).toBe(200);
    const options = await res.json();
    expect(options.items.map((i: { returnable: number }) => i.returnable)).toEqual([2, 1]);
    expect(options.deliveredAt).toBe(Date.UTC(2026, 10, 20, 2, 0, 0));
    expect(options.policy).toMatchObject({ noReasonDays: 7, qualityDays: 15, returnShippingFeeFen: 1000 });
    // Tomorrow's morning round in Shanghai: 22 Nov 09:00 local = 01:00 UTC.
    expect(options.pickupSlots[0]).toEqual({ start: Date.UTC(2026, 10, 22, 1), end: Date.UTC(2026, 10, 22, 4) });
    expect(options.claimable).toBe('not_received');
  });

  it('is refused to anyone not verified for that parcel', async () => {
    expect((await t.app.request(`/api/returns/options?trackingNo=${f.parcel.trackingNo}`)).status).toBe(403);
    const other = await createParcel(t.db, { phone: '13500008765' });
    const otherCookie = (await verifyCustomer(t, other.trackingNo, '8765')).replace(other.trackingNo, f.parcel.trackingNo);
    const res = await t.app.request(`/api/returns/options?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: otherCookie } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('not_your_parcel');
    expect((await t.app.request('/api/returns/options?trackingNo=DS00000000000', { headers: { cookie: f.customer } })).status).toBe(404);
    expect((await t.app.request('/api/returns/options?trackingNo=DS1234', { headers: { cookie: f.customer } })).status).toBe(400);
    expect((await t.app.request('/api/returns/options', { headers: { cookie: f.customer } })).status).toBe(400);
  });
});

describe('POST /api/returns/quote', () => {
  it('prices the return exactly: the coupon spread over the lines and units, return shipping for a no-reason pickup', async () => {
    // ¥10 off ¥357: the shirts' line (¥158) carries 443 fen, the earbuds (¥199) 557 fen.
    const res = await postJson(t, '/api/returns/quote', request({ method: 'pickup' }), f.customer);
    expect(res.status).toBe(200);
    const quote = await res.json();
    expect(quote.eligible).toBe(true);
    expect(quote.autoApprove).toBe(true);
    expect(quote.lastDay).toBe('2026-11-27');
    expect(quote.breakdown).toEqual({
      lines: [{ orderItemId: f.shirt, quantity: 1, listFen: 7900, discountFen: 221, paidFen: 7679 }],
      itemsFen: 7679,
      shippingRefundFen: 0,
      returnShippingFeeFen: 1000,
      cappedFen: 0,
      totalFen: 6679,
    });
  });

  it('says no, with the reason in both languages, on day 8 for a no-reason return but yes for a defect', async () => {
    // 27 Nov 23:59 in Shanghai is the last minute of day 7.
    t.setNow(Date.UTC(2026, 10, 27, 15, 59, 0));
    expect((await (await postJson(t, '/api/returns/quote', request(), f.customer)).json()).eligible).toBe(true);
    // 28 Nov 00:30 in Shanghai is day 8.
    t.setNow(Date.UTC(2026, 10, 27, 16, 30, 0));
    const late = await (await postJson(t, '/api/returns/quote', request(), f.customer)).json();
    expect(late.eligible).toBe(false);
    expect(late.refusals[0].code).toBe('window_closed');
    expect(late.refusals[0].message['zh-CN']).toContain('7天');
    expect(late.breakdown).toBeNull();
    const defect = await (await postJson(t, '/api/returns/quote', request({ reasonCode: 'quality_defect', reasonDetail: 'other_quality', photoIds: [crypto.randomUUID()] }), f.customer)).json();
    expect(defect.eligible).toBe(true);
  });

  it('refuses bad requests with 400 and unverified callers with 403', async () => {
    for (const bad of [
      request({ reasonDetail: 'not_a_detail' }),
      request({ reasonCode: 'bored' }),
      request({ items: [] }),
      request({ items: [{ orderItemId: f.shirt, quantity: 0 }] }),
      request({ items: [{ orderItemId: f.shirt, quantity: 1 }, { orderItemId: f.shirt, quantity: 1 }] }),
      request({ condition: 'smashed' }),
      request({ extra: true }),
      '{"trackingNo":',
    ]) {
      const res = await postJson(t, '/api/returns/quote', bad, f.customer);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await postJson(t, '/api/returns/quote', request(), '')).status).toBe(403);
  });
});

describe('second-level reasons: they fit the items, and a no-reason return needs none', () => {
  it('prices the return as soon as items, reason and condition are known, before any detail is picked', async () => {
    const res = await postJson(t, '/api/returns/quote', request({ reasonDetail: undefined }), f.customer);
    expect(res.status).toBe(200);
    expect((await res.json()).breakdown.totalFen).toBe(7679);
  });

  it('takes a no-reason return with no detail, and stores none', async () => {
    const res = await postJson(t, '/api/returns', request({ reasonCode: 'no_reason', reasonDetail: undefined }), f.customer);
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.reasonCode).toBe('no_reason');
    expect(created.reasonDetail).toBeNull();
    expect((await (await t.app.request(`/api/returns/${created.returnNo}`, { headers: { cookie: f.customer } })).json()).reasonDetail).toBeNull();
  });

  it('refuses a detail that is missing, not asked, unknown or wrong for the item, and stores nothing', async () => {
    const photo = await customerPhoto(t, f.parcel.trackingNo, f.customer);
    const before = await counts(t);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [request({ reasonDetail: undefined }), 400, 'reason_detail_required'],
      [request({ reasonCode: 'no_reason', reasonDetail: 'changed_mind' }), 400, 'reason_detail_not_asked'],
      [request({ reasonDetail: 'seams_open' }), 400, 'unknown_reason_detail'],
      // 偏小 is a size for clothes, not for earbuds.
      [request({ items: [{ orderItemId: f.earbuds, quantity: 1 }] }), 422, 'reason_detail_not_for_category'],
      // One reason for the whole return: 开线 fits the shirt but not the earbuds beside it.
      [
        request({ reasonCode: 'quality_defect', reasonDetail: 'seams_open', photoIds: [photo], items: [{ orderItemId: f.shirt, quantity: 1 }, { orderItemId: f.earbuds, quantity: 1 }] }),
        422,
        'reason_detail_not_for_category',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await postJson(t, '/api/returns', body, f.customer);
      const answer = await res.json();
      expect(res.status, JSON.stringify(answer)).toBe(status);
      expect(answer.error.code, JSON.stringify(body)).toBe(code);
    }
    // The preview refuses the same wrong details (a missing one is fine there).
    const quote = await postJson(t, '/api/returns/quote', request({ items: [{ orderItemId: f.earbuds, quantity: 1 }] }), f.customer);
    expect(quote.status).toBe(422);
    expect((await quote.json()).error.code).toBe('reason_detail_not_for_category');
    expect(await counts(t)).toEqual(before);
  });
});

describe('POST /api/returns', () => {
  it('creates an auto-approved drop-off return with a code and a timeline', async () => {
    const res = await postJson(t, '/api/returns', request(), f.customer);
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.status).toBe('awaiting_dropoff');
    expect(created.dropoffCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(created.quote.totalFen).toBe(7679);
    expect(created.events.map((e: { status: string }) => e.status)).toEqual(['awaiting_dropoff', 'approved', 'requested']);
    expect(created.events[1]).toMatchObject({ actor: 'system', fact: 'auto_approved', note: null });
    expect(created.canCancel).toBe(true);
    const again = await t.app.request(`/api/returns/${created.returnNo}`, { headers: { cookie: f.customer } });
    expect((await again.json()).returnNo).toBe(created.returnNo);
    const options = await (await t.app.request(`/api/returns/options?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } })).json();
    expect(options.items[0].returnable).toBe(1);
    expect(options.returns).toHaveLength(1);
  });

  it('books a courier pickup that shows on the courier’s manifest as a pickup stop', async () => {
    const options = await (await t.app.request(`/api/returns/options?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } })).json();
    const slot = options.pickupSlots[1];
    const created = await (await postJson(t, '/api/returns', request({ method: 'pickup', pickupSlotStart: slot.start }), f.customer)).json();
    expect(created.status).toBe('pickup_scheduled');
    expect(created.pickupSlot).toEqual(slot);
    expect(created.returnTrackingNo).toMatch(/^DS\d{11}$/);
    const { signIn } = await import('../support/courier-fixtures');
    const manifest = await (await t.app.request('/api/courier/manifest', { headers: { cookie: await signIn(t, f.courier.phone) } })).json();
    const stop = manifest.stops.find((s: { trackingNo: string }) => s.trackingNo === created.returnTrackingNo);
    expect(stop).toMatchObject({ kind: 'pickup', status: 'InfoReceived', itemCount: 1, pickup: { returnNo: created.returnNo, slot, items: [{ name: '纯棉T恤 白色 L', quantity: 1 }] } });
    // The slot's day in the shop's calendar, so the phone can tell today's pickups from later ones.
    expect(stop.pickup.slotDay).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(slot.start));
    expect(stop.pickup.slotDay >= manifest.day).toBe(true);
  });

  it('is refused by the server when the rules say no, even if the client was bypassed, and nothing is stored', async () => {
    const before = await counts(t);
    const noPhoto = await postJson(t, '/api/returns', request({ reasonCode: 'quality_defect', reasonDetail: 'other_quality' }), f.customer);
    expect(noPhoto.status).toBe(422);
    const body = await noPhoto.json();
    expect(body.error.code).toBe('return_not_eligible');
    expect(body.error.details.refusals.map((r: { code: string }) => r.code)).toEqual(['photo_required']);
    const tooMany = await postJson(t, '/api/returns', request({ items: [{ orderItemId: f.shirt, quantity: 3 }] }), f.customer);
    expect((await tooMany.json()).error.details.refusals[0].code).toBe('quantity_exceeded');
    // A photo id that was never uploaded (or is someone else's) does not count as evidence.
    const fakePhoto = await postJson(t, '/api/returns', request({ reasonCode: 'quality_defect', reasonDetail: 'other_quality', photoIds: [crypto.randomUUID()] }), f.customer);
    expect(fakePhoto.status).toBe(400);
    t.setNow(Date.UTC(2026, 10, 27, 16, 30, 0));
    expect((await postJson(t, '/api/returns', request(), f.customer)).status).toBe(422);
    expect((await postJson(t, '/api/returns', request({ method: 'pickup', pickupSlotStart: 12345 }), f.customer)).status).toBe(400);
    expect(await counts(t)).toEqual(before);
  });

  it('takes a defect return with the customer’s photo, refunds shipping when it empties the order', async () => {
    const photo = await customerPhoto(t, f.parcel.trackingNo, f.customer);
    const all = request({
      reasonCode: 'quality_defect',
      reasonDetail: 'other_quality',
      photoIds: [photo],
      items: [{ orderItemId: f.shirt, quantity: 2 }, { orderItemId: f.earbuds, quantity: 1 }],
    });
    const created = await (await postJson(t, '/api/returns', all, f.customer)).json();
    // Everything back: exactly what was paid.
    expect(created.quote.totalFen).toBe(34_700);
    expect(created.photoUrls).toEqual([`/api/uploads/${photo}`]);
    const image = await t.app.request(created.photoUrls[0], { headers: { cookie: f.customer } });
    expect(image.status).toBe(200);
    expect((await t.app.request(created.photoUrls[0])).status).toBe(403);
  });

  it('lets two requests at once take the last units only once', async () => {
    const both = await Promise.all([1, 2].map(() => postJson(t, '/api/returns', request({ items: [{ orderItemId: f.shirt, quantity: 2 }] }), f.customer)));
    expect(both.map((r) => r.status).sort()).toEqual([201, 422]);
  });
});

describe('a customer’s own return', () => {
  it('can be read and cancelled only by the customer verified for its order', async () => {
    const created = await (await postJson(t, '/api/returns', request(), f.customer)).json();
    const other = await createParcel(t.db, { phone: '13500008765' });
    const stranger = await verifyCustomer(t, other.trackingNo, '8765');
    expect((await t.app.request(`/api/returns/${created.returnNo}`, { headers: { cookie: stranger } })).status).toBe(404);
    expect((await t.app.request(`/api/returns/${created.returnNo}`)).status).toBe(404);
    expect((await postJson(t, `/api/returns/${created.returnNo}/cancel`, {}, stranger)).status).toBe(404);
    expect((await t.app.request('/api/returns/RT000000000000', { headers: { cookie: f.customer } })).status).toBe(404);
    expect((await t.app.request('/api/returns/nonsense', { headers: { cookie: f.customer } })).status).toBe(404);

    const cancelled = await postJson(t, `/api/returns/${created.returnNo}/cancel`, {}, f.customer);
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).status).toBe('cancelled');
    // Cancelled returns give the units back.
    const options = await (await t.app.request(`/api/returns/options?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } })).json();
    expect(options.items[0].returnable).toBe(2);
    expect((await postJson(t, `/api/returns/${created.returnNo}/cancel`, {}, f.customer)).status).toBe(409);
  });
});

describe('POST /api/uploads?trackingNo= (customer evidence)', () => {
  it('needs the verified customer and a real image', async () => {
    const key = crypto.randomUUID();
    const post = (cookie: string, body: Uint8Array<ArrayBuffer>, type = 'image/jpeg') => customerUpload(t, f.parcel.trackingNo, cookie, key, body, type);
    expect((await post('', new Uint8Array([0xff, 0xd8, 0xff]))).status).toBe(403);
    expect((await post(f.customer, new TextEncoder().encode('not an image'), 'text/plain')).status).toBe(415);
    expect(await t.db.selectFrom('customer_uploads').selectAll().execute()).toEqual([]);
    expect((await counts(t)).returns).toBe(0);
  });
});
