import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendDueNotifications } from '../../server/domain/notifications/notification-sender';
import { cancelOverdueOrders } from '../../server/domain/order-lifecycle/order-cancel';
import { createTestApp } from '../support/test-app';
import type { ShopOrderView, SkuStockView } from '../../shared/api/shop';
import type { ErrorBody } from '../support/shop-fixtures';
import { BUYER, seedShop, shopJson, shopKey, shopRequest, stockBooks } from '../support/shop-fixtures';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let key: string;

beforeEach(async () => {
  t = await createTestApp({ paymentDeadlineMs: 30 * 60_000 });
  key = await shopKey(t);
  await seedShop(t, key, { sh: 20, gz: 5 });
});
afterEach(() => t.dispose());

const order = (lines: { sku: string; quantity: number; priceFen?: number }[], extra: Record<string, unknown> = {}) => ({ customer: BUYER, lines, ...extra });
const count = async (table: 'orders' | 'order_items' | 'stock_ledger' | 'coupon_redemptions' | 'customers') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('POST /api/shop/orders', () => {
  it('prices from the catalog, ships from the warehouse serving the province, and reserves the stock with the order', async () => {
    const created = await shopJson<ShopOrderView>(t, key, '/orders', { body: order([{ sku: 'TEE-WHITE-L', quantity: 2, priceFen: 7900 }, { sku: 'MUG-350', quantity: 1 }]) }, 201);
    expect(created).toMatchObject({ status: 'pending_payment', itemsTotalFen: 2 * 7900 + 3500, discountFen: 0, shippingFen: 0, totalFen: 19300, payBy: t.now() + 30 * 60_000, paidAt: null });
    expect(created.orderNo).toMatch(/^\d{18}$/);
    expect(created.lines.map((l) => [l.sku, l.quantity, l.warehouse])).toEqual([
      ['TEE-WHITE-L', 2, 'GZ01'],
      ['MUG-350', 1, 'GZ01'],
    ]);
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).toEqual({ onHand: 5, reserved: 2, available: 3, ledgerOnHand: 5, ledgerReserved: 2 });
    const stock = await shopJson<SkuStockView>(t, key, '/stock/TEE-WHITE-L');
    expect(stock.warehouses).toEqual([
      { warehouse: 'GZ01', onHand: 5, reserved: 2, available: 3, safetyStock: 0 },
      { warehouse: 'SH01', onHand: 20, reserved: 0, available: 20, safetyStock: 0 },
    ]);
    expect(await shopJson<ShopOrderView>(t, key, `/orders/${created.orderNo}`)).toEqual(created);
  });

  it('takes the whole order from another warehouse when the nearest has not got all of it, and splits only when none has', async () => {
    const whole = await shopJson<ShopOrderView>(t, key, '/orders', { body: order([{ sku: 'TEE-WHITE-L', quantity: 8 }]) }, 201);
    expect(whole.lines.map((l) => [l.quantity, l.warehouse])).toEqual([[8, 'SH01']]);
    const split = await shopJson<ShopOrderView>(t, key, '/orders', { body: order([{ sku: 'MUG-350', quantity: 23 }]) }, 201);
    expect(split.lines.map((l) => [l.quantity, l.warehouse])).toEqual([
      [5, 'GZ01'],
      [18, 'SH01'],
    ]);
  });

  it('refuses 409 out_of_stock naming the short lines, and changes nothing', async () => {
    const before = { orders: await count('orders'), ledger: await count('stock_ledger'), customers: await count('customers') };
    const res = await shopRequest(t, key, '/orders', { body: order([{ sku: 'TEE-WHITE-L', quantity: 26 }, { sku: 'MUG-350', quantity: 1 }]) });
    expect(res.status).toBe(409);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('out_of_stock');
    expect(body.error.details?.lines).toEqual([{ sku: 'TEE-WHITE-L', requested: 26, available: 25 }]);
    expect({ orders: await count('orders'), ledger: await count('stock_ledger'), customers: await count('customers') }).toEqual(before);
  });

  it('refuses a price the catalog does not have (409 price_changed), unknown SKUs (422) and bad bodies (400), changing nothing', async () => {
    const changed = await shopRequest(t, key, '/orders', { body: order([{ sku: 'TEE-WHITE-L', quantity: 1, priceFen: 6900 }]) });
    expect(changed.status).toBe(409);
    expect(((await changed.json()) as ErrorBody).error).toMatchObject({ code: 'price_changed', details: { lines: [{ sku: 'TEE-WHITE-L', claimedPriceFen: 6900, priceFen: 7900 }] } });
    const unknown = await shopRequest(t, key, '/orders', { body: order([{ sku: 'NOPE-1', quantity: 1 }]) });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as ErrorBody).error.code).toBe('unknown_sku');
    for (const bad of [
      order([]),
      order([{ sku: 'TEE-WHITE-L', quantity: 0 }]),
      order([{ sku: 'TEE-WHITE-L', quantity: 1 }, { sku: 'TEE-WHITE-L', quantity: 1 }]),
      { ...order([{ sku: 'TEE-WHITE-L', quantity: 1 }]), customer: { ...BUYER, phone: '12345' } },
      { ...order([{ sku: 'TEE-WHITE-L', quantity: 1 }]), surprise: true },
      'not json',
    ]) {
      const res = await shopRequest(t, key, '/orders', { body: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await count('orders')).toBe(0);
    expect((await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).reserved).toBe(0);
  });

  it('applies coupons, counts each use once, and refuses what does not apply', async () => {
    await shopJson(t, key, '/coupons/MAN100-15', { method: 'PUT', body: { kind: 'threshold', amountOffFen: 1500, thresholdFen: 10000, perCustomerLimit: 1 } }, 201);
    await shopJson(t, key, '/coupons/NINE', { method: 'PUT', body: { kind: 'percentage', percentOff: 10, totalLimit: 5 } }, 201);
    const created = await shopJson<ShopOrderView>(t, key, '/orders', { body: order([{ sku: 'TEE-WHITE-L', quantity: 2 }], { couponCodes: ['MAN100-15', 'NINE'] }) }, 201);
    // 15800 − 1500 = 14300, then 10 % of that, rounded down to the fen: 1430.
    expect(created).toMatchObject({ itemsTotalFen: 15800, discountFen: 2930, totalFen: 12870, coupons: [{ code: 'MAN100-15', discountFen: 1500 }, { code: 'NINE', discountFen: 1430 }] });
    const again = await shopRequest(t, key, '/orders', { body: order([{ sku: 'TEE-WHITE-L', quantity: 2 }], { couponCodes: ['MAN100-15'] }) });
    expect(again.status).toBe(422);
    expect(((await again.json()) as ErrorBody).error).toMatchObject({ code: 'coupon_not_applicable', details: { coupons: [{ code: 'MAN100-15', reason: 'coupon_customer_limit_reached' }] } });
    const unknown = await shopRequest(t, key, '/orders', { body: order([{ sku: 'TEE-WHITE-L', quantity: 1 }], { couponCodes: ['NOSUCH'] }) });
    expect(((await unknown.json()) as ErrorBody).error.code).toBe('coupon_not_found');
    expect(await count('coupon_redemptions')).toBe(2);
    const nine = await t.db.selectFrom('coupons').select('used_count').where('code', '=', 'NINE').executeTakeFirstOrThrow();
    expect(nine.used_count).toBe(1);
  });

  it('is answered from the stored answer when the same Idempotency-Key comes again, and 422 with another body', async () => {
    const body = order([{ sku: 'MUG-350', quantity: 1 }]);
    const first = await shopRequest(t, key, '/orders', { body, idempotencyKey: 'order-7781' });
    const second = await shopRequest(t, key, '/orders', { body, idempotencyKey: 'order-7781' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual(await first.json());
    expect(await count('orders')).toBe(1);
    const other = await shopRequest(t, key, '/orders', { body: order([{ sku: 'MUG-350', quantity: 2 }]), idempotencyKey: 'order-7781' });
    expect(other.status).toBe(422);
    const missing = await shopRequest(t, key, '/orders', { body, idempotencyKey: null });
    expect(missing.status).toBe(400);
    expect(await count('orders')).toBe(1);
  });

  it('is the shop key’s alone: no key 401, a revoked or made-up key 401', async () => {
    const res = await t.app.request('/api/shop/orders', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'x1' }, body: JSON.stringify(order([{ sku: 'MUG-350', quantity: 1 }])) });
    expect(res.status).toBe(401);
    expect((await shopRequest(t, 'dsk_live_madeup', '/orders', { body: order([{ sku: 'MUG-350', quantity: 1 }]) })).status).toBe(401);
    expect(await count('orders')).toBe(0);
  });
});

describe('payment and cancellation', () => {
  const place = async (quantity = 1) => shopJson<ShopOrderView>(t, key, '/orders', { body: order([{ sku: 'TEE-WHITE-L', quantity }]) }, 201);

  it('pays once through the provider; a second payment is refused 409', async () => {
    const placed = await place();
    const paid = await shopJson<ShopOrderView>(t, key, `/orders/${placed.orderNo}/payments`, { body: {} });
    expect(paid).toMatchObject({ status: 'paid', paidAt: t.now(), payBy: null });
    const again = await shopRequest(t, key, `/orders/${placed.orderNo}/payments`, { body: {} });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error.code).toBe('order_already_paid');
    const payments = await t.db.selectFrom('payments').selectAll().execute();
    expect(payments).toHaveLength(1);
    expect(payments[0]!.amount_fen).toBe(placed.totalFen);
    expect((await shopRequest(t, key, '/orders/2026112100000099999/payments', { body: {} })).status).toBe(404);
    expect((await shopRequest(t, key, '/orders/abc/payments', { body: {} })).status).toBe(400);
  });

  it('cancels until shipped: stock back, coupon use back, and a paid order refunded in full once', async () => {
    await shopJson(t, key, '/coupons/ONCE', { method: 'PUT', body: { kind: 'fixed', amountOffFen: 500, totalLimit: 1 } }, 201);
    const placed = await shopJson<ShopOrderView>(t, key, '/orders', { body: order([{ sku: 'TEE-WHITE-L', quantity: 3 }], { couponCodes: ['ONCE'] }) }, 201);
    await shopJson(t, key, `/orders/${placed.orderNo}/payments`, { body: {} });
    const cancelled = await shopJson<ShopOrderView>(t, key, `/orders/${placed.orderNo}/cancel`, { body: { reason: '买家不想要了' } });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '买家不想要了', refundedFen: placed.totalFen });
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).toEqual({ onHand: 5, reserved: 0, available: 5, ledgerOnHand: 5, ledgerReserved: 0 });
    const coupon = await t.db.selectFrom('coupons').select('used_count').where('code', '=', 'ONCE').executeTakeFirstOrThrow();
    expect(coupon.used_count).toBe(0);
    const again = await shopRequest(t, key, `/orders/${placed.orderNo}/cancel`, { body: {} });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error.code).toBe('order_already_cancelled');
    expect(await t.db.selectFrom('simulated_provider_refunds').selectAll().execute()).toHaveLength(1);
    expect((await shopRequest(t, key, `/orders/${placed.orderNo}/payments`, { body: {} })).status).toBe(409);
  });

  it('tells the customer once per event: paid, cancelled, refunded — each an SMS in the outbox', async () => {
    const placed = await place(2);
    await shopJson(t, key, `/orders/${placed.orderNo}/payments`, { body: {} });
    await shopJson(t, key, `/orders/${placed.orderNo}/cancel`, { body: { reason: '买家不想要了' } });
    const messages = await t.db.selectFrom('notifications').select(['template', 'recipient', 'body', 'status']).orderBy('id').execute();
    expect(messages.map((m) => m.template)).toEqual(['order_confirmed', 'order_cancelled', 'order_refunded']);
    expect(messages.every((m) => m.recipient === BUYER.phone && m.status === 'pending')).toBe(true);
    expect(messages[0]!.body).toContain(`/o/${placed.orderNo}`);
    expect(messages[2]!.body).toContain(`¥${placed.totalFen / 100}.00`);
    expect((await sendDueNotifications(t.db, t.deps.sms, t.now())).sent).toBe(3);
    expect(await t.db.selectFrom('simulated_sms_messages').select('recipient').execute()).toHaveLength(3);
  });

  it('cancels unpaid orders past their deadline and releases their stock exactly once, however often the job runs', async () => {
    const late = await place(2);
    t.setNow(t.now() + 10 * 60_000);
    const onTime = await place(1);
    t.setNow(late.payBy!);
    const runs = await Promise.all([cancelOverdueOrders(t.db, t.deps.payments, t.now()), cancelOverdueOrders(t.db, t.deps.payments, t.now())]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await cancelOverdueOrders(t.db, t.deps.payments, t.now())).toBe(0);
    expect((await shopJson<ShopOrderView>(t, key, `/orders/${late.orderNo}`)).status).toBe('cancelled');
    expect((await shopJson<ShopOrderView>(t, key, `/orders/${onTime.orderNo}`)).status).toBe('pending_payment');
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).toEqual({ onHand: 5, reserved: 1, available: 4, ledgerOnHand: 5, ledgerReserved: 1 });
    const releases = await t.db.selectFrom('stock_ledger').select('id').where('kind', '=', 'release').execute();
    expect(releases).toHaveLength(1);
    const pay = await shopRequest(t, key, `/orders/${late.orderNo}/payments`, { body: {} });
    expect(((await pay.json()) as ErrorBody).error.code).toBe('order_cancelled');
  });
});
