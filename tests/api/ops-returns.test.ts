import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settlementPreview } from '../../client/components/ops/ops-settlement-preview';
import { DEFAULT_RETURN_POLICY } from '../../shared/returns/return-policy';
import { saveReturnPolicy } from '../../server/domain/settings/return-policy-repository';
import { report, signIn, sync } from '../support/courier-fixtures';
import { createTestApp } from '../support/test-app';
import { counts, customerPhoto, deliverReturnBack, deliveredParcel, DROPOFF_OVERRIDE, postJson, staffCookie } from '../support/return-fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
let f: Awaited<ReturnType<typeof deliveredParcel>>;
let staff: string;

const shirtReturn = (over: Record<string, unknown> = {}) => ({
  trackingNo: f.parcel.trackingNo,
  items: [{ orderItemId: f.shirt, quantity: 2 }],
  reasonCode: 'size_fit',
  reasonDetail: 'too_large',
  condition: 'opened',
  method: 'dropoff',
  ...over,
});

async function createReturn(over: Record<string, unknown> = {}) {
  const res = await postJson(t, '/api/returns', shirtReturn(over), f.customer);
  expect(res.status).toBe(201);
  return res.json();
}

const detail = async (returnNo: string) => (await t.app.request(`/api/ops/returns/${returnNo}`, { headers: { cookie: staff } })).json();
// A drop-off is received on the desk's word (nothing records the hand-in); a pickup once delivered back.
const receiveAll = (returnNo: string, accepted = 2, damaged = 0, extra: Record<string, unknown> = { override: DROPOFF_OVERRIDE }) =>
  postJson(t, `/api/ops/returns/${returnNo}/receive`, { items: [{ orderItemId: f.shirt, acceptedQuantity: accepted, damagedQuantity: damaged }], ...extra }, staff);

beforeEach(async () => {
  t = await createTestApp();
  f = await deliveredParcel(t);
  staff = await staffCookie(t);
});
afterEach(() => t.dispose());

describe('the after-sales desk', () => {
  it('reviews a return over the auto-approve limit, then receives, inspects and refunds it', async () => {
    await saveReturnPolicy(t.db, { ...DEFAULT_RETURN_POLICY, autoApproveLimitFen: 10_000 }, { at: t.now(), who: 'test' });
    const created = await createReturn();
    expect(created.status).toBe('needs_review');

    const queue = await (await t.app.request('/api/ops/returns?status=needs_review', { headers: { cookie: staff } })).json();
    expect(queue.returns.map((r: { returnNo: string }) => r.returnNo)).toEqual([created.returnNo]);
    expect(queue.counts).toEqual({ needs_review: 1 });
    expect((await detail(created.returnNo)).reviewReasons).toEqual(['over_auto_approve_limit']);

    const approved = await (await postJson(t, `/api/ops/returns/${created.returnNo}/review`, { decision: 'approve', note: '' }, staff)).json();
    expect(approved.status).toBe('awaiting_dropoff');
    expect(approved.dropoffCode).toMatch(/^[A-Z2-9]{8}$/);

    // One shirt accepted, one came back worn: only the accepted one is refunded.
    const received = await (await receiveAll(created.returnNo, 1, 1)).json();
    expect(received.status).toBe('received');
    expect(received.items[0]).toMatchObject({ acceptedQuantity: 1, damagedQuantity: 1 });
    expect(received.settlement.totalFen).toBe(7679);

    const refunded = await (await postJson(t, `/api/ops/returns/${created.returnNo}/refund`, {}, staff)).json();
    expect(refunded.status).toBe('refunded');
    expect(refunded.refund).toMatchObject({ amountFen: 7679, status: 'succeeded' });
    expect(refunded.refund.reference).toMatch(/^SIM-/);
    expect(refunded.orderRefundedFen).toBe(7679);

    const customerView = await (await t.app.request(`/api/returns/${created.returnNo}`, { headers: { cookie: f.customer } })).json();
    expect(customerView.status).toBe('refunded');
    expect(customerView.refund.amountFen).toBe(7679);
    // The provider's word on when the money arrives, kept with the refund for the customer.
    expect(customerView.refund.usualArrival).toEqual({ minWorkingDays: 1, maxWorkingDays: 3 });
    expect(customerView.events.map((e: { status: string }) => e.status)).toEqual(['refunded', 'received', 'awaiting_dropoff', 'approved', 'needs_review', 'requested']);
    // Notes are people's words only: no amounts or codes the system wrote.
    expect(customerView.events.map((e: { note: string | null }) => e.note)).toEqual([null, null, null, null, null, null]);
  });

  it('rejects with a note, which the customer sees', async () => {
    await saveReturnPolicy(t.db, { ...DEFAULT_RETURN_POLICY, autoApproveLimitFen: 100 }, { at: t.now(), who: 'test' });
    const created = await createReturn();
    expect((await postJson(t, `/api/ops/returns/${created.returnNo}/review`, { decision: 'reject', note: '' }, staff)).status).toBe(400);
    const rejected = await (await postJson(t, `/api/ops/returns/${created.returnNo}/review`, { decision: 'reject', note: '吊牌已剪，影响二次销售' }, staff)).json();
    expect(rejected.status).toBe('rejected');
    const seen = await (await t.app.request(`/api/returns/${created.returnNo}`, { headers: { cookie: f.customer } })).json();
    expect(seen.decisionNote).toBe('吊牌已剪，影响二次销售');
    expect((await postJson(t, `/api/ops/returns/${created.returnNo}/review`, { decision: 'approve', note: '' }, staff)).status).toBe(409);
  });

  it('refunds once however often refund is pressed, one after another or all at once', async () => {
    const created = await createReturn();
    await receiveAll(created.returnNo);
    const first = await postJson(t, `/api/ops/returns/${created.returnNo}/refund`, {}, staff);
    const again = await postJson(t, `/api/ops/returns/${created.returnNo}/refund`, {}, staff);
    expect([first.status, again.status]).toEqual([200, 200]);
    const second = await createReturnForEarbuds();
    await postJson(t, `/api/ops/returns/${second}/receive`, { items: [{ orderItemId: f.earbuds, acceptedQuantity: 1, damagedQuantity: 0 }], override: DROPOFF_OVERRIDE }, staff);
    const burst = await Promise.all(Array.from({ length: 8 }, () => postJson(t, `/api/ops/returns/${second}/refund`, {}, staff)));
    expect(burst.map((r) => r.status)).toEqual(Array(8).fill(200));
    const c = await counts(t);
    expect(c.refunds).toBe(2);
    expect(c.paid).toBe(2);
    const paid = await t.db.selectFrom('simulated_provider_refunds').select(['amount_fen']).orderBy('created_at').execute();
    // Both shirts and the earbuds, refunded in two returns: exactly what was paid, to the fen.
    expect(paid.map((p) => p.amount_fen).reduce((a, b) => a + b, 0)).toBe(34_700);
    const refundEvents = await t.db.selectFrom('return_events').select('status').where('status', '=', 'refunded').execute();
    expect(refundEvents).toHaveLength(2);
  });

  async function createReturnForEarbuds(): Promise<string> {
    // Earbuds have no size: a no-reason return, which asks no detail and is settled alike.
    const created = await createReturn({ items: [{ orderItemId: f.earbuds, quantity: 1 }], reasonCode: 'no_reason', reasonDetail: null });
    return created.returnNo;
  }

  it('will not refund before the parcel is received, or receive more than came back', async () => {
    const created = await createReturn();
    const early = await postJson(t, `/api/ops/returns/${created.returnNo}/refund`, {}, staff);
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe('not_ready_for_refund');
    const before = await counts(t);
    expect((await receiveAll(created.returnNo, 2, 1)).status).toBe(400);
    expect((await postJson(t, `/api/ops/returns/${created.returnNo}/receive`, { items: [{ orderItemId: f.earbuds, acceptedQuantity: 1, damagedQuantity: 0 }], override: DROPOFF_OVERRIDE }, staff)).status).toBe(400);
    expect((await postJson(t, `/api/ops/returns/${created.returnNo}/receive`, { items: [], override: DROPOFF_OVERRIDE }, staff)).status).toBe(400);
    expect((await postJson(t, `/api/ops/returns/${created.returnNo}/receive`, { items: [{ orderItemId: f.shirt, acceptedQuantity: -1, damagedQuantity: 0 }], override: DROPOFF_OVERRIDE }, staff)).status).toBe(400);
    expect(await counts(t)).toEqual(before);
    expect((await detail(created.returnNo)).status).toBe('awaiting_dropoff');
  });

  it('answers filters it does not understand with 400 and unknown returns with 404', async () => {
    for (const query of ['status=lost', 'from=2026-13-01', 'from=2026-11-20&to=2026-11-01', 'limit=0', 'reason=bored', 'colour=red']) {
      expect((await t.app.request(`/api/ops/returns?${query}`, { headers: { cookie: staff } })).status, query).toBe(400);
    }
    expect((await t.app.request('/api/ops/returns/RT000000000000', { headers: { cookie: staff } })).status).toBe(404);
    expect((await postJson(t, '/api/ops/returns/RT000000000000/refund', {}, staff)).status).toBe(404);
    expect((await t.app.request('/api/ops/claims?status=maybe', { headers: { cookie: staff } })).status).toBe(400);
  });

  it('is closed to customers and couriers', async () => {
    const created = await createReturn();
    const courier = await signIn(t, f.courier.phone);
    for (const cookie of ['', f.customer, courier]) {
      const expected = cookie === courier ? 403 : 401;
      expect((await t.app.request('/api/ops/returns', { headers: { cookie } })).status).toBe(expected);
      expect((await t.app.request(`/api/ops/returns/${created.returnNo}`, { headers: { cookie } })).status).toBe(expected);
      expect((await postJson(t, `/api/ops/returns/${created.returnNo}/review`, { decision: 'approve', note: '' }, cookie)).status).toBe(expected);
      expect((await postJson(t, `/api/ops/returns/${created.returnNo}/refund`, {}, cookie)).status).toBe(expected);
      expect((await t.app.request('/api/ops/claims', { headers: { cookie } })).status).toBe(expected);
    }
    expect((await detail(created.returnNo)).status).toBe('awaiting_dropoff');
  });
});

describe('the order of the returns list', () => {
  const HOUR = 3_600_000;
  const numbers = async (query: string) =>
    ((await (await t.app.request(`/api/ops/returns?${query}`, { headers: { cookie: staff } })).json()).returns as { returnNo: string }[]).map((r) => r.returnNo);

  it('follows the request date shown: a work queue oldest first, all returns newest first, whatever changed last', async () => {
    await saveReturnPolicy(t.db, { ...DEFAULT_RETURN_POLICY, autoApproveLimitFen: 100 }, { at: t.now(), who: 'test' });
    const start = t.now();
    const requested: string[] = [];
    for (const [i, items] of [[{ orderItemId: f.shirt, quantity: 1 }], [{ orderItemId: f.shirt, quantity: 1 }], [{ orderItemId: f.earbuds, quantity: 1 }]].entries()) {
      t.setNow(start + i * HOUR);
      requested.push((await createReturn({ items, ...(i === 2 ? { reasonCode: 'no_reason', reasonDetail: null } : {}) })).returnNo);
    }
    const [first, second, third] = requested as [string, string, string];
    expect(await numbers('status=needs_review')).toEqual([first, second, third]);
    // Approved in another order: the last change no longer follows the request date.
    for (const [i, returnNo] of [second, first, third].entries()) {
      t.setNow(start + (5 + i) * HOUR);
      expect((await postJson(t, `/api/ops/returns/${returnNo}/review`, { decision: 'approve', note: '' }, staff)).status).toBe(200);
    }

    expect(await numbers('status=pickup_scheduled,awaiting_dropoff,picked_up')).toEqual([first, second, third]);
    expect(await numbers('')).toEqual([third, second, first]);
    // Pages keep the order.
    expect([...(await numbers('limit=2')), ...(await numbers('limit=2&offset=2'))]).toEqual([third, second, first]);
  });
});

describe('the refund previewed during inspection', () => {
  const basisOf = async (returnNo: string, cookie = staff) => t.app.request(`/api/ops/returns/${returnNo}/settlement-basis`, { headers: { cookie } });

  it.each([
    [2, 0, 15_357],
    [1, 1, 7_679],
    [1, 0, 7_679],
    [0, 2, 0],
    [0, 0, 0],
  ])('%d accepted, %d damaged: the preview from the basis is the settlement the server stores (%d fen)', async (accepted, damaged, totalFen) => {
    const created = await createReturn();
    const res = await basisOf(created.returnNo);
    expect(res.status).toBe(200);
    const lines = [{ orderItemId: f.shirt, quantity: 2, acceptedQuantity: accepted, damagedQuantity: damaged }];
    const preview = settlementPreview(await res.json(), lines);
    expect(preview.totalFen).toBe(totalFen);
    const received = await (await receiveAll(created.returnNo, accepted, damaged)).json();
    expect(received.settlement).toEqual(preview);
  });

  it('counts the units an earlier return took, and the return-shipping fee of a pickup', async () => {
    const earlier = await createReturn({ items: [{ orderItemId: f.shirt, quantity: 1 }] });
    const options = await (await t.app.request(`/api/returns/options?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } })).json();
    const later = await createReturn({ items: [{ orderItemId: f.shirt, quantity: 1 }], method: 'pickup', pickupSlotStart: options.pickupSlots[0].start });
    // The courier has not collected it yet: nothing to settle.
    expect((await basisOf(later.returnNo)).status).toBe(409);
    const courier = await signIn(t, f.courier.phone);
    const stop = (await (await t.app.request('/api/courier/manifest', { headers: { cookie: courier } })).json()).stops.find((s: { kind: string }) => s.kind === 'pickup');
    // Collected on the day the customer booked (not before: see courier-route.test.ts).
    t.setNow(options.pickupSlots[0].start + 10 * 60_000);
    await sync(t, courier, [report({ trackingNo: stop.trackingNo, kind: 'picked_up', shipmentVersion: stop.version, occurredAt: options.pickupSlots[0].start + 5 * 60_000 })]);

    const basis = await (await basisOf(later.returnNo)).json();
    expect(basis).toMatchObject({ alreadyReturned: [{ orderItemId: f.shirt, quantity: 1 }], method: 'pickup', sellerFault: false, returnShippingFeeFen: 1_000 });
    const preview = settlementPreview(basis, [{ orderItemId: f.shirt, quantity: 1, acceptedQuantity: 1, damagedQuantity: 0 }]);
    // The second shirt is the unit without the odd fen; the pickup's fee comes off.
    expect(preview.totalFen).toBe(7_678 - 1_000);
    await deliverReturnBack(t, courier, stop.trackingNo);
    const received = await (await receiveAll(later.returnNo, 1, 0, {})).json();
    expect(received.status).toBe('received');
    expect(received.settlement).toEqual(preview);
    expect(earlier.status).toBe('awaiting_dropoff');
  });

  it('answers 409 once the return is received, 404 for none, and only to staff', async () => {
    const created = await createReturn();
    const courier = await signIn(t, f.courier.phone);
    expect((await basisOf(created.returnNo, '')).status).toBe(401);
    expect((await basisOf(created.returnNo, f.customer)).status).toBe(401);
    expect((await basisOf(created.returnNo, courier)).status).toBe(403);
    expect((await basisOf('RT000000000000')).status).toBe(404);
    await receiveAll(created.returnNo);
    const late = await basisOf(created.returnNo);
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe('not_awaiting_receipt');
  });
});

describe('a courier pickup, through the offline outbox', () => {
  it('moves the return to picked up; a failed pickup goes on its timeline', async () => {
    const options = await (await t.app.request(`/api/returns/options?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } })).json();
    const created = await createReturn({ method: 'pickup', pickupSlotStart: options.pickupSlots[0].start });
    const courier = await signIn(t, f.courier.phone);
    const stop = (await (await t.app.request('/api/courier/manifest', { headers: { cookie: courier } })).json()).stops.find(
      (s: { kind: string }) => s.kind === 'pickup',
    );
    const failed = report({ trackingNo: stop.trackingNo, kind: 'failed_attempt', reasonCode: 'recipient_unavailable', shipmentVersion: stop.version, occurredAt: Date.UTC(2026, 10, 22, 1, 30) });
    const collected = report({ trackingNo: stop.trackingNo, kind: 'picked_up', shipmentVersion: stop.version + 1, occurredAt: Date.UTC(2026, 10, 22, 2) });
    // Sent after the visit (a report is never dated after the server receives it).
    t.setNow(Date.UTC(2026, 10, 22, 2, 30));
    const res = await (await sync(t, courier, [failed, collected])).json();
    expect(res.results.map((r: { outcome: string }) => r.outcome)).toEqual(['applied', 'applied']);

    const seen = await (await t.app.request(`/api/returns/${created.returnNo}`, { headers: { cookie: f.customer } })).json();
    expect(seen.status).toBe('picked_up');
    expect(seen.canCancel).toBe(false);
    expect(seen.events[0]).toMatchObject({ status: 'picked_up', actor: 'courier', occurredAt: Date.UTC(2026, 10, 22, 2) });
    expect(seen.events[1]).toMatchObject({ status: 'pickup_scheduled', fact: 'pickup_failed', reasonCode: 'recipient_unavailable', note: null });
    // The same batch again changes nothing.
    const again = await (await sync(t, courier, [failed, collected])).json();
    expect(again.results.map((r: { outcome: string }) => r.outcome)).toEqual(['duplicate', 'duplicate']);
    expect((await postJson(t, `/api/returns/${created.returnNo}/cancel`, {}, f.customer)).status).toBe(409);

    await deliverReturnBack(t, courier, stop.trackingNo);
    const received = await (await receiveAll(created.returnNo, 2, 0, {})).json();
    expect(received.returnShipment.status).toBe('Delivered');
    // A no-reason pickup: the return shipping fee comes off.
    expect(received.settlement.totalFen).toBe(15_357 - 1_000);
  });

  it('turns a pickup made offline after the customer cancelled into a visible conflict', async () => {
    const options = await (await t.app.request(`/api/returns/options?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } })).json();
    const created = await createReturn({ method: 'pickup', pickupSlotStart: options.pickupSlots[0].start });
    const courier = await signIn(t, f.courier.phone);
    const stop = (await (await t.app.request('/api/courier/manifest', { headers: { cookie: courier } })).json()).stops.find((s: { kind: string }) => s.kind === 'pickup');
    await postJson(t, `/api/returns/${created.returnNo}/cancel`, {}, f.customer);
    const res = await (await sync(t, courier, [report({ trackingNo: stop.trackingNo, kind: 'picked_up', shipmentVersion: stop.version })])).json();
    expect(res.results[0]).toMatchObject({ outcome: 'conflict', code: 'closed' });
    const manifest = await (await t.app.request('/api/courier/manifest', { headers: { cookie: courier } })).json();
    expect(manifest.stops.some((s: { kind: string }) => s.kind === 'pickup')).toBe(false);
  });
});

describe('settling what the customer was promised', () => {
  it('refunds the shipping fee only once the order is emptied by returns that can no longer be cancelled', async () => {
    // This order had ¥10 shipping.
    await t.db.updateTable('orders').set({ shipping_fen: 1_000, paid_total_fen: 35_700 }).where('id', '=', f.parcel.orderId).execute();
    const photo = await customerPhoto(t, f.parcel.trackingNo, f.customer);
    const defect = { reasonCode: 'quality_defect', reasonDetail: 'other_quality', photoIds: [photo] };
    const shirts = await createReturn({ ...defect, items: [{ orderItemId: f.shirt, quantity: 2 }] });
    const earbuds = await createReturn({ ...defect, items: [{ orderItemId: f.earbuds, quantity: 1 }] });
    // The shirts' return is still waiting at the drop-off point: the customer may yet cancel it.
    const first = await (await postJson(t, `/api/ops/returns/${earbuds.returnNo}/receive`, { items: [{ orderItemId: f.earbuds, acceptedQuantity: 1, damagedQuantity: 0 }], override: DROPOFF_OVERRIDE }, staff)).json();
    expect(first.settlement.shippingRefundFen).toBe(0);
    // Once the shirts are back too, their return is the one that empties the order.
    const second = await (await receiveAll(shirts.returnNo)).json();
    expect(second.settlement.shippingRefundFen).toBe(1_000);
  });

  it('deducts the return-shipping fee the customer was quoted, not one changed since', async () => {
    const options = await (await t.app.request(`/api/returns/options?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } })).json();
    const created = await createReturn({ items: [{ orderItemId: f.shirt, quantity: 1 }], method: 'pickup', pickupSlotStart: options.pickupSlots[0].start });
    expect(created.quote.returnShippingFeeFen).toBe(DEFAULT_RETURN_POLICY.returnShippingFeeFen);
    await saveReturnPolicy(t.db, { ...DEFAULT_RETURN_POLICY, returnShippingFeeFen: 5_000 }, { at: t.now(), who: 'test' });
    const courier = await signIn(t, f.courier.phone);
    const stop = (await (await t.app.request('/api/courier/manifest', { headers: { cookie: courier } })).json()).stops.find((s: { kind: string }) => s.kind === 'pickup');
    t.setNow(options.pickupSlots[0].start + 10 * 60_000);
    const collected = report({ trackingNo: stop.trackingNo, kind: 'picked_up', shipmentVersion: stop.version, occurredAt: options.pickupSlots[0].start + 5 * 60_000 });
    expect((await (await sync(t, courier, [collected])).json()).results[0].outcome).toBe('applied');
    await deliverReturnBack(t, courier, stop.trackingNo);
    const received = await (await postJson(t, `/api/ops/returns/${created.returnNo}/receive`, { items: [{ orderItemId: f.shirt, acceptedQuantity: 1, damagedQuantity: 0 }] }, staff)).json();
    expect(received.settlement.returnShippingFeeFen).toBe(created.quote.returnShippingFeeFen);
    expect(received.settlement.totalFen).toBe(created.quote.totalFen);
  });
});

describe('receiving only a parcel that has arrived', () => {
  async function collectedPickup() {
    const options = await (await t.app.request(`/api/returns/options?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } })).json();
    const created = await createReturn({ method: 'pickup', pickupSlotStart: options.pickupSlots[0].start });
    const courier = await signIn(t, f.courier.phone);
    const stop = (await (await t.app.request('/api/courier/manifest', { headers: { cookie: courier } })).json()).stops.find((s: { kind: string }) => s.kind === 'pickup');
    t.setNow(options.pickupSlots[0].start + 10 * 60_000);
    const collected = report({ trackingNo: stop.trackingNo, kind: 'picked_up', shipmentVersion: stop.version, occurredAt: options.pickupSlots[0].start + 5 * 60_000 });
    expect((await (await sync(t, courier, [collected])).json()).results[0].outcome).toBe('applied');
    return { returnNo: created.returnNo as string, legNo: stop.trackingNo as string, courier };
  }

  it('refuses a collected return still in transit, changing nothing, and says so in the detail', async () => {
    const { returnNo } = await collectedPickup();
    expect((await detail(returnNo)).receipt).toBe('in_transit');
    const before = await counts(t);
    const refused = await receiveAll(returnNo, 2, 0, {});
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.error.code).toBe('return_not_arrived');
    expect(body.error.message).toMatch(/still on its way/);
    expect(await counts(t)).toEqual(before);
    const after = await detail(returnNo);
    expect(after.status).toBe('picked_up');
    expect(after.returnShipment.status).toBe('InTransit');
    expect(after.items[0].acceptedQuantity).toBeNull();
  });

  it('receives it once the courier has delivered it back to the shop, with no override recorded', async () => {
    const { returnNo, legNo, courier } = await collectedPickup();
    await deliverReturnBack(t, courier, legNo);
    expect((await detail(returnNo)).receipt).toBe('arrived');
    const res = await receiveAll(returnNo, 2, 0, {});
    expect(res.status).toBe(200);
    const received = await res.json();
    expect(received.status).toBe('received');
    expect(received.receipt).toBe('not_awaiting_receipt');
    expect(received.events.some((e: { fact: string | null }) => e.fact === 'received_without_arrival')).toBe(false);
  });

  it('refuses a drop-off nobody recorded, and receives it on a staff override, recorded on the history for staff only', async () => {
    const created = await createReturn();
    expect((await detail(created.returnNo)).receipt).toBe('dropoff_unrecorded');
    const refused = await receiveAll(created.returnNo, 2, 0, {});
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatchObject({ code: 'return_not_arrived', message: expect.stringMatching(/drop-off point/) });
    expect((await detail(created.returnNo)).status).toBe('awaiting_dropoff');

    const res = await receiveAll(created.returnNo, 2, 0, { override: { reason: '  顾客本人送到门店，核对退货码无误  ' } });
    expect(res.status).toBe(200);
    const received = await res.json();
    expect(received.status).toBe('received');
    expect(received.events[0]).toMatchObject({ status: 'received', actor: 'staff', fact: 'received_without_arrival', note: '顾客本人送到门店，核对退货码无误' });
    const customerView = await (await t.app.request(`/api/returns/${created.returnNo}`, { headers: { cookie: f.customer } })).json();
    expect(customerView.events.some((e: { fact: string | null }) => e.fact === 'received_without_arrival')).toBe(false);
    expect(customerView.status).toBe('received');
  });

  it('receives a return in transit on an override too', async () => {
    const { returnNo } = await collectedPickup();
    const received = await (await receiveAll(returnNo, 2, 0, { override: { reason: '快递员直接送到仓库，未在系统签收' } })).json();
    expect(received.status).toBe('received');
    expect(received.returnShipment.status).toBe('Delivered');
    expect(received.events.filter((e: { fact: string | null }) => e.fact === 'received_without_arrival')).toHaveLength(1);
  });

  it('answers an override without a proper reason with 400 and changes nothing', async () => {
    const created = await createReturn();
    const before = await counts(t);
    for (const override of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(201) }, { reason: '收到\u0007了' }, { reason: '收到', extra: 1 }, 'yes']) {
      expect((await receiveAll(created.returnNo, 2, 0, { override })).status, JSON.stringify(override)).toBe(400);
    }
    expect(await counts(t)).toEqual(before);
    expect((await detail(created.returnNo)).status).toBe('awaiting_dropoff');
  });

  it('lets only staff receive, override or not', async () => {
    const created = await createReturn();
    const courier = await signIn(t, f.courier.phone);
    const body = { items: [{ orderItemId: f.shirt, acceptedQuantity: 2, damagedQuantity: 0 }], override: DROPOFF_OVERRIDE };
    expect((await postJson(t, `/api/ops/returns/${created.returnNo}/receive`, body)).status).toBe(401);
    expect((await postJson(t, `/api/ops/returns/${created.returnNo}/receive`, body, f.customer)).status).toBe(401);
    expect((await postJson(t, `/api/ops/returns/${created.returnNo}/receive`, body, courier)).status).toBe(403);
    expect((await detail(created.returnNo)).status).toBe('awaiting_dropoff');
  });
});
