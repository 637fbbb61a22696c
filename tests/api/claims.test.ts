import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCourier } from '../support/accounts';
import { createParcel } from '../support/factories';
import { createTestApp } from '../support/test-app';
import { counts, deliveredParcel, DROPOFF_OVERRIDE, postJson, staffCookie, verifyCustomer } from '../support/return-fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: string;

beforeEach(async () => {
  t = await createTestApp();
  staff = await staffCookie(t);
});
afterEach(() => t.dispose());

async function lostParcel() {
  const courier = await createCourier(t.db);
  const parcel = await createParcel(t.db, {
    courierId: courier.id,
    phone: '13900002468',
    events: [{ status: 'InTransit', occurredAt: Date.UTC(2026, 10, 19, 2), city: '武汉市' }],
  });
  // Lost at the hub, as a carrier's exception scan says.
  const shipment = await t.db.selectFrom('shipments').selectAll().where('id', '=', parcel.shipmentId).executeTakeFirstOrThrow();
  const { applyTrackingEvent } = await import('../../server/domain/tracking/tracking-service');
  const { toShipment } = await import('../../server/domain/tracking/shipment-repository');
  await applyTrackingEvent(t.db, toShipment(shipment), { status: 'Exception', subStatus: 'Exception_006', reasonCode: 'lost', occurredAt: Date.UTC(2026, 10, 20, 2), place: { province: '湖北省', city: '武汉市' }, actor: { type: 'carrier', id: null } }, t.now());
  return { parcel, cookie: await verifyCustomer(t, parcel.trackingNo, '2468') };
}

describe('lost-parcel claims', () => {
  it('a lost parcel is claimed by its customer and refunded in full by staff, once', async () => {
    const { parcel, cookie } = await lostParcel();
    const options = await (await t.app.request(`/api/returns/options?trackingNo=${parcel.trackingNo}`, { headers: { cookie } })).json();
    expect(options.claimable).toBe('lost');
    const res = await postJson(t, '/api/claims', { trackingNo: parcel.trackingNo, kind: 'lost', note: '一直没有更新' }, cookie);
    expect(res.status).toBe(201);
    const claim = await res.json();
    expect(claim).toMatchObject({ status: 'open', kind: 'lost', note: '一直没有更新' });
    expect((await postJson(t, '/api/claims', { trackingNo: parcel.trackingNo, kind: 'lost', note: '' }, cookie)).status).toBe(409);

    const open = await (await t.app.request('/api/ops/claims?status=open', { headers: { cookie: staff } })).json();
    expect(open.claims.map((c: { claimNo: string }) => c.claimNo)).toEqual([claim.claimNo]);
    const twice = await Promise.all([1, 2, 3].map(() => postJson(t, `/api/ops/claims/${claim.claimNo}/decide`, { decision: 'refund', note: '' }, staff)));
    const statuses = twice.map((r) => r.status).sort();
    // One decides; the others either see the same refund or that it was already decided.
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const decided = await (await t.app.request('/api/ops/claims', { headers: { cookie: staff } })).json();
    expect(decided.claims[0]).toMatchObject({ status: 'refunded', refundFen: 34_700, orderRefundedFen: 34_700 });
    expect((await counts(t)).paid).toBe(1);
    const seen = await (await t.app.request(`/api/returns/options?trackingNo=${parcel.trackingNo}`, { headers: { cookie } })).json();
    expect(seen.claims[0].status).toBe('refunded');
    expect(seen.claimable).toBeNull();
  });

  it('a delivered-but-not-received claim can be answered by sending the order again', async () => {
    const f = await deliveredParcel(t);
    // The lost box had been packed, weighed and handed over to a carrier; the new one is none of these yet.
    await t.db.updateTable('shipments').set({ carrier_code: 'sf', handed_over_at: t.now() - 86_400_000, weight_grams: 900 }).where('tracking_no', '=', f.parcel.trackingNo).execute();
    const claim = await (await postJson(t, '/api/claims', { trackingNo: f.parcel.trackingNo, kind: 'not_received', note: '快递柜里没有' }, f.customer)).json();
    const before = (await counts(t)).shipments;
    const resent = await (await postJson(t, `/api/ops/claims/${claim.claimNo}/decide`, { decision: 'resend', note: '已补发' }, staff)).json();
    expect(resent.status).toBe('resent');
    expect(resent.resendTrackingNo).toMatch(/^DS\d{11}$/);
    expect((await counts(t)).shipments).toBe(before + 1);
    const track = await (await t.app.request(`/api/track/${resent.resendTrackingNo}`)).json();
    expect(track.status).toBe('InfoReceived');
    const box = await t.db.selectFrom('shipments').select(['carrier_code', 'handed_over_at', 'weight_grams', 'packed_by']).where('tracking_no', '=', resent.resendTrackingNo).executeTakeFirstOrThrow();
    expect(box).toEqual({ carrier_code: null, handed_over_at: null, weight_grams: null, packed_by: null });
    expect((await postJson(t, `/api/ops/claims/${claim.claimNo}/decide`, { decision: 'refund', note: '' }, staff)).status).toBe(409);
  });

  it('a refund decision pays exactly what the list shows is left: the order paid less what it had back', async () => {
    const f = await deliveredParcel(t);
    const claim = await (await postJson(t, '/api/claims', { trackingNo: f.parcel.trackingNo, kind: 'not_received', note: '' }, f.customer)).json();
    const listed = (await (await t.app.request('/api/ops/claims?status=open', { headers: { cookie: staff } })).json()).claims[0];
    expect(listed).toMatchObject({ claimNo: claim.claimNo, orderPaidFen: 34_700, orderRefundedFen: 0 });
    const decided = await (await postJson(t, `/api/ops/claims/${claim.claimNo}/decide`, { decision: 'refund', note: '' }, staff)).json();
    expect(decided).toMatchObject({ status: 'refunded', refundFen: listed.orderPaidFen - listed.orderRefundedFen, orderRefundedFen: 34_700 });
    // Decided, it has left the open list.
    expect((await (await t.app.request('/api/ops/claims?status=open', { headers: { cookie: staff } })).json()).claims).toEqual([]);
  });

  it('refuses "not received" for a parcel whose items are being sent back, which would pay twice', async () => {
    const f = await deliveredParcel(t);
    const ret = await postJson(t, '/api/returns', { trackingNo: f.parcel.trackingNo, items: [{ orderItemId: f.shirt, quantity: 1 }], reasonCode: 'size_fit', reasonDetail: 'too_large', condition: 'opened', method: 'dropoff' }, f.customer);
    expect(ret.status).toBe(201);
    const before = await counts(t);
    const refused = await postJson(t, '/api/claims', { trackingNo: f.parcel.trackingNo, kind: 'not_received', note: '' }, f.customer);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe('claim_excluded_by_return');
    expect(await counts(t)).toEqual(before);
  });

  it('refuses a return of a claimed parcel\'s items, in words, while the claim is open or paid; a rejected claim frees them', async () => {
    const f = await deliveredParcel(t);
    const claim = await (await postJson(t, '/api/claims', { trackingNo: f.parcel.trackingNo, kind: 'not_received', note: '' }, f.customer)).json();
    const returnShirt = () =>
      postJson(t, '/api/returns', { trackingNo: f.parcel.trackingNo, items: [{ orderItemId: f.shirt, quantity: 1 }], reasonCode: 'size_fit', reasonDetail: 'too_large', condition: 'opened', method: 'dropoff' }, f.customer);
    const options = async () => (await t.app.request(`/api/returns/options?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } })).json();

    const before = await counts(t);
    const open = await returnShirt();
    expect(open.status).toBe(422);
    const body = await open.json();
    expect(body.error.details.refusals.map((r: { code: string }) => r.code)).toContain('parcel_claimed');
    expect(body.error.details.refusals[0].message['zh-CN']).toContain('理赔');
    expect(await counts(t)).toEqual(before);
    const shown = await options();
    expect(shown.returnBlockedBy.code).toBe('parcel_claimed');
    expect(shown.items.map((i: { returnable: number }) => i.returnable)).toEqual([0, 0]);

    await postJson(t, `/api/ops/claims/${claim.claimNo}/decide`, { decision: 'refund', note: '' }, staff);
    const paid = await returnShirt();
    expect(paid.status).toBe(422);
    expect((await paid.json()).error.details.refusals[0].message.en).toContain('refunded through a claim');
    expect((await counts(t)).returns).toBe(0);
    expect((await counts(t)).paid).toBe(1);
  });

  it('lets a return through once the parcel\'s claim was rejected', async () => {
    const f = await deliveredParcel(t);
    const claim = await (await postJson(t, '/api/claims', { trackingNo: f.parcel.trackingNo, kind: 'not_received', note: '' }, f.customer)).json();
    await postJson(t, `/api/ops/claims/${claim.claimNo}/decide`, { decision: 'reject', note: '签收照片显示已放入门口' }, staff);
    const res = await postJson(t, '/api/returns', { trackingNo: f.parcel.trackingNo, items: [{ orderItemId: f.shirt, quantity: 1 }], reasonCode: 'size_fit', reasonDetail: 'too_large', condition: 'opened', method: 'dropoff' }, f.customer);
    expect(res.status).toBe(201);
    expect((await (await t.app.request(`/api/returns/options?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } })).json()).returnBlockedBy).toBeNull();
  });

  it('a claim and a return of the same parcel sent at once: exactly one is accepted', async () => {
    for (const phone of ['13500001111', '13500002222', '13500003333']) {
      const f = await deliveredParcel(t, phone);
      const [claim, ret] = await Promise.all([
        postJson(t, '/api/claims', { trackingNo: f.parcel.trackingNo, kind: 'not_received', note: '' }, f.customer),
        postJson(t, '/api/returns', { trackingNo: f.parcel.trackingNo, items: [{ orderItemId: f.shirt, quantity: 1 }], reasonCode: 'size_fit', reasonDetail: 'too_large', condition: 'opened', method: 'dropoff' }, f.customer),
      ]);
      expect([claim.status, ret.status].filter((s) => s === 201)).toHaveLength(1);
      const claims = await t.db.selectFrom('parcel_claims').select('id').where('shipment_id', '=', f.parcel.shipmentId).execute();
      const returns = await t.db.selectFrom('return_requests').select('id').where('shipment_id', '=', f.parcel.shipmentId).execute();
      expect(claims.length + returns.length).toBe(1);
    }
  });

  it('closes a received return with nothing left to pay instead of leaving it waiting for money', async () => {
    const f = await deliveredParcel(t);
    const created = await (
      await postJson(t, '/api/returns', { trackingNo: f.parcel.trackingNo, items: [{ orderItemId: f.shirt, quantity: 1 }], reasonCode: 'size_fit', reasonDetail: 'too_large', condition: 'opened', method: 'dropoff' }, f.customer)
    ).json();
    await postJson(t, `/api/ops/returns/${created.returnNo}/receive`, { items: [{ orderItemId: f.shirt, acceptedQuantity: 1, damagedQuantity: 0 }], override: DROPOFF_OVERRIDE }, staff);
    // Everything the order paid went back another way (a goodwill refund recorded straight in the ledger).
    await t.db
      .insertInto('refunds')
      .values({ order_id: f.parcel.orderId, return_id: null, claim_id: null, idempotency_key: 'goodwill:1', amount_fen: 34_700, status: 'succeeded', provider: 'simulated', provider_reference: 'SIM-X', requested_by: null, created_at: t.now(), completed_at: t.now() })
      .execute();
    const res = await postJson(t, `/api/ops/returns/${created.returnNo}/refund`, {}, staff);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('closed');
    expect(body.refund).toBeNull();
    expect(body.events[0]).toMatchObject({ status: 'closed', fact: 'nothing_to_refund' });
  });

  it('refuses claims the parcel does not allow, bad bodies, and strangers', async () => {
    const f = await deliveredParcel(t);
    const before = await counts(t);
    expect((await postJson(t, '/api/claims', { trackingNo: f.parcel.trackingNo, kind: 'lost', note: '' }, f.customer)).status).toBe(409);
    expect((await postJson(t, '/api/claims', { trackingNo: f.parcel.trackingNo, kind: 'stolen', note: '' }, f.customer)).status).toBe(400);
    expect((await postJson(t, '/api/claims', { trackingNo: f.parcel.trackingNo, kind: 'not_received', note: '', x: 1 }, f.customer)).status).toBe(400);
    expect((await postJson(t, '/api/claims', { trackingNo: f.parcel.trackingNo, kind: 'not_received', note: '' }, '')).status).toBe(403);
    expect((await postJson(t, '/api/ops/claims/CL000000000000/decide', { decision: 'refund', note: '' }, staff)).status).toBe(404);
    expect(await counts(t)).toEqual(before);
    // Too long after delivery for a "never received".
    t.setNow(Date.UTC(2026, 11, 20));
    const late = await verifyCustomer(t, f.parcel.trackingNo, '4321');
    expect((await postJson(t, '/api/claims', { trackingNo: f.parcel.trackingNo, kind: 'not_received', note: '' }, late)).status).toBe(409);
  });

  it('needs a note to reject, and staff only', async () => {
    const f = await deliveredParcel(t);
    const claim = await (await postJson(t, '/api/claims', { trackingNo: f.parcel.trackingNo, kind: 'not_received', note: '' }, f.customer)).json();
    expect((await postJson(t, `/api/ops/claims/${claim.claimNo}/decide`, { decision: 'reject', note: '' }, staff)).status).toBe(400);
    expect((await postJson(t, `/api/ops/claims/${claim.claimNo}/decide`, { decision: 'refund', note: '' }, f.customer)).status).toBe(401);
    const rejected = await (await postJson(t, `/api/ops/claims/${claim.claimNo}/decide`, { decision: 'reject', note: '签收照片显示已放入门口' }, staff)).json();
    expect(rejected).toMatchObject({ status: 'rejected', decisionNote: '签收照片显示已放入门口' });
  });
});
