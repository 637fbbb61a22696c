import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opsCallers, paidOrder, placeOrder, refusedToOthers, stockedShop } from '../support/ops-stock-fixtures';
import { stockBooks } from '../support/shop-fixtures';
import { createTestApp, jsonHeaders } from '../support/test-app';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let staff: string;
let courier: string;
const DAY = 86_400_000;
const SHANGHAI_BUYER = { name: '李华', phone: '13900001111', address: { province: '上海市', city: '上海市', district: '浦东新区', street: '世纪大道 100 号' } };

beforeEach(async () => {
  t = await createTestApp();
  ({ staff, courier } = await opsCallers(t));
  await stockedShop(t, { sh: 150, gz: 5 });
});
afterEach(() => t.dispose());

const call = async (method: string, path: string, body?: unknown, expected = 200) => {
  const res = await t.app.request(path, { method, headers: { ...jsonHeaders, cookie: staff }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text}`).toBe(expected);
  return JSON.parse(text);
};

/** Two T-shirts paid every day for the last 56 days (Shanghai buyer → SH01), then back to today. */
async function steadyHistory() {
  const today = t.now();
  for (let d = 56; d >= 1; d--) {
    t.setNow(today - d * DAY);
    await paidOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 2 }], SHANGHAI_BUYER);
  }
  t.setNow(today);
}

describe('GET /api/ops/replenishment', () => {
  it('forecasts a steady seller exactly, and suggests a reorder covered by a transfer', async () => {
    await steadyHistory();
    // Not demand: today's paid order (a half day), an unpaid one.
    await paidOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 9 }], SHANGHAI_BUYER);
    await placeOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 1 }], SHANGHAI_BUYER);
    await call('PUT', '/api/ops/inventory/safety-stock', { warehouse: 'SH01', sku: 'TEE-WHITE-L', safetyStock: 20 });
    const { suggestions } = await call('GET', '/api/ops/replenishment');
    expect(suggestions).toHaveLength(4);
    const [tee, ...rest] = suggestions;
    // available 150 − 112 − 9 − 1 = 28; need 12 days × 2 + 20 = 44 → 16; GZ01 sells none and spares its 5.
    expect(tee).toMatchObject({
      sku: 'TEE-WHITE-L',
      warehouse: 'SH01',
      name: { 'zh-CN': '纯棉短袖T恤 白色 L', en: 'Cotton T-shirt white L' },
      forecastDaily: 2,
      daysOfCover: 14,
      reorderQuantity: 16,
      transferFrom: 'GZ01',
      transferQuantity: 5,
      available: 28,
      inTransit: 0,
      onOrder: 0,
      safetyStock: 20,
      leadTimeDays: 5,
      method: 'holt-winters',
      forecast: new Array(14).fill(2),
    });
    expect(tee.history).toEqual(new Array(56).fill(2));
    expect(rest.map((s: { sku: string; warehouse: string; forecastDaily: number; daysOfCover: number | null; reorderQuantity: number; method: string }) => [s.sku, s.warehouse, s.forecastDaily, s.daysOfCover, s.reorderQuantity, s.method])).toEqual([
      ['MUG-350', 'GZ01', 0, null, 0, 'zero'],
      ['MUG-350', 'SH01', 0, null, 0, 'zero'],
      ['TEE-WHITE-L', 'GZ01', 0, null, 0, 'zero'],
    ]);
  });

  it('with no sales at all: every row forecasts zero and nothing is reordered', async () => {
    const { suggestions } = await call('GET', '/api/ops/replenishment');
    expect(suggestions.map((s: { reorderQuantity: number; daysOfCover: null }) => [s.reorderQuantity, s.daysOfCover])).toEqual(new Array(4).fill([0, null]));
  });

  it('is for staff only: 401 without a session, 403 for a courier', async () => {
    expect(await refusedToOthers(t, courier, 'GET', '/api/ops/replenishment')).toEqual({ anonymous: 401, courier: 403 });
  });
});

const teeIn = async (warehouse: string) => (await call('GET', '/api/ops/replenishment')).suggestions.find((s: { sku: string; warehouse: string }) => s.sku === 'TEE-WHITE-L' && s.warehouse === warehouse);

describe('transfer orders: out now, in transit, in on receipt', () => {
  it('dispatches through the ledger, counts as in transit at the destination, and receives once', async () => {
    const order = await call('POST', '/api/ops/transfer-orders', { sku: 'TEE-WHITE-L', from: 'SH01', to: 'GZ01', quantity: 30 }, 201);
    expect(order).toEqual({ transferNo: expect.stringMatching(/^DO\d+$/), sku: 'TEE-WHITE-L', from: 'SH01', to: 'GZ01', quantity: 30, status: 'in_transit', dispatchedAt: t.now(), receivedAt: null });
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'SH01')).toMatchObject({ onHand: 120, ledgerOnHand: 120 });
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).toMatchObject({ onHand: 5, ledgerOnHand: 5 });
    expect(await teeIn('GZ01')).toMatchObject({ available: 5, inTransit: 30 });
    expect((await call('GET', '/api/ops/transfer-orders?status=in_transit')).transferOrders).toEqual([order]);

    t.setNow(t.now() + 86_400_000);
    const received = await call('POST', `/api/ops/transfer-orders/${order.transferNo}/receive`);
    expect(received).toMatchObject({ status: 'received', receivedAt: t.now() });
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).toMatchObject({ onHand: 35, ledgerOnHand: 35 });
    expect(await teeIn('GZ01')).toMatchObject({ available: 35, inTransit: 0 });
    expect((await call('POST', `/api/ops/transfer-orders/${order.transferNo}/receive`, undefined, 409)).error.code).toBe('already_received');
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).toMatchObject({ onHand: 35 });
    const { entries } = await call('GET', '/api/ops/inventory/ledger?sku=TEE-WHITE-L');
    expect(entries.filter((e: { kind: string }) => e.kind.startsWith('transfer')).map((e: { kind: string; warehouse: string; reason: string }) => [e.kind, e.reason])).toEqual([
      ['transfer_in', `调拨到货 ${order.transferNo}`],
      ['transfer_out', `调拨在途 ${order.transferNo}`],
    ]);
  });

  it('two receipts at once: one goes through, the other is 409, the units arrive once', async () => {
    const { transferNo } = await call('POST', '/api/ops/transfer-orders', { sku: 'MUG-350', from: 'SH01', to: 'GZ01', quantity: 10 }, 201);
    const statuses = await Promise.all([1, 2, 3].map(async () => (await t.app.request(`/api/ops/transfer-orders/${transferNo}/receive`, { method: 'POST', headers: { cookie: staff } })).status));
    expect(statuses.sort()).toEqual([200, 409, 409]);
    expect(await stockBooks(t.db, 'MUG-350', 'GZ01')).toMatchObject({ onHand: 15, ledgerOnHand: 15 });
  });

  it('refuses bad orders with nothing moved', async () => {
    const before = await stockBooks(t.db, 'TEE-WHITE-L', 'SH01');
    const bad = async (body: unknown, status: number, code?: string) => {
      const answer = await call('POST', '/api/ops/transfer-orders', body, status);
      if (code) expect(answer.error.code).toBe(code);
    };
    await bad({ sku: 'TEE-WHITE-L', from: 'SH01', to: 'SH01', quantity: 1 }, 400);
    await bad({ sku: 'TEE-WHITE-L', from: 'SH01', to: 'GZ01', quantity: 0 }, 400);
    await bad({ sku: 'TEE-WHITE-L', from: 'SH01', to: 'GZ01', quantity: -3 }, 400);
    await bad({ sku: 'TEE-WHITE-L', from: 'SH01', to: 'GZ01', quantity: 1.5 }, 400);
    await bad({ sku: 'TEE-WHITE-L', from: 'SH01', to: 'GZ01' }, 400);
    await bad({ sku: 'NOPE', from: 'SH01', to: 'GZ01', quantity: 1 }, 404, 'sku_not_found');
    await bad({ sku: 'TEE-WHITE-L', from: 'XX01', to: 'GZ01', quantity: 1 }, 404, 'warehouse_not_found');
    await bad({ sku: 'TEE-WHITE-L', from: 'SH01', to: 'GZ01', quantity: 151 }, 409, 'out_of_stock');
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'SH01')).toEqual(before);
    expect((await call('GET', '/api/ops/transfer-orders')).transferOrders).toEqual([]);
    expect((await call('POST', '/api/ops/transfer-orders/DO404/receive', undefined, 404)).error.code).toBe('transfer_order_not_found');
    expect((await call('GET', '/api/ops/transfer-orders?status=lost', undefined, 400)).error).toBeDefined();
  });
});

describe('receipt plans: on order until received through the receipt path', () => {
  it('plans, counts as on order, receives once with a receipt document', async () => {
    const plan = await call('POST', '/api/ops/replenishment/receipt-plans', { sku: 'TEE-WHITE-L', warehouse: 'GZ01', quantity: 40 }, 201);
    expect(plan).toEqual({
      planNo: expect.stringMatching(/^CG\d+$/),
      sku: 'TEE-WHITE-L',
      warehouse: 'GZ01',
      quantity: 40,
      expectedAt: t.now() + 5 * 86_400_000,
      status: 'open',
      createdAt: t.now(),
      receivedAt: null,
      receivedQuantity: null,
      receiptDocumentNo: null,
    });
    expect(await teeIn('GZ01')).toMatchObject({ onOrder: 40 });
    const received = await call('POST', `/api/ops/replenishment/receipt-plans/${plan.planNo}/receive`, { quantity: 38 });
    expect(received).toMatchObject({ status: 'received', receivedQuantity: 38, receiptDocumentNo: expect.stringMatching(/^RK/) });
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).toMatchObject({ onHand: 43, ledgerOnHand: 43 });
    expect(await teeIn('GZ01')).toMatchObject({ onOrder: 0, available: 43 });
    expect((await call('POST', `/api/ops/replenishment/receipt-plans/${plan.planNo}/receive`, {}, 409)).error.code).toBe('already_received');
    expect((await call('GET', '/api/ops/replenishment/receipt-plans')).plans).toEqual([received]);
  });

  it('refuses bad plans', async () => {
    for (const body of [{ sku: 'TEE-WHITE-L', warehouse: 'GZ01', quantity: 0 }, { sku: 'TEE-WHITE-L', warehouse: 'GZ01' }, { sku: 'TEE-WHITE-L', warehouse: 'GZ01', quantity: 1, extra: 1 }]) {
      await call('POST', '/api/ops/replenishment/receipt-plans', body, 400);
    }
    expect((await call('POST', '/api/ops/replenishment/receipt-plans', { sku: 'NOPE', warehouse: 'GZ01', quantity: 1 }, 404)).error.code).toBe('sku_not_found');
    expect((await call('POST', '/api/ops/replenishment/receipt-plans', { sku: 'TEE-WHITE-L', warehouse: 'XX', quantity: 1 }, 404)).error.code).toBe('warehouse_not_found');
    expect((await call('POST', '/api/ops/replenishment/receipt-plans/CG404/receive', {}, 404)).error.code).toBe('receipt_plan_not_found');
    expect((await call('GET', '/api/ops/replenishment/receipt-plans')).plans).toEqual([]);
  });
});

describe('who may accept', () => {
  it.each([
    ['POST', '/api/ops/transfer-orders', JSON.stringify({ sku: 'TEE-WHITE-L', from: 'SH01', to: 'GZ01', quantity: 1 })],
    ['GET', '/api/ops/transfer-orders', undefined],
    ['POST', '/api/ops/transfer-orders/DO1/receive', undefined],
    ['POST', '/api/ops/replenishment/receipt-plans', JSON.stringify({ sku: 'TEE-WHITE-L', warehouse: 'GZ01', quantity: 1 })],
    ['GET', '/api/ops/replenishment/receipt-plans', undefined],
    ['POST', '/api/ops/replenishment/receipt-plans/CG1/receive', '{}'],
  ])('%s %s: staff only', async (method, path, body) => {
    expect(await refusedToOthers(t, courier, method, path, body)).toEqual({ anonymous: 401, courier: 403 });
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'SH01')).toMatchObject({ onHand: 150 });
  });
});
