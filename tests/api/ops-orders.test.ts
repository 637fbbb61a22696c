import { sendDueNotifications } from '../../server/domain/notifications/notification-sender';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opsCallers, paidOrder, placeOrder, refusedToOthers, stockedShop } from '../support/ops-stock-fixtures';
import { BUYER, stockBooks } from '../support/shop-fixtures';
import { createTestApp, jsonHeaders } from '../support/test-app';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let staff: string;
let courier: string;

const LI = { name: '李四', phone: '13900001111', address: { province: '上海市', city: '上海市', district: '徐汇区', street: '漕溪北路 88 号' } };
// 21 Nov 2026, 12:00 in Shanghai; 20 Nov 17:00 UTC is already 21 Nov 01:00 there.
const NOON_21 = Date.UTC(2026, 10, 21, 4, 0, 0);
const EARLY_21 = Date.UTC(2026, 10, 20, 17, 0, 0);
const EVENING_19 = Date.UTC(2026, 10, 19, 12, 0, 0);

beforeEach(async () => {
  t = await createTestApp({ shopTimeZone: 'Asia/Shanghai' });
  ({ staff, courier } = await opsCallers(t));
  await stockedShop(t);
});
afterEach(() => t.dispose());

const getJson = async (path: string, expected = 200) => {
  const res = await t.app.request(path, { headers: { cookie: staff } });
  const text = await res.text();
  expect(res.status, `${path}: ${text}`).toBe(expected);
  return JSON.parse(text);
};
const cancel = (orderNo: string, body: unknown, cookie = staff) =>
  t.app.request(`/api/ops/orders/${orderNo}/cancel`, { method: 'POST', headers: { ...jsonHeaders, cookie }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const orderStatus = async (orderNo: string) => (await t.db.selectFrom('orders').select('status').where('order_no', '=', orderNo).executeTakeFirstOrThrow()).status;

async function threeOrders() {
  t.setNow(EVENING_19);
  const first = await placeOrder(t, [{ sku: 'MUG-350', quantity: 1 }], LI);
  t.setNow(EARLY_21);
  const second = await paidOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 2 }, { sku: 'MUG-350', quantity: 1 }]);
  t.setNow(NOON_21);
  const third = await placeOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 9 }]);
  return { first, second, third };
}

describe('GET /api/ops/orders', () => {
  it('lists orders newest first with the masked phone, total, warehouses and units', async () => {
    const { first, second, third } = await threeOrders();
    const list = await getJson('/api/ops/orders');
    expect(list.total).toBe(3);
    expect(list.orders.map((o: { orderNo: string }) => o.orderNo)).toEqual([third, second, first]);
    const paid = list.orders[1];
    const view = await getJson(`/api/ops/orders/${second}`);
    expect(paid).toEqual({
      orderNo: second,
      status: 'paid',
      customerName: '王小明',
      phoneMasked: '138****5678',
      totalFen: view.order.totalFen,
      createdAt: EARLY_21,
      paidAt: EARLY_21,
      payBy: null,
      warehouses: ['GZ01'],
      units: 3,
    });
    // Nine T-shirts: Guangzhou (serving 广东省) has five, so Shanghai ships the whole line.
    expect(list.orders[0]).toMatchObject({ status: 'pending_payment', warehouses: ['SH01'], units: 9, paidAt: null });
    expect(list.orders[0].payBy).toBeGreaterThan(NOON_21);
  });

  it('finds by order-number prefix, whole phone or name; filters by status and shop days; pages', async () => {
    const { first, second, third } = await threeOrders();
    const nos = async (query: string) => (await getJson(`/api/ops/orders?${query}`)).orders.map((o: { orderNo: string }) => o.orderNo);
    expect(await nos(`q=${second.slice(0, 14)}`)).toEqual(expect.arrayContaining([second]));
    expect(await nos(`q=${second}`)).toEqual([second]);
    expect(await nos('q=13900001111')).toEqual([first]);
    // Part of a phone finds nobody: it would show strangers' orders.
    expect(await nos('q=1390000')).toEqual([]);
    expect(await nos(`q=${encodeURIComponent('小明')}`)).toEqual([third, second]);
    expect(await nos(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await nos('status=paid')).toEqual([second]);
    expect(await nos('status=pending_payment')).toEqual([third, first]);
    // Days are the shop's (Shanghai): 20 Nov 17:00 UTC is the 21st there.
    expect(await nos('from=2026-11-21&to=2026-11-21')).toEqual([third, second]);
    expect(await nos('to=2026-11-20')).toEqual([first]);
    const page = await getJson('/api/ops/orders?limit=1&offset=1');
    expect(page).toMatchObject({ total: 3, orders: [{ orderNo: second }] });
  });

  it('refuses bad filters with 400', async () => {
    for (const query of ['status=shipping', 'from=2026-13-01', 'from=2026-11-22&to=2026-11-21', 'limit=0', 'limit=201', 'offset=-1', 'sort=total', `q=${'1'.repeat(41)}`]) {
      const res = await t.app.request(`/api/ops/orders?${query}`, { headers: { cookie: staff } });
      expect(res.status, query).toBe(400);
    }
  });
});

describe('GET /api/ops/orders/:orderNo', () => {
  it("tells the order's whole story: the order, its stock lines, payment, refunds and messages", async () => {
    const orderNo = await paidOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 2 }]);
    // Payment queued the customer's SMS; the sender sends it.
    expect((await sendDueNotifications(t.db, t.deps.sms, t.now())).sent).toBe(1);
    const detail = await getJson(`/api/ops/orders/${orderNo}`);
    expect(detail.order).toMatchObject({ orderNo, status: 'paid', customer: { name: '王小明', phone: BUYER.phone }, lines: [{ sku: 'TEE-WHITE-L', quantity: 2, warehouse: 'GZ01' }] });
    expect(detail.ledger).toEqual([
      expect.objectContaining({ sku: 'TEE-WHITE-L', warehouse: 'GZ01', kind: 'reservation', onHandDelta: 0, reservedDelta: 2, onHandAfter: 5, reservedAfter: 2, orderNo, actor: { type: 'shop_api', name: null } }),
    ]);
    expect(detail.payments).toEqual([{ provider: t.deps.payments.name, reference: expect.any(String), amountFen: detail.order.totalFen, paidAt: t.now() }]);
    expect(detail.refunds).toEqual([]);
    expect(detail.notifications).toEqual([
      { template: 'order_confirmed', channel: 'sms', recipient: '138****5678', status: 'sent', attempts: 1, body: expect.stringContaining(`/o/${orderNo}`), sentAt: t.now(), createdAt: t.now(), lastError: null },
    ]);
  });

  it('answers 404 for an unknown order and 400 for something that is not an order number', async () => {
    expect((await getJson('/api/ops/orders/20261121000000009999', 404)).error.code).toBe('order_not_found');
    expect((await getJson('/api/ops/orders/abc', 400)).error.code).toBe('invalid_order_no');
  });
});

describe('POST /api/ops/orders/:orderNo/cancel', () => {
  it('cancels a paid order with the reason: stock back, refunded in full, staff named on the stock lines', async () => {
    const orderNo = await paidOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 2 }]);
    const res = await cancel(orderNo, { reason: '客户来电取消，地址填错' });
    expect(res.status).toBe(200);
    const detail = await res.json();
    expect(detail.order).toMatchObject({ status: 'cancelled', cancelReason: '客户来电取消，地址填错', cancelledAt: t.now(), refundedFen: detail.order.totalFen });
    expect(detail.refunds).toEqual([{ amountFen: detail.order.totalFen, status: 'succeeded', createdAt: t.now(), completedAt: t.now() }]);
    expect(detail.ledger.map((l: { kind: string }) => l.kind)).toEqual(['reservation', 'release']);
    expect(detail.ledger[1]).toMatchObject({ reservedDelta: -2, reason: '客户来电取消，地址填错', actor: { type: 'staff', name: '运营 周' } });
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).toEqual({ onHand: 5, reserved: 0, available: 5, ledgerOnHand: 5, ledgerReserved: 0 });
  });

  it('passes 409 through for a cancelled or shipped order, and 404 for an unknown one', async () => {
    const orderNo = await placeOrder(t, [{ sku: 'MUG-350', quantity: 1 }]);
    expect((await cancel(orderNo, { reason: '重复下单' })).status).toBe(200);
    const again = await cancel(orderNo, { reason: '重复下单' });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('order_already_cancelled');
    const shipped = await paidOrder(t, [{ sku: 'MUG-350', quantity: 1 }]);
    await t.db.updateTable('orders').set({ status: 'shipped' }).where('order_no', '=', shipped).execute();
    const late = await cancel(shipped, { reason: '客户不要了' });
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe('order_already_shipped');
    expect((await cancel('20261121000000009999', { reason: '无此单' })).status).toBe(404);
  });

  it('wants a reason of 1 to 200 characters and a JSON body; a refused cancel changes nothing', async () => {
    const orderNo = await paidOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 1 }]);
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(201) }, { reason: 'ok', extra: 1 }, { reason: 42 }, 'not json']) {
      expect((await cancel(orderNo, body)).status, JSON.stringify(body)).toBe(400);
    }
    const wrongType = await t.app.request(`/api/ops/orders/${orderNo}/cancel`, { method: 'POST', headers: { 'content-type': 'text/plain', cookie: staff }, body: '{"reason":"x"}' });
    expect(wrongType.status).toBe(415);
    expect(await orderStatus(orderNo)).toBe('paid');
    expect((await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).reserved).toBe(1);
  });
});

describe('who may call the orders desk', () => {
  it('turns away anonymous callers (401) and couriers (403), and cancels nothing for them', async () => {
    const orderNo = await paidOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 1 }]);
    for (const [method, path, body] of [
      ['GET', '/api/ops/orders', undefined],
      ['GET', `/api/ops/orders/${orderNo}`, undefined],
      ['POST', `/api/ops/orders/${orderNo}/cancel`, JSON.stringify({ reason: '试试' })],
    ] as const) {
      expect(await refusedToOthers(t, courier, method, path, body), path).toEqual({ anonymous: 401, courier: 403 });
    }
    expect(await orderStatus(orderNo)).toBe('paid');
  });
});
