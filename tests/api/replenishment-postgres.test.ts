import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { simulatedPaymentProvider } from '../../server/domain/payments/simulated-payment-provider';
import { simulatedSmsProvider } from '../../server/domain/notifications/simulated-sms-provider';
import { InProcessTrackingBus } from '../../server/domain/tracking/tracking-bus';
import { silentLogger } from '../../server/http/logger';
import { freePort } from '../support/free-port';
import { paidOrder, stockedShop } from '../support/ops-stock-fixtures';
import { startPostgres } from '../support/postgres-server';
import { staffCookie } from '../support/return-fixtures';
import { stockBooks } from '../support/shop-fixtures';
import { jsonHeaders, testConfig } from '../support/test-app';

// Replenishment on the scale-out engine: the demand query's day buckets, and receipts racing
// over a real pool, where the requests really overlap.
let pg: ReturnType<typeof startPostgres>;
let handle: DatabaseHandle;
const DAY = 86_400_000;
const SHANGHAI_BUYER = { name: '李华', phone: '13900001111', address: { province: '上海市', city: '上海市', district: '浦东新区', street: '世纪大道 100 号' } };

beforeAll(async () => {
  pg = startPostgres(await freePort());
  handle = createDb(pg.url);
  await migrateToLatest(handle.db);
}, 60_000);
afterAll(async () => {
  await handle?.close();
  pg?.stop();
});

function pgApp() {
  let now = Date.UTC(2026, 10, 21, 4, 0, 0);
  const clock = () => now;
  const deps = { db: handle.db, config: testConfig(), bus: new InProcessTrackingBus(), logger: silentLogger, clock, payments: simulatedPaymentProvider(handle.db, clock), sms: simulatedSmsProvider(handle.db, clock) };
  return { app: createApp(deps), deps, db: handle.db, now: clock, setNow: (ms: number) => (now = ms), dispose: async () => undefined };
}

describe('replenishment on PostgreSQL', () => {
  it('forecasts from paid lines by shop day, and of racing receipts exactly one goes through', async () => {
    const t = pgApp();
    await stockedShop(t as never, { sh: 150, gz: 5 });
    const staff = await staffCookie(t as never);
    const today = t.now();
    for (let d = 56; d >= 1; d--) {
      t.setNow(today - d * DAY);
      await paidOrder(t as never, [{ sku: 'TEE-WHITE-L', quantity: 2 }], SHANGHAI_BUYER);
    }
    t.setNow(today);
    const get = async (path: string) => (await t.app.request(path, { headers: { cookie: staff } })).json();
    const { suggestions } = await get('/api/ops/replenishment');
    expect(suggestions.find((s: { sku: string; warehouse: string }) => s.sku === 'TEE-WHITE-L' && s.warehouse === 'SH01')).toMatchObject({
      forecastDaily: 2,
      daysOfCover: 19,
      reorderQuantity: 0,
      method: 'holt-winters',
      history: new Array(56).fill(2),
    });

    const dispatch = await t.app.request('/api/ops/transfer-orders', { method: 'POST', headers: { ...jsonHeaders, cookie: staff }, body: JSON.stringify({ sku: 'MUG-350', from: 'SH01', to: 'GZ01', quantity: 10 }) });
    expect(dispatch.status).toBe(201);
    const { transferNo } = await dispatch.json();
    const receive = async () => (await t.app.request(`/api/ops/transfer-orders/${transferNo}/receive`, { method: 'POST', headers: { cookie: staff } })).status;
    expect((await Promise.all([receive(), receive(), receive(), receive()])).sort()).toEqual([200, 409, 409, 409]);
    expect(await stockBooks(t.db, 'MUG-350', 'GZ01')).toMatchObject({ onHand: 15, ledgerOnHand: 15 });
    expect(await stockBooks(t.db, 'MUG-350', 'SH01')).toMatchObject({ onHand: 140, ledgerOnHand: 140 });

    const plan = await t.app.request('/api/ops/replenishment/receipt-plans', { method: 'POST', headers: { ...jsonHeaders, cookie: staff }, body: JSON.stringify({ sku: 'MUG-350', warehouse: 'GZ01', quantity: 7 }) });
    const { planNo } = await plan.json();
    const receivePlan = async () => (await t.app.request(`/api/ops/replenishment/receipt-plans/${planNo}/receive`, { method: 'POST', headers: { ...jsonHeaders, cookie: staff }, body: '{}' })).status;
    expect((await Promise.all([receivePlan(), receivePlan(), receivePlan()])).sort()).toEqual([200, 409, 409]);
    expect(await stockBooks(t.db, 'MUG-350', 'GZ01')).toMatchObject({ onHand: 22, ledgerOnHand: 22 });
  }, 120_000);
});
