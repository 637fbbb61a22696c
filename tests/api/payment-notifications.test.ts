import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signNotification } from '../../server/domain/payments/notification-signature';
import { createTestApp } from '../support/test-app';
import type { ShopOrderView } from '../../shared/api/shop';

interface Notified {
  outcome: string;
  repeated: boolean;
}
import { BUYER, seedShop, shopJson, shopKey, stockBooks } from '../support/shop-fixtures';

const SECRET = 'provider-shared-secret-0123456789';
let t: Awaited<ReturnType<typeof createTestApp>>;
let key: string;

beforeEach(async () => {
  t = await createTestApp({ paymentNotifySecret: SECRET });
  key = await shopKey(t);
  await seedShop(t, key);
});
afterEach(() => t.dispose());

const placeOrder = () => shopJson<ShopOrderView>(t, key, '/orders', { body: { customer: BUYER, lines: [{ sku: 'MUG-350', quantity: 2 }] } }, 201);

function notify(body: unknown, options: { secret?: string; at?: number; signature?: string | null } = {}) {
  const text = JSON.stringify(body);
  const signature = options.signature === undefined ? signNotification(options.secret ?? SECRET, text, Math.floor((options.at ?? t.now()) / 1000)) : options.signature;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['doorstep-signature'] = signature;
  return t.app.request('/api/payments/notify', { method: 'POST', headers, body: text });
}

const paid = (orderNo: string, amountFen: number, notificationId = randomUUID()) => ({ notificationId, orderNo, status: 'paid', amountFen, reference: `ALI${notificationId.slice(0, 8)}`, paidAt: t.now() });

describe('POST /api/payments/notify', () => {
  it('marks the order paid once, however often the provider repeats it', async () => {
    const order = await placeOrder();
    const body = paid(order.orderNo, order.totalFen);
    const answers = await Promise.all([notify(body), notify(body), notify(body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const results = await Promise.all(answers.map(async (a) => (await a.json()) as { outcome: string; repeated: boolean }));
    // Every copy gets the same answer; only one of them did anything.
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    expect((await shopJson<ShopOrderView>(t, key, `/orders/${order.orderNo}`)).status).toBe('paid');
    expect(await t.db.selectFrom('payments').selectAll().execute()).toHaveLength(1);
    // A second notification (another id) for the same payment changes nothing either.
    expect(((await (await notify(paid(order.orderNo, order.totalFen))).json()) as Notified).outcome).toBe('already_paid');
  });

  it('refuses unsigned, wrongly signed and stale notifications (401) and changes nothing', async () => {
    const order = await placeOrder();
    const body = paid(order.orderNo, order.totalFen);
    expect((await notify(body, { signature: null })).status).toBe(401);
    expect((await notify(body, { secret: 'another-secret-that-is-long' })).status).toBe(401);
    expect((await notify(body, { at: t.now() - 10 * 60_000 })).status).toBe(401);
    expect((await notify(body, { signature: 't=abc,v1=zz' })).status).toBe(401);
    expect((await shopJson<ShopOrderView>(t, key, `/orders/${order.orderNo}`)).status).toBe('pending_payment');
    expect(await t.db.selectFrom('payment_notifications').selectAll().execute()).toHaveLength(0);
  });

  it('answers bad bodies 400, and records an amount that does not match without marking the order paid', async () => {
    const order = await placeOrder();
    expect((await notify({ orderNo: order.orderNo })).status).toBe(400);
    const text = 'not json at all';
    const raw = await t.app.request('/api/payments/notify', { method: 'POST', headers: { 'content-type': 'application/json', 'doorstep-signature': signNotification(SECRET, text, Math.floor(t.now() / 1000)) }, body: text });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    const wrong = await notify(paid(order.orderNo, order.totalFen - 1));
    expect(((await wrong.json()) as Notified).outcome).toBe('amount_mismatch');
    expect(((await (await notify(paid('2026010100000000001', 100))).json()) as Notified).outcome).toBe('unknown_order');
    expect((await shopJson<ShopOrderView>(t, key, `/orders/${order.orderNo}`)).status).toBe('pending_payment');
  });

  it('refunds money that arrives for an order already cancelled, and keeps its stock released', async () => {
    const order = await placeOrder();
    await shopJson(t, key, `/orders/${order.orderNo}/cancel`, { body: {} });
    const answer = await notify(paid(order.orderNo, order.totalFen));
    expect(((await answer.json()) as Notified).outcome).toBe('order_cancelled');
    const refunds = await t.db.selectFrom('refunds').selectAll().execute();
    expect(refunds.map((r) => [r.amount_fen, r.status])).toEqual([[order.totalFen, 'succeeded']]);
    expect((await stockBooks(t.db, 'MUG-350', 'GZ01')).reserved).toBe(0);
  });

  it('is closed until a secret is configured (503)', async () => {
    const closed = await createTestApp();
    try {
      const res = await closed.app.request('/api/payments/notify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(503);
    } finally {
      await closed.dispose();
    }
  });
});
