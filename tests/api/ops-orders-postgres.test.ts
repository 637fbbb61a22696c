import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { freePort } from '../support/free-port';
import { opsCallers, paidOrder, placeOrder, stockedShop } from '../support/ops-stock-fixtures';
import { testDeps } from '../support/app-deps';
import { startPostgres } from '../support/postgres-server';
import { stockBooks } from '../support/shop-fixtures';
import { jsonHeaders, type createTestApp } from '../support/test-app';

// The ops face's queries (a cross join of SKUs and warehouses, LIKE with a named escape,
// grouped counts, CSV imports in one transaction) on a real PostgreSQL server.
let pg: ReturnType<typeof startPostgres>;
let handle: DatabaseHandle;
let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: string;
const now = Date.UTC(2026, 10, 21, 4, 0, 0);

beforeAll(async () => {
  pg = startPostgres(await freePort());
  handle = createDb(pg.url);
  await migrateToLatest(handle.db);
  const deps = testDeps(handle.db, () => now);
  t = { app: createApp(deps), deps, db: handle.db, now: () => now, setNow: () => undefined, dispose: async () => undefined };
  ({ staff } = await opsCallers(t));
  await stockedShop(t);
}, 60_000);
afterAll(async () => {
  await handle?.close();
  pg?.stop();
});

const call = async (method: string, path: string, body?: string, type = 'application/json') => {
  const res = await t.app.request(path, { method, headers: { ...jsonHeaders, 'content-type': type, cookie: staff }, body });
  return { status: res.status, body: await res.json() };
};

describe('the orders and inventory desks on PostgreSQL', () => {
  it('searches orders by name (any case), number and day, and cancels one with its stock back', async () => {
    const paid = await paidOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 2 }], { name: 'Wang Xiaoming', phone: '13700000001', address: { province: '广东省', city: '深圳市', district: '南山区', street: '科技园 1 号' } });
    await placeOrder(t, [{ sku: 'MUG-350', quantity: 1 }]);
    expect((await call('GET', '/api/ops/orders?q=xiaoming')).body.orders.map((o: { orderNo: string }) => o.orderNo)).toEqual([paid]);
    expect((await call('GET', `/api/ops/orders?q=${paid.slice(0, 12)}&from=2026-11-21&to=2026-11-21`)).body.total).toBe(2);
    expect((await call('GET', '/api/ops/orders?q=%25')).body.total).toBe(0);
    const cancelled = await call('POST', `/api/ops/orders/${paid}/cancel`, JSON.stringify({ reason: '客户要求取消' }));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.ledger.map((l: { kind: string }) => l.kind)).toEqual(['reservation', 'release']);
    expect(cancelled.body.refunds).toMatchObject([{ status: 'succeeded' }]);
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).toMatchObject({ reserved: 0, ledgerReserved: 0 });
  });

  it('lists levels (with low flags), the ledger and documents, and takes CSV files all or nothing', async () => {
    expect((await call('PUT', '/api/ops/inventory/safety-stock', JSON.stringify({ warehouse: 'GZ01', sku: 'MUG-350', safetyStock: 9 }))).body).toMatchObject({ low: true });
    const levels = (await call('GET', '/api/ops/inventory?q=mug')).body;
    expect(levels).toMatchObject({ total: 2, levels: [{ warehouse: 'GZ01', low: true }, { warehouse: 'SH01', low: false }] });
    expect((await call('GET', '/api/ops/inventory/documents?warehouse=GZ01')).body.documents).toMatchObject([{ kind: 'receipt', lines: 2, units: 10 }]);
    const header = 'sku,name_zh,name_en,category,price_yuan,barcode,weight_grams';
    const refused = await call('POST', '/api/ops/catalog/products.csv', `${header}\nCAP-1,帽,Cap,apparel,0.3,,\nCAP-2,帽,Cap,apparel,x,,\n`, 'text/csv');
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'csv_refused', details: { lines: [{ line: 3 }] } } } });
    const swap = `${header}\nTEE-WHITE-L,T恤,Tee,apparel,79,6900000000300,\nMUG-350,杯,Mug,home,35.5,6901234567892,\nCAP-1,帽,Cap,apparel,0.3,,\n`;
    expect(await call('POST', '/api/ops/catalog/products.csv', swap, 'text/csv')).toEqual({ status: 200, body: { created: 1, updated: 2 } });
    const count = await call('POST', '/api/ops/inventory/counts.csv?warehouse=SH01&reason=recount', 'sku,on_hand\nCAP-1,4\nMUG-350,19\n', 'text/csv');
    expect(count).toMatchObject({ status: 201, body: { kind: 'count', lines: [{ sku: 'CAP-1', onHandAfter: 4 }, { sku: 'MUG-350', onHandDelta: -1 }] } });
    const ledger = (await call('GET', '/api/ops/inventory/ledger?warehouse=SH01&kind=count_adjustment')).body.entries;
    expect(ledger.map((e: { sku: string; actor: { type: string } }) => [e.sku, e.actor.type])).toEqual([['MUG-350', 'staff'], ['CAP-1', 'staff']]);
  });
});
