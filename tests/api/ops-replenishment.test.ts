import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opsCallers, paidOrder, placeOrder, refusedToOthers, stockedShop } from '../support/ops-stock-fixtures';
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
