import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app';
import { deliveredParcel, DROPOFF_OVERRIDE, postJson, staffCookie } from '../support/return-fixtures';

// A refunded return tells the shop once, however often staff press "refund".
let t: Awaited<ReturnType<typeof createTestApp>>;
let f: Awaited<ReturnType<typeof deliveredParcel>>;
let staff: string;

beforeEach(async () => {
  t = await createTestApp({ webhookAllowPrivate: true });
  f = await deliveredParcel(t);
  staff = await staffCookie(t);
  expect((await postJson(t, '/api/ops/webhooks', { url: 'http://127.0.0.1:9/h', events: ['return.refunded'] }, staff)).status).toBe(201);
}, 30_000);
afterEach(() => t.dispose());

describe('return.refunded', () => {
  it('is queued once, in the transaction that settles the refund', async () => {
    const body = { trackingNo: f.parcel.trackingNo, items: [{ orderItemId: f.shirt, quantity: 2 }], reasonCode: 'size_fit', reasonDetail: 'too_large', condition: 'opened', method: 'dropoff' };
    const created = (await (await postJson(t, '/api/returns', body, f.customer)).json()) as { returnNo: string };
    const received = await postJson(t, `/api/ops/returns/${created.returnNo}/receive`, { items: [{ orderItemId: f.shirt, acceptedQuantity: 2, damagedQuantity: 0 }], override: DROPOFF_OVERRIDE }, staff);
    expect(received.status).toBe(200);
    const presses = await Promise.all(Array.from({ length: 3 }, () => postJson(t, `/api/ops/returns/${created.returnNo}/refund`, {}, staff)));
    expect(presses.map((r) => r.status)).toEqual([200, 200, 200]);
    const refund = await t.db.selectFrom('refunds').select(['amount_fen']).where('return_id', 'is not', null).executeTakeFirstOrThrow();
    const rows = await t.db.selectFrom('webhook_deliveries').select(['event_type', 'payload']).execute();
    expect(rows.map((r) => [r.event_type, (JSON.parse(r.payload) as { data: unknown }).data])).toEqual([
      ['return.refunded', { returnNo: created.returnNo, orderNo: expect.any(String), amountFen: refund.amount_fen, refundedAt: t.now() }],
    ]);
  });
});
