import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackCategoriesView, FollowUpView } from '../../shared/api/feedback';
import type { KpiReport } from '../../shared/api/ops-analytics';
import { listCorrectedFeedback } from '../../server/domain/feedback/feedback-corrections-repository';
import { createStaff } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { createWarehouse, signedInWorker } from '../support/handover-fixtures';
import { deliveredParcel, postJson } from '../support/return-fixtures';
import { createTestApp, jsonHeaders } from '../support/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let f: Awaited<ReturnType<typeof deliveredParcel>>;
let staff: { id: number; cookie: string };

const HOUR = 3_600_000;
const COMMENT = '快递员态度很差，还把箱子压扁了';

const complain = (comment = COMMENT, parcel = f) =>
  postJson(t, '/api/feedback', { trackingNo: parcel.parcel.trackingNo, csat: 1, nps: 0, tags: ['rude_courier'], comment }, parcel.customer);
const feedbackIdOf = async (parcel = f) => (await t.db.selectFrom('feedback as fb').innerJoin('shipments as s', 's.id', 'fb.shipment_id').select('fb.id').where('s.tracking_no', '=', parcel.parcel.trackingNo).executeTakeFirstOrThrow()).id;
const correct = (id: number | string, body: unknown, cookie = staff.cookie, headers: Record<string, string> = jsonHeaders) =>
  t.app.request(`/api/ops/feedback/${id}/categories`, { method: 'PUT', headers: { ...headers, cookie }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const followUps = async () => {
  const res = await t.app.request('/api/ops/follow-ups', { headers: { cookie: staff.cookie } });
  expect(res.status).toBe(200);
  return (await res.json()).followUps as FollowUpView[];
};
/** The dashboard's feedback categories for the test clock's day, as `category: count`. */
const dashboardCategories = async () => {
  const res = await t.app.request('/api/ops/kpis?from=2026-11-21&to=2026-11-21', { headers: { cookie: staff.cookie } });
  expect(res.status).toBe(200);
  const report = (await res.json()) as KpiReport;
  return Object.fromEntries(report.feedbackCategoriesByDay.map((r) => [r.category, r.count]));
};
const storedCategories = async (id: number) => (await t.db.selectFrom('feedback_categories').select('category').where('feedback_id', '=', id).orderBy('category').execute()).map((r) => r.category);
const corrections = async () => t.db.selectFrom('feedback_corrections').selectAll().orderBy('id').execute();

beforeEach(async () => {
  t = await createTestApp();
  f = await deliveredParcel(t, '13500008765');
  const account = await createStaff(t.db);
  staff = { id: account.id, cookie: await signIn(t, account.email) };
});
afterEach(() => t.dispose());

describe('PUT /api/ops/feedback/:id/categories', () => {
  it('replaces the categories at once in the call-back list and the dashboard, and keeps who did it', async () => {
    expect((await complain()).status).toBe(201);
    const id = await feedbackIdOf();
    const [before] = await followUps();
    expect(before!.feedback).toMatchObject({ id, categories: ['courier_behaviour', 'damaged_in_transit'], correctedBy: null });
    expect(await dashboardCategories()).toEqual({ courier_behaviour: 1, damaged_in_transit: 1 });

    // The classifier missed where the parcel was left and wrongly read damage.
    const res = await correct(id, { categories: ['wrong_place', 'courier_behaviour'] });
    expect(res.status).toBe(200);
    const corrected = { staffId: staff.id, staffName: '运营 周', at: t.now() };
    // In the taxonomy's order, whatever order they were sent in.
    expect((await res.json()) as FeedbackCategoriesView).toEqual({ feedbackId: id, categories: ['wrong_place', 'courier_behaviour'], correctedBy: corrected });

    const [after] = await followUps();
    expect(after!.feedback).toMatchObject({ id, categories: ['wrong_place', 'courier_behaviour'], correctedBy: corrected });
    expect(await dashboardCategories()).toEqual({ courier_behaviour: 1, wrong_place: 1 });
    const rows = await t.db.selectFrom('feedback_categories').select(['category', 'evidence']).where('feedback_id', '=', id).execute();
    expect(rows.map((r) => JSON.parse(r.evidence))).toEqual([[{ kind: 'staff', staffId: staff.id, at: t.now() }], [{ kind: 'staff', staffId: staff.id, at: t.now() }]]);
    expect(await corrections()).toEqual([
      { id: expect.any(Number), feedback_id: id, categories: '["wrong_place","courier_behaviour"]', previous: '["courier_behaviour","damaged_in_transit"]', staff_id: staff.id, created_at: t.now() },
    ]);

    // The customer's own view still reads (its categories carry the staff evidence now).
    const view = await t.app.request(`/api/feedback?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } });
    expect(view.status).toBe(200);
    expect((await view.json()).categories.map((c: { category: string }) => c.category)).toEqual(['wrong_place', 'courier_behaviour']);
  });

  it('narrows a set as well as widening it, corrects a correction, takes the same set again, and keeps every step', async () => {
    await complain();
    const id = await feedbackIdOf();
    const other = await createStaff(t.db, 'lead@doorstep.test');
    const otherCookie = await signIn(t, other.email);

    expect((await correct(id, { categories: ['damaged_in_transit'] })).status).toBe(200);
    expect(await storedCategories(id)).toEqual(['damaged_in_transit']);
    expect(await dashboardCategories()).toEqual({ damaged_in_transit: 1 });

    t.setNow(t.now() + HOUR);
    const again = await correct(id, { categories: ['packaging', 'damaged_in_transit', 'delivery_late', 'courier_behaviour'] }, otherCookie);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ categories: ['delivery_late', 'courier_behaviour', 'damaged_in_transit', 'packaging'], correctedBy: { staffId: other.id, at: t.now() } });
    expect(await dashboardCategories()).toEqual({ delivery_late: 1, courier_behaviour: 1, damaged_in_transit: 1, packaging: 1 });

    t.setNow(t.now() + HOUR);
    expect((await correct(id, { categories: ['other'] })).status).toBe(200);
    expect((await correct(id, { categories: ['other'] })).status).toBe(200);
    expect((await followUps())[0]!.feedback).toMatchObject({ categories: ['other'], correctedBy: { staffId: staff.id } });
    expect(await dashboardCategories()).toEqual({ other: 1 });

    const history = await corrections();
    expect(history.map((c) => [JSON.parse(c.previous), JSON.parse(c.categories), c.staff_id])).toEqual([
      [['courier_behaviour', 'damaged_in_transit'], ['damaged_in_transit'], staff.id],
      [['damaged_in_transit'], ['delivery_late', 'courier_behaviour', 'damaged_in_transit', 'packaging'], other.id],
      [['delivery_late', 'courier_behaviour', 'damaged_in_transit', 'packaging'], ['other'], staff.id],
      [['other'], ['other'], staff.id],
    ]);
  });

  it.each([
    ['no categories', { categories: [] }, 'no_categories'],
    ['an unknown code', { categories: ['wrong_place', 'rude'] }, 'unknown_category'],
    ['a code twice', { categories: ['wrong_place', 'wrong_place'] }, 'duplicate_category'],
    ['five codes', { categories: ['delivery_late', 'failed_attempt', 'not_received', 'wrong_place', 'packaging'] }, 'too_many_categories'],
    ['other beside another', { categories: ['other', 'packaging'] }, 'other_not_alone'],
    ['a code in the wrong case', { categories: ['Wrong_Place'] }, 'unknown_category'],
    ['no categories field', {}, 'invalid_request'],
    ['an extra field', { categories: ['packaging'], staffId: 1 }, 'invalid_request'],
    ['a string for the list', { categories: 'packaging' }, 'invalid_request'],
    ['a number in the list', { categories: [3] }, 'invalid_request'],
    ['null', null, 'invalid_request'],
    ['a huge list', { categories: Array.from({ length: 65 }, () => 'packaging') }, 'invalid_request'],
    ['a huge code', { categories: ['x'.repeat(65)] }, 'invalid_request'],
    ['malformed JSON', '{"categories": [', 'malformed_json'],
  ])('refuses %s with 400 and changes nothing', async (_name, body, code) => {
    await complain();
    const id = await feedbackIdOf();
    const res = await correct(id, body);
    expect(res.status).toBe(400);
    const error = (await res.json()).error;
    expect(error.code).toBe(code);
    expect(error.message).toEqual(expect.any(String));
    expect(await storedCategories(id)).toEqual(['courier_behaviour', 'damaged_in_transit']);
    expect(await corrections()).toEqual([]);
  });

  it('refuses a body that is not JSON (415), a bad id (400) and an unknown feedback (404), and changes nothing', async () => {
    await complain();
    const id = await feedbackIdOf();
    const body = { categories: ['packaging'] };
    expect((await correct(id, 'categories=packaging', staff.cookie, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    for (const bad of ['abc', '0', '-1', '1.5', '1e3', '99999999999', '%20']) {
      const res = await correct(bad, body);
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error.code, bad).toBe('bad_feedback_id');
    }
    const unknown = await correct(id + 1000, body);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('feedback_not_found');
    expect(await storedCategories(id)).toEqual(['courier_behaviour', 'damaged_in_transit']);
    expect(await corrections()).toEqual([]);
  });

  it('refuses a body over the JSON limit with 413 before reading it', async () => {
    await complain();
    const res = await correct(await feedbackIdOf(), { categories: ['packaging'], pad: 'x'.repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(await corrections()).toEqual([]);
  });
});

describe('who may correct categories', () => {
  it('refuses anonymous callers and the customer (401), a courier and a warehouse worker (403), and changes nothing', async () => {
    await complain();
    const id = await feedbackIdOf();
    const courier = await signIn(t, f.courier.phone);
    const picker = await signedInWorker(t, await createWarehouse(t.db, 'HZ09'));
    for (const [cookie, status] of [['', 401], [f.customer, 401], [courier, 403], [picker, 403]] as const) {
      const res = await correct(id, { categories: ['praise'] }, cookie);
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(status === 401 ? 'not_signed_in' : 'wrong_role');
    }
    expect(await storedCategories(id)).toEqual(['courier_behaviour', 'damaged_in_transit']);
    expect(await corrections()).toEqual([]);
  });
});

describe('listCorrectedFeedback (training data from staff)', () => {
  it('gives the latest correction of each feedback with its comment, leaving out empty comments and comments edited since', async () => {
    const second = await deliveredParcel(t, '13500001111');
    const third = await deliveredParcel(t, '13500002222');
    await complain();
    await complain('', second);
    await complain('Box came late', third);
    const [a, b, c] = [await feedbackIdOf(), await feedbackIdOf(second), await feedbackIdOf(third)];
    expect(await listCorrectedFeedback(t.db)).toEqual([]);

    await correct(a, { categories: ['packaging'] });
    await correct(b, { categories: ['praise'] });
    await correct(c, { categories: ['delivery_late'] });
    t.setNow(t.now() + HOUR);
    await correct(a, { categories: ['courier_behaviour', 'wrong_place'] });
    // The customer rewrites the third one within their 24 h: its correction labelled other words.
    t.setNow(t.now() + HOUR);
    const edit = await t.app.request('/api/feedback', {
      method: 'PUT',
      headers: { ...jsonHeaders, cookie: third.customer },
      body: JSON.stringify({ trackingNo: third.parcel.trackingNo, csat: 2, nps: 3, tags: [], comment: 'Courier threw it over the gate' }),
    });
    expect(edit.status).toBe(200);

    expect(await listCorrectedFeedback(t.db)).toEqual([{ feedbackId: a, text: COMMENT, csat: 1, nps: 0, labels: ['wrong_place', 'courier_behaviour'] }]);
    // The edit re-classified it, so the list no longer calls it corrected.
    const listed = (await followUps()).find((x) => x.feedback?.id === c);
    expect(listed?.feedback?.correctedBy).toBeNull();
  });
});
