import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackList, FeedbackListItem } from '../../shared/api/feedback';
import { feedbackListQuery } from '../../server/domain/feedback/feedback-list-repository';
import { FEEDBACK_CATEGORIES } from '../../shared/feedback/feedback-categories';
import { createStaff } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { createWarehouse, signedInWorker } from '../support/handover-fixtures';
import { deliveredParcel, postJson } from '../support/return-fixtures';
import { createTestApp, jsonHeaders } from '../support/test-app';

/**
 * GET /api/ops/feedback: every feedback for staff, newest first, a page at a time, by category,
 * score and whether staff corrected it. Seven feedback given at known times, two at the same
 * moment and several out of id order, so "newest first" is tested by time, not by insertion.
 */

let t: Awaited<ReturnType<typeof createTestApp>>;
let staffCookie: string;
let given: { id: number; trackingNo: string; createdAt: number; csat: number; comment: string; customer: string }[];

const MINUTE = 60_000;
const BAD_QUERIES = [
  ['an unknown category', '?category=rude'],
  ['a category in the wrong case', '?category=Praise'],
  ['a score of 0', '?csat=0'],
  ['a score of 6', '?csat=6'],
  ['a fractional score', '?csat=4.5'],
  ['a word for a score', '?csat=good'],
  ['corrected=yes', '?corrected=yes'],
  ['corrected=1', '?corrected=1'],
  ['a limit of 0', '?limit=0'],
  ['a limit of 101', '?limit=101'],
  ['a word for a limit', '?limit=all'],
  ['a cursor of 0', '?cursor=0'],
  ['a negative cursor', '?cursor=-3'],
  ['a fractional cursor', '?cursor=1.5'],
  ['a huge cursor', '?cursor=99999999999'],
  ['an unknown parameter', '?status=open'],
  ['a repeated parameter', '?csat=1&csat=2'],
] as const;
const STORIES = [
  { csat: 5, nps: 10, tags: ['fast_delivery', 'friendly_courier'], comment: '送货很快，快递员很热情', minutesAgo: 60 },
  { csat: 1, nps: 0, tags: ['rude_courier'], comment: '快递员态度很差，还把箱子压扁了', minutesAgo: 10 },
  { csat: 2, nps: 3, tags: [], comment: '物流信息三天没更新，一直显示运输中', minutesAgo: 30 },
  { csat: 5, nps: null, tags: [], comment: 'Great service, thanks!', minutesAgo: 50 },
  { csat: 4, nps: 8, tags: [], comment: '', minutesAgo: 30 },
  { csat: 1, nps: 2, tags: ['left_wrong_place'], comment: '放在楼下大门口，差点丢了', minutesAgo: 40 },
  { csat: 3, nps: 6, tags: [], comment: '包装太简陋了，盒子都瘪了', minutesAgo: 20 },
] as const;

const list = async (query = '', cookie = staffCookie) => {
  const res = await t.app.request(`/api/ops/feedback${query}`, { headers: { cookie } });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as FeedbackList;
};
const ids = (items: FeedbackListItem[]) => items.map((i) => i.id);
/** The expected order: newest first, the higher id first at the same moment. */
const newestFirst = (rows: typeof given) => [...rows].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id).map((r) => r.id);
const categoriesOf = async (id: number) => (await t.db.selectFrom('feedback_categories').select('category').where('feedback_id', '=', id).execute()).map((r) => r.category);
const correct = (id: number, categories: string[]) =>
  t.app.request(`/api/ops/feedback/${id}/categories`, { method: 'PUT', headers: { ...jsonHeaders, cookie: staffCookie }, body: JSON.stringify({ categories }) });

beforeEach(async () => {
  t = await createTestApp();
  const start = t.now();
  const account = await createStaff(t.db);
  staffCookie = await signIn(t, account.email);
  given = [];
  for (const [index, story] of STORIES.entries()) {
    const parcel = await deliveredParcel(t, `1350000${String(1000 + index)}`);
    t.setNow(start - story.minutesAgo * MINUTE);
    const res = await postJson(t, '/api/feedback', { trackingNo: parcel.parcel.trackingNo, csat: story.csat, nps: story.nps, tags: [...story.tags], comment: story.comment }, parcel.customer);
    expect(res.status).toBe(201);
    const row = await t.db.selectFrom('feedback').select(['id', 'created_at']).where('shipment_id', '=', parcel.parcel.shipmentId).executeTakeFirstOrThrow();
    given.push({ id: row.id, trackingNo: parcel.parcel.trackingNo, createdAt: Number(row.created_at), csat: story.csat, comment: story.comment, customer: parcel.customer });
  }
  t.setNow(start);
});
afterEach(() => t.dispose());

describe('GET /api/ops/feedback', () => {
  it('lists every feedback newest first, with what a staff member needs to judge its categories', async () => {
    const { feedback, nextCursor } = await list();
    expect(ids(feedback)).toEqual(newestFirst(given));
    expect(nextCursor).toBeNull();

    const complaint = feedback.find((f) => f.id === given[1]!.id)!;
    const order = await t.db.selectFrom('feedback as fb').innerJoin('orders as o', 'o.id', 'fb.order_id').select('o.order_no').where('fb.id', '=', complaint.id).executeTakeFirstOrThrow();
    expect(complaint).toEqual({
      id: given[1]!.id,
      trackingNo: given[1]!.trackingNo,
      orderNo: order.order_no,
      createdAt: given[1]!.createdAt,
      updatedAt: given[1]!.createdAt,
      csat: 1,
      nps: 0,
      tags: ['rude_courier'],
      comment: '快递员态度很差，还把箱子压扁了',
      hasPhoto: false,
      categories: [
        { category: 'courier_behaviour', evidenceKinds: expect.arrayContaining(['tag']) },
        { category: 'damaged_in_transit', evidenceKinds: expect.any(Array) },
      ],
      correctedBy: null,
      // Negative feedback opened a call-back, still to be made.
      callBackOpen: true,
    });
    // Praise opens none.
    expect(feedback.find((f) => f.id === given[0]!.id)).toMatchObject({ csat: 5, callBackOpen: false });
    for (const f of feedback) {
      expect(f.categories.length).toBeGreaterThan(0);
      expect(f.categories.map((c) => c.category)).toEqual(await categoriesOf(f.id));
    }
  });

  it('filters by each of the 15 categories: exactly the feedback filed under it', async () => {
    let found = 0;
    for (const category of FEEDBACK_CATEGORIES) {
      const having = [];
      for (const g of given) if ((await categoriesOf(g.id)).includes(category)) having.push(g);
      const { feedback } = await list(`?category=${category}`);
      expect(ids(feedback), category).toEqual(newestFirst(having));
      for (const f of feedback) expect(f.categories.map((c) => c.category)).toContain(category);
      found += feedback.length;
    }
    // Every feedback is under at least one category, one with two under both.
    expect(found).toBeGreaterThan(given.length);
  });

  it('filters by score, and by category and score together', async () => {
    expect(ids((await list('?csat=5')).feedback)).toEqual(newestFirst(given.filter((g) => g.csat === 5)));
    expect(ids((await list('?csat=1')).feedback)).toEqual(newestFirst(given.filter((g) => g.csat === 1)));
    expect((await list('?csat=2&category=praise')).feedback).toEqual([]);
    expect(ids((await list('?csat=1&category=courier_behaviour')).feedback)).toEqual([given[1]!.id]);
  });

  it('pages with the cursor without gaps or repeats, also across equal times and while new feedback arrives', async () => {
    const all = newestFirst(given);
    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const page: FeedbackList = await list(`?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(page.feedback.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.feedback));
      cursor = page.nextCursor;
      if (pages++ === 0) {
        // Feedback arriving after the first page is newer than all of it: it shows on a fresh list, not in the pages still to come.
        const parcel = await deliveredParcel(t, '13500009999');
        expect((await postJson(t, '/api/feedback', { trackingNo: parcel.parcel.trackingNo, csat: 5, comment: '很好' }, parcel.customer)).status).toBe(201);
      }
    } while (cursor !== null);
    expect(seen).toEqual(all);
    expect(pages).toBe(4);
    // The same walk with a filter.
    const complaints = newestFirst(given.filter((g) => g.csat === 1));
    const first = await list('?csat=1&limit=1');
    expect(ids(first.feedback)).toEqual([complaints[0]]);
    const second = await list(`?csat=1&limit=1&cursor=${first.nextCursor}`);
    expect(ids(second.feedback)).toEqual([complaints[1]]);
    expect(second.nextCursor).toBeNull();
  });

  it('defaults to 30 a page', async () => {
    for (let i = 0; i < 25; i++) {
      const parcel = await deliveredParcel(t, `1360000${String(1000 + i)}`);
      expect((await postJson(t, '/api/feedback', { trackingNo: parcel.parcel.trackingNo, csat: 4 }, parcel.customer)).status).toBe(201);
    }
    const first = await list();
    expect(first.feedback).toHaveLength(30);
    expect(first.nextCursor).toBe(first.feedback[29]!.id);
    expect((await list(`?cursor=${first.nextCursor}`)).feedback).toHaveLength(2);
  });

  it('shows a correction at once, and the corrected filter follows it until the customer edits the feedback', async () => {
    const praise = given[0]!;
    expect(ids((await list('?corrected=true')).feedback)).toEqual([]);
    expect(ids((await list('?corrected=false')).feedback)).toEqual(newestFirst(given));

    expect((await correct(praise.id, ['courier_behaviour'])).status).toBe(200);
    const item = (await list()).feedback.find((f) => f.id === praise.id)!;
    expect(item.categories).toEqual([{ category: 'courier_behaviour', evidenceKinds: ['staff'] }]);
    expect(item.correctedBy).toEqual({ staffId: expect.any(Number), staffName: '运营 周', at: t.now() });
    expect(ids((await list('?corrected=true')).feedback)).toEqual([praise.id]);
    expect(ids((await list('?corrected=false')).feedback)).toEqual(newestFirst(given.filter((g) => g.id !== praise.id)));
    expect(ids((await list('?category=courier_behaviour&corrected=true')).feedback)).toEqual([praise.id]);
    expect(ids((await list('?category=praise')).feedback)).not.toContain(praise.id);

    // The customer edits it within the day: it is classified afresh, no longer staff's.
    t.setNow(t.now() + MINUTE);
    const edit = await t.app.request('/api/feedback', {
      method: 'PUT',
      headers: { ...jsonHeaders, cookie: praise.customer },
      body: JSON.stringify({ trackingNo: praise.trackingNo, csat: 5, comment: '送货很快，快递员很热情' }),
    });
    expect(edit.status).toBe(200);
    expect(ids((await list('?corrected=true')).feedback)).toEqual([]);
    expect((await list()).feedback.find((f) => f.id === praise.id)!.correctedBy).toBeNull();
  });

  it('refuses bad queries with 400 invalid_query', async () => {
    for (const [name, query] of BAD_QUERIES) {
      const res = await t.app.request(`/api/ops/feedback${query}`, { headers: { cookie: staffCookie } });
      expect(res.status, name).toBe(400);
      const error = (await res.json()).error;
      expect(error.code, name).toBe('invalid_query');
      expect(error.message).toEqual(expect.any(String));
    }
  });

  it('refuses a cursor that names no feedback with 400 unknown_cursor', async () => {
    const res = await t.app.request('/api/ops/feedback?cursor=424242', { headers: { cookie: staffCookie } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('unknown_cursor');
  });

  it('refuses anonymous callers and the customer (401), a courier and a warehouse worker (403)', async () => {
    const parcel = await deliveredParcel(t, '13500007777');
    const courier = await signIn(t, parcel.courier.phone);
    const picker = await signedInWorker(t, await createWarehouse(t.db, 'HZ09'));
    for (const [cookie, status] of [['', 401], [given[0]!.customer, 401], [courier, 403], [picker, 403]] as const) {
      const res = await t.app.request('/api/ops/feedback', { headers: { cookie } });
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(status === 401 ? 'not_signed_in' : 'wrong_role');
    }
  });

  it('walks an index in the list’s order, with and without a category (no scan, no sort)', async () => {
    const plan = async (filter: Parameters<typeof feedbackListQuery>[1]) => {
      const query = feedbackListQuery(t.db, filter, 31).compile();
      const bound = await t.db.executeQuery({ ...query, sql: `explain query plan ${query.sql}` });
      return (bound.rows as { detail: string }[]).map((r) => r.detail).join('\n');
    };
    const byCategory = await plan({ category: 'packaging', csat: 2, after: { createdAt: t.now(), id: 5 } });
    expect(byCategory).toMatch(/SEARCH fc USING (COVERING )?INDEX feedback_categories_category_created_idx/);
    expect(byCategory).not.toMatch(/TEMP B-TREE/);
    const all = await plan({ corrected: true });
    expect(all).toMatch(/SCAN fb USING INDEX feedback_created_idx/);
    expect(all).not.toMatch(/TEMP B-TREE/);
  });
});
