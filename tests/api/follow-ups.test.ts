import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../support/courier-fixtures';
import { createParcel } from '../support/factories';
import { createTestApp } from '../support/test-app';
import { deliveredParcel, postJson, staffCookie } from '../support/return-fixtures';
import type { FollowUpView } from '../../shared/api/feedback';

let t: Awaited<ReturnType<typeof createTestApp>>;
let f: Awaited<ReturnType<typeof deliveredParcel>>;
let staff: string;

const HOUR = 3_600_000;
const list = async (query = '', cookie = staff) => {
  const res = await t.app.request(`/api/ops/follow-ups${query}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()).followUps as FollowUpView[];
};
const complain = () => postJson(t, '/api/feedback', { trackingNo: f.parcel.trackingNo, csat: 1, nps: 0, tags: ['rude_courier'], comment: '快递员态度很差，还把箱子压扁了' }, f.customer);
const outcome = (id: number, body: unknown, cookie = staff) => postJson(t, `/api/ops/follow-ups/${id}/outcome`, body, cookie);

/** A parcel in Exception (damaged) whose last news is `ageMs` old. */
async function stuckException(ageMs: number, phone: string) {
  const at = t.now() - ageMs;
  const parcel = await createParcel(t.db, { phone, events: [{ status: 'InTransit', occurredAt: at - HOUR }, { status: 'Exception', subStatus: 'Exception_005', occurredAt: at }] });
  await t.db.updateTable('tracking_events').set({ reason_code: 'parcel_damaged' }).where('shipment_id', '=', parcel.shipmentId).where('status', '=', 'Exception').execute();
  await t.db.updateTable('shipments').set({ updated_at: at }).where('id', '=', parcel.shipmentId).execute();
  return parcel;
}

beforeEach(async () => {
  t = await createTestApp();
  f = await deliveredParcel(t, '13500008765');
  staff = await staffCookie(t);
});
afterEach(() => t.dispose());

describe('GET /api/ops/follow-ups', () => {
  it('lists the call-back opened by negative feedback with what staff need to make the call', async () => {
    await complain();
    const [item] = await list();
    expect(item).toMatchObject({
      kind: 'negative_feedback',
      status: 'open',
      dueAt: t.now() + 24 * HOUR,
      overdue: false,
      shipment: { trackingNo: f.parcel.trackingNo, status: 'Delivered' },
      customer: { name: '王**', phone: '13500008765' },
      feedback: { csat: 1, nps: 0, comment: '快递员态度很差，还把箱子压扁了', tags: ['rude_courier'], categories: ['courier_behaviour', 'damaged_in_transit'] },
      exception: null,
      outcome: null,
      customerNote: null,
      resolvedAt: null,
    });
  });

  it('marks it overdue once past due, and filters by status and due', async () => {
    await complain();
    expect(await list('?due=overdue')).toEqual([]);
    expect(await list('?due=today')).toEqual([]);
    t.setNow(t.now() + 24 * HOUR + 1);
    const [late] = await list('?due=overdue');
    expect(late!.overdue).toBe(true);
    expect(await list('?due=today')).toHaveLength(1);
    expect(await list('?status=done')).toEqual([]);
    expect(await list('?status=open')).toHaveLength(1);
  });

  it('opens a follow-up for an exception with no news for over 48 h, once, and none for a fresh one', async () => {
    const stuck = await stuckException(49 * HOUR, '13900003333');
    await stuckException(10 * HOUR, '13900004444');
    const first = await list();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kind: 'exception_overdue', status: 'open', feedback: null, shipment: { trackingNo: stuck.trackingNo, status: 'Exception' }, exception: { reasonCode: 'parcel_damaged', since: t.now() - 49 * HOUR } });
    // Due a day after it became overdue: already 1 h into that day.
    expect(first[0]!.dueAt).toBe(t.now() + 23 * HOUR);
    expect(await list()).toHaveLength(1);

    // Called back and closed: the same stuck exception does not come back on the next look.
    expect((await outcome(first[0]!.id, { outcome: 'resend_offered', outcomeNote: 'sending a new one', customerNote: '' })).status).toBe(200);
    t.setNow(t.now() + HOUR);
    expect(await list('?status=open')).toEqual([]);
  });

  it.each([
    ['?status=closed'],
    ['?due=tomorrow'],
    ['?limit=5'],
  ])('refuses %s with 400', async (query) => {
    const res = await t.app.request(`/api/ops/follow-ups${query}`, { headers: { cookie: staff } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toEqual(expect.any(String));
  });
});

describe('POST /api/ops/follow-ups/:id/outcome', () => {
  it('records the outcome once; the customer then sees the shop\'s response', async () => {
    await complain();
    const [item] = await list();
    const res = await outcome(item!.id, { outcome: 'refund_offered', outcomeNote: 'Called, agreed a partial refund', customerNote: '很抱歉给您带来不便，已为您申请部分退款。' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: item!.id, status: 'done', outcome: 'refund_offered', outcomeNote: 'Called, agreed a partial refund', resolvedAt: t.now(), overdue: false });

    const again = await outcome(item!.id, { outcome: 'resolved', outcomeNote: '', customerNote: '' });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('follow_up_done');
    expect((await list())[0]).toMatchObject({ outcome: 'refund_offered' });

    const view = await (await t.app.request(`/api/feedback?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } })).json();
    expect(view.shopResponse).toEqual({ note: '很抱歉给您带来不便，已为您申请部分退款。', respondedAt: t.now() });
  });

  it('shows the customer nothing when staff leave the customer note empty', async () => {
    await complain();
    const [item] = await list();
    await outcome(item!.id, { outcome: 'no_answer', outcomeNote: 'rang twice', customerNote: '' });
    const view = await (await t.app.request(`/api/feedback?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } })).json();
    expect(view.shopResponse).toBeNull();
  });

  it.each([
    ['an unknown outcome', { outcome: 'ignored', outcomeNote: '', customerNote: '' }],
    ['no outcome', { outcomeNote: 'x', customerNote: '' }],
    ['a customer note over 500 characters', { outcome: 'resolved', outcomeNote: '', customerNote: 'x'.repeat(501) }],
    ['an unknown field', { outcome: 'resolved', outcomeNote: '', customerNote: '', refund: 100 }],
  ])('refuses %s with 400 and leaves it open', async (_name, body) => {
    await complain();
    const [item] = await list();
    expect((await outcome(item!.id, body)).status).toBe(400);
    expect((await list())[0]).toMatchObject({ status: 'open', outcome: null });
  });

  it('is 404 for an unknown follow-up and 400 for a malformed id', async () => {
    expect((await outcome(999, { outcome: 'resolved', outcomeNote: '', customerNote: '' })).status).toBe(404);
    expect((await outcome('abc' as unknown as number, { outcome: 'resolved', outcomeNote: '', customerNote: '' })).status).toBe(400);
  });
});

describe('who may use the follow-ups', () => {
  it('refuses anonymous callers (401), customers and couriers (403), and changes nothing', async () => {
    await complain();
    const [item] = await list();
    const courier = await signIn(t, f.courier.phone);
    const body = { outcome: 'resolved', outcomeNote: '', customerNote: 'hi' };
    for (const [cookie, status] of [['', 401], [f.customer, 401], [courier, 403]] as const) {
      expect((await t.app.request('/api/ops/follow-ups', { headers: { cookie } })).status).toBe(status);
      expect((await outcome(item!.id, body, cookie)).status).toBe(status);
    }
    expect((await list())[0]).toMatchObject({ status: 'open', outcome: null });
  });
});
