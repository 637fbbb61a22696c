import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';
import { createCourier } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { createParcel } from '../support/factories';
import { createTestApp, jsonHeaders } from '../support/test-app';
import { customerPhoto, deliveredParcel, postJson, staffCookie, verifyCustomer } from '../support/return-fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
let f: Awaited<ReturnType<typeof deliveredParcel>>;

const HOUR = 3_600_000;
const rating = (over: Record<string, unknown> = {}) => ({ trackingNo: f.parcel.trackingNo, csat: 5, nps: 9, tags: ['fast_delivery'], comment: '第二天就到了，谢谢', ...over });
const putJson = (body: unknown, cookie = f.customer) =>
  t.app.request('/api/feedback', { method: 'PUT', headers: { ...jsonHeaders, cookie }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const getFeedback = (cookie = f.customer, trackingNo = f.parcel.trackingNo) => t.app.request(`/api/feedback?trackingNo=${trackingNo}`, { headers: { cookie } });
const rows = async () => ({
  feedback: await t.db.selectFrom('feedback').selectAll().execute(),
  categories: await t.db.selectFrom('feedback_categories').select(['category']).execute(),
  followUps: await t.db.selectFrom('follow_ups').selectAll().execute(),
});

beforeEach(async () => {
  t = await createTestApp();
  f = await deliveredParcel(t);
});
afterEach(() => t.dispose());

describe('POST /api/feedback', () => {
  it('stores the rating, classifies it and answers with the view the customer gets back', async () => {
    const res = await postJson(t, '/api/feedback', rating());
    // Cookie-less call first: the customer must be verified.
    expect(res.status).toBe(403);
    const created = await postJson(t, '/api/feedback', rating(), f.customer);
    expect(created.status).toBe(201);
    const view = await created.json();
    expect(view).toMatchObject({ trackingNo: f.parcel.trackingNo, csat: 5, nps: 9, tags: ['fast_delivery'], comment: '第二天就到了，谢谢', photoId: null, shopResponse: null });
    expect(view.editableUntil).toBe(t.now() + 24 * HOUR);
    expect(view.categories.map((c: { category: string }) => c.category)).toEqual(['praise']);
    expect((await rows()).followUps).toEqual([]);
    expect(await (await getFeedback()).json()).toEqual(view);
  });

  it('one per shipment: a second POST is 409 and changes nothing', async () => {
    expect((await postJson(t, '/api/feedback', rating(), f.customer)).status).toBe(201);
    const before = await rows();
    const again = await postJson(t, '/api/feedback', rating({ csat: 1, comment: 'broken' }), f.customer);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('feedback_exists');
    expect(await rows()).toEqual(before);
  });

  it('negative feedback opens a follow-up due in 24 h, with the categories the words and the record show', async () => {
    const res = await postJson(t, '/api/feedback', rating({ csat: 1, nps: 2, tags: ['damaged'], comment: '外箱压扁了，杯子碎了' }), f.customer);
    expect(res.status).toBe(201);
    const { followUps, categories } = await rows();
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({ kind: 'negative_feedback', status: 'open', due_at: t.now() + 24 * HOUR, outcome: null });
    expect(categories.map((c) => c.category)).toEqual(['damaged_in_transit']);
  });

  it.each([
    [{ csat: 2, nps: null }, true],
    [{ csat: 3, nps: 6 }, true],
    [{ csat: 3, nps: 7 }, false],
    [{ csat: 4, nps: null }, false],
    [{ csat: 4, nps: 5, tags: ['friendly_courier'], comment: '快递员很热情' }, false],
    [{ csat: 5, nps: 0 }, false],
  ])('%j opens a follow-up: %s', async (scores, opens) => {
    await postJson(t, '/api/feedback', rating({ comment: '', tags: [], ...scores }), f.customer);
    expect((await rows()).followUps).toHaveLength(opens ? 1 : 0);
  });

  it('keeps a photo the customer uploaded for this parcel, and refuses one they did not', async () => {
    const photoId = await customerPhoto(t, f.parcel.trackingNo, f.customer);
    const bad = await postJson(t, '/api/feedback', rating({ photoId: '2f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f' }), f.customer);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('photo_not_uploaded');
    expect((await rows()).feedback).toEqual([]);
    const ok = await postJson(t, '/api/feedback', rating({ photoId }), f.customer);
    expect((await ok.json()).photoId).toBe(photoId);
  });

  it.each([
    ['csat 0', { csat: 0 }],
    ['csat 6', { csat: 6 }],
    ['csat 4.5', { csat: 4.5 }],
    ['nps 11', { nps: 11 }],
    ['nps -1', { nps: -1 }],
    ['unknown tag', { tags: ['cheap'] }],
    ['repeated tag', { tags: ['damaged', 'damaged'] }],
    ['comment over 1000 characters', { comment: 'x'.repeat(1001) }],
    ['control characters', { comment: 'a\u0007b' }],
    ['photo id not a uuid', { photoId: 'abc' }],
    ['unknown field', { stars: 5 }],
  ])('refuses %s with 400 and stores nothing', async (_name, over) => {
    const res = await postJson(t, '/api/feedback', rating(over), f.customer);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toEqual(expect.any(String));
    expect(body.error.message).toEqual(expect.any(String));
    expect((await rows()).feedback).toEqual([]);
  });

  it('refuses malformed JSON, a missing content type and a malformed tracking number', async () => {
    expect((await postJson(t, '/api/feedback', '{"csat":', f.customer)).status).toBe(400);
    const noType = await t.app.request('/api/feedback', { method: 'POST', headers: { cookie: f.customer }, body: JSON.stringify(rating()) });
    expect(noType.status).toBe(415);
    expect((await postJson(t, '/api/feedback', rating({ trackingNo: 'not a number!' }), f.customer)).status).toBe(400);
    expect((await rows()).feedback).toEqual([]);
  });

  it('only the verified customer of that parcel: others get 403, couriers and staff too', async () => {
    const other = await createParcel(t.db, { status: 'Delivered', phone: '13900001111', deliveredAt: t.now() - HOUR, events: [{ status: 'Delivered', occurredAt: t.now() - HOUR }] });
    const otherCustomer = await verifyCustomer(t, other.trackingNo, '1111');
    const courier = await signIn(t, f.courier.phone);
    const staff = await staffCookie(t);
    for (const cookie of [otherCustomer, courier, staff, '']) {
      const res = await postJson(t, '/api/feedback', rating(), cookie);
      expect(res.status).toBe(403);
      expect((await getFeedback(cookie)).status).toBe(403);
      expect((await putJson(rating(), cookie)).status).toBe(403);
    }
    expect((await rows()).feedback).toEqual([]);
  });

  it('only once the parcel is delivered: 409 before, 404 for an unknown parcel', async () => {
    const courier = await createCourier(t.db);
    const moving = await createParcel(t.db, { courierId: courier.id, phone: '13900002222', events: [{ status: 'OutForDelivery', occurredAt: t.now() - HOUR }] });
    const cookie = await verifyCustomer(t, moving.trackingNo, '2222');
    const res = await postJson(t, '/api/feedback', rating({ trackingNo: moving.trackingNo }), cookie);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('not_delivered');
    expect((await postJson(t, '/api/feedback', rating({ trackingNo: makeTrackingNo(99_999) }), f.customer)).status).toBe(404);
    expect((await rows()).feedback).toEqual([]);
  });
});

describe('PUT /api/feedback: editable for 24 hours', () => {
  it('replaces the rating and re-classifies within the window; 409 after it, unchanged', async () => {
    await postJson(t, '/api/feedback', rating(), f.customer);
    t.setNow(t.now() + 23 * HOUR);
    const edited = await putJson(rating({ csat: 2, nps: 3, tags: [], comment: 'Box was crushed and it came late' }));
    expect(edited.status).toBe(200);
    const view = await edited.json();
    expect(view).toMatchObject({ csat: 2, nps: 3, comment: 'Box was crushed and it came late' });
    expect(view.categories.map((c: { category: string }) => c.category)).toEqual(['delivery_late', 'damaged_in_transit']);
    // The edit made it negative: a follow-up is opened, due 24 h from the edit.
    const { followUps, categories } = await rows();
    expect(followUps).toHaveLength(1);
    expect(Number(followUps[0]!.due_at)).toBe(t.now() + 24 * HOUR);
    expect(categories).toHaveLength(2);

    t.setNow(t.now() + 2 * HOUR);
    const before = await rows();
    const late = await putJson(rating({ csat: 5 }));
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe('feedback_locked');
    expect(await rows()).toEqual(before);
  });

  it('an edit while a follow-up is open does not open a second one', async () => {
    await postJson(t, '/api/feedback', rating({ csat: 1 }), f.customer);
    await putJson(rating({ csat: 2, comment: 'still bad' }));
    expect((await rows()).followUps).toHaveLength(1);
  });

  it('is 404 when there is nothing to edit, 400 on bad input', async () => {
    expect((await putJson(rating())).status).toBe(404);
    await postJson(t, '/api/feedback', rating(), f.customer);
    expect((await putJson(rating({ csat: 9 }))).status).toBe(400);
    expect((await rows()).feedback[0]!.csat).toBe(5);
  });
});

describe('GET /api/feedback', () => {
  it('is 404 before any feedback, 400 without a tracking number', async () => {
    const res = await getFeedback();
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('feedback_not_found');
    expect((await t.app.request('/api/feedback', { headers: { cookie: f.customer } })).status).toBe(400);
  });
});
