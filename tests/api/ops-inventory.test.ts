import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opsCallers, placeOrder, refusedToOthers, stockedShop } from '../support/ops-stock-fixtures';
import { stockBooks } from '../support/shop-fixtures';
import { createTestApp, jsonHeaders } from '../support/test-app';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let staff: string;
let courier: string;

beforeEach(async () => {
  t = await createTestApp();
  ({ staff, courier } = await opsCallers(t));
  await stockedShop(t, { sh: 20, gz: 5 });
});
afterEach(() => t.dispose());

const call = async (method: string, path: string, body?: unknown, expected = 200) => {
  const res = await t.app.request(path, { method, headers: { ...jsonHeaders, cookie: staff }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text}`).toBe(expected);
  return JSON.parse(text);
};
const ledgerLines = async () => Number((await t.db.selectFrom('stock_ledger').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('GET /api/ops/inventory', () => {
  it('lists every SKU in every warehouse with on hand, reserved and available, filtered and paged', async () => {
    await placeOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 2 }]);
    const all = await call('GET', '/api/ops/inventory');
    expect(all.warehouses.map((w: { code: string }) => w.code)).toEqual(['GZ01', 'SH01']);
    expect(all.total).toBe(4);
    expect(all.levels[2]).toEqual({ sku: 'TEE-WHITE-L', name: { 'zh-CN': '纯棉短袖T恤 白色 L', en: 'Cotton T-shirt white L' }, category: 'apparel', warehouse: 'GZ01', onHand: 5, reserved: 2, available: 3, safetyStock: 0, low: false });
    expect((await call('GET', '/api/ops/inventory?warehouse=GZ01')).levels.map((l: { sku: string }) => l.sku)).toEqual(['MUG-350', 'TEE-WHITE-L']);
    expect((await call('GET', '/api/ops/inventory?q=mug')).total).toBe(2);
    expect((await call('GET', '/api/ops/inventory?q=6901234567892&warehouse=SH01')).levels).toMatchObject([{ sku: 'TEE-WHITE-L', warehouse: 'SH01' }]);
    expect(await call('GET', '/api/ops/inventory?limit=1&offset=3')).toMatchObject({ total: 4, levels: [{ sku: 'TEE-WHITE-L', warehouse: 'SH01' }] });
  });

  it('shows a SKU new to the catalog at zero, and "low only" is the open low-stock alerts', async () => {
    await t.db.insertInto('products').values({ sku: 'NEW-1', name: '新品', category: 'home', price_fen: 100 }).execute();
    expect((await call('GET', '/api/ops/inventory?q=NEW-1&warehouse=GZ01')).levels).toMatchObject([{ onHand: 0, reserved: 0, available: 0, low: false }]);
    await call('PUT', '/api/ops/inventory/safety-stock', { warehouse: 'GZ01', sku: 'MUG-350', safetyStock: 8 });
    expect((await call('GET', '/api/ops/inventory?low=1')).levels).toMatchObject([{ sku: 'MUG-350', warehouse: 'GZ01', available: 5, safetyStock: 8, low: true }]);
  });

  it('refuses bad filters (400) and an unknown warehouse (404)', async () => {
    for (const query of ['low=yes', 'limit=0', 'limit=501', 'warehouse=a%20b', 'color=red']) {
      expect((await t.app.request(`/api/ops/inventory?${query}`, { headers: { cookie: staff } })).status, query).toBe(400);
    }
    expect((await call('GET', '/api/ops/inventory?warehouse=BJ01', undefined, 404)).error.code).toBe('warehouse_not_found');
  });
});

describe('receipts, counts and transfers by staff', () => {
  it('books each as a numbered document with staff named on its ledger lines', async () => {
    const receipt = await call('POST', '/api/ops/inventory/receipts', { warehouse: 'GZ01', lines: [{ sku: 'MUG-350', quantity: 10 }], note: '供应商到货' }, 201);
    expect(receipt).toMatchObject({ kind: 'receipt', warehouse: 'GZ01', toWarehouse: null, lines: [{ sku: 'MUG-350', onHandDelta: 10, onHandAfter: 15 }] });
    expect(receipt.documentNo).toMatch(/^RK\d{16}$/);
    const count = await call('POST', '/api/ops/inventory/counts', { warehouse: 'GZ01', lines: [{ sku: 'MUG-350', onHand: 13 }, { sku: 'TEE-WHITE-L', onHand: 5, safetyStock: 2 }], reason: '月末盘点' }, 201);
    expect(count.lines).toEqual([{ sku: 'MUG-350', onHandDelta: -2, onHandAfter: 13 }, { sku: 'TEE-WHITE-L', onHandDelta: 0, onHandAfter: 5 }]);
    const transfer = await call('POST', '/api/ops/inventory/transfers', { from: 'SH01', to: 'GZ01', lines: [{ sku: 'TEE-WHITE-L', quantity: 4 }] }, 201);
    expect(transfer).toMatchObject({ kind: 'transfer', warehouse: 'SH01', toWarehouse: 'GZ01', lines: [{ sku: 'TEE-WHITE-L', onHandDelta: -4, onHandAfter: 16 }] });
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).toMatchObject({ onHand: 9, ledgerOnHand: 9 });
    expect(await stockBooks(t.db, 'MUG-350', 'GZ01')).toMatchObject({ onHand: 13, ledgerOnHand: 13 });

    const { entries } = await call('GET', '/api/ops/inventory/ledger?warehouse=GZ01&sku=MUG-350');
    expect(entries.map((e: { kind: string }) => e.kind)).toEqual(['count_adjustment', 'receipt', 'receipt']);
    expect(entries[0]).toMatchObject({ onHandDelta: -2, onHandAfter: 13, reason: '月末盘点', documentNo: count.documentNo, orderNo: null, actor: { type: 'staff', name: '运营 周' } });
    expect(entries[2].actor).toEqual({ type: 'system', name: null });

    const { documents } = await call('GET', '/api/ops/inventory/documents');
    expect(documents.slice(0, 3)).toEqual([
      { documentNo: transfer.documentNo, kind: 'transfer', warehouse: 'SH01', toWarehouse: 'GZ01', note: null, lines: 1, units: 4, createdAt: t.now(), actorName: '运营 周' },
      { documentNo: count.documentNo, kind: 'count', warehouse: 'GZ01', toWarehouse: null, note: '月末盘点', lines: 1, units: 2, createdAt: t.now(), actorName: '运营 周' },
      { documentNo: receipt.documentNo, kind: 'receipt', warehouse: 'GZ01', toWarehouse: null, note: '供应商到货', lines: 1, units: 10, createdAt: t.now(), actorName: '运营 周' },
    ]);
    expect((await call('GET', '/api/ops/inventory/documents?kind=count')).documents.map((d: { documentNo: string }) => d.documentNo)).toEqual([count.documentNo]);
    // The transfer arrived in Guangzhou: it is among Guangzhou's papers too.
    expect((await call('GET', '/api/ops/inventory/documents?warehouse=GZ01')).documents.map((d: { kind: string }) => d.kind)).toEqual(['transfer', 'count', 'receipt', 'receipt']);
  });

  it('refuses bad bodies (400), unknown SKUs (422), unknown warehouses (404) and short stock (409), changing nothing', async () => {
    await placeOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 3 }]);
    const before = await ledgerLines();
    const refusals: [string, unknown, number, string?][] = [
      ['receipts', { warehouse: 'GZ01', lines: [{ sku: 'MUG-350', quantity: 0 }] }, 400],
      ['receipts', { warehouse: 'GZ01', lines: [{ sku: 'MUG-350', quantity: 1 }, { sku: 'MUG-350', quantity: 1 }] }, 400],
      ['receipts', { warehouse: 'GZ01', lines: [{ sku: 'MUG-350', quantity: 1 }], extra: true }, 400],
      ['receipts', { warehouse: 'GZ01', lines: [{ sku: 'MUG-350', quantity: 1 }, { sku: 'NOPE-1', quantity: 1 }] }, 422, 'unknown_sku'],
      ['receipts', { warehouse: 'BJ01', lines: [{ sku: 'MUG-350', quantity: 1 }] }, 404, 'warehouse_not_found'],
      ['counts', { warehouse: 'GZ01', lines: [{ sku: 'MUG-350', onHand: 1 }] }, 400],
      ['counts', { warehouse: 'GZ01', lines: [{ sku: 'MUG-350', onHand: 9 }, { sku: 'TEE-WHITE-L', onHand: 2 }], reason: '盘点' }, 409, 'not_enough_on_hand'],
      ['transfers', { from: 'GZ01', to: 'GZ01', lines: [{ sku: 'MUG-350', quantity: 1 }] }, 400],
      ['transfers', { from: 'GZ01', to: 'SH01', lines: [{ sku: 'MUG-350', quantity: 1 }, { sku: 'TEE-WHITE-L', quantity: 3 }] }, 409, 'out_of_stock'],
    ];
    for (const [path, body, status, code] of refusals) {
      const answer = await call('POST', `/api/ops/inventory/${path}`, body, status);
      if (code) expect(answer.error.code).toBe(code);
    }
    expect(await ledgerLines()).toBe(before);
    expect(await stockBooks(t.db, 'MUG-350', 'GZ01')).toMatchObject({ onHand: 5, ledgerOnHand: 5 });
    expect((await call('GET', '/api/ops/inventory/documents')).documents).toHaveLength(2);
  });
});

describe('GET /api/ops/inventory/ledger', () => {
  it('pages newest first by id and filters by kind', async () => {
    await placeOrder(t, [{ sku: 'MUG-350', quantity: 1 }]);
    const first = (await call('GET', '/api/ops/inventory/ledger?limit=2')).entries;
    expect(first.map((e: { kind: string }) => e.kind)).toEqual(['reservation', 'receipt']);
    expect(first[0]).toMatchObject({ sku: 'MUG-350', warehouse: 'GZ01', reservedDelta: 1, reservedAfter: 1, orderNo: expect.stringMatching(/^\d{18}$/) });
    const next = (await call('GET', `/api/ops/inventory/ledger?limit=2&before=${first[1].id}`)).entries;
    expect(next.every((e: { id: number }) => e.id < first[1].id)).toBe(true);
    expect((await call('GET', '/api/ops/inventory/ledger?kind=reservation')).entries).toHaveLength(1);
    for (const query of ['kind=stolen', 'before=0', 'limit=201', 'sku=a b']) {
      expect((await t.app.request(`/api/ops/inventory/ledger?${query}`, { headers: { cookie: staff } })).status, query).toBe(400);
    }
    expect((await t.app.request('/api/ops/inventory/documents?kind=sale', { headers: { cookie: staff } })).status).toBe(400);
  });
});

describe('safety stock and low-stock alerts', () => {
  it('sets safety stock, opens the alert below it and closes it when raised stock or a lower bar clears it', async () => {
    const level = await call('PUT', '/api/ops/inventory/safety-stock', { warehouse: 'GZ01', sku: 'TEE-WHITE-L', safetyStock: 6 });
    expect(level).toMatchObject({ sku: 'TEE-WHITE-L', warehouse: 'GZ01', available: 5, safetyStock: 6, low: true });
    expect((await call('GET', '/api/ops/low-stock')).alerts).toEqual([
      { id: expect.any(Number), sku: 'TEE-WHITE-L', name: { 'zh-CN': '纯棉短袖T恤 白色 L', en: 'Cotton T-shirt white L' }, warehouse: 'GZ01', available: 5, safetyStock: 6, openedAt: t.now() },
    ]);
    await call('POST', '/api/ops/inventory/receipts', { warehouse: 'GZ01', lines: [{ sku: 'TEE-WHITE-L', quantity: 3 }] }, 201);
    expect((await call('GET', '/api/ops/low-stock')).alerts).toEqual([]);
    expect(await call('PUT', '/api/ops/inventory/safety-stock', { warehouse: 'GZ01', sku: 'TEE-WHITE-L', safetyStock: 0 })).toMatchObject({ safetyStock: 0, low: false });
  });

  it('refuses a bad body (400) and unknown SKUs or warehouses (404)', async () => {
    for (const body of [{ warehouse: 'GZ01', sku: 'MUG-350', safetyStock: -1 }, { warehouse: 'GZ01', sku: 'MUG-350', safetyStock: 1.5 }, { warehouse: 'GZ01', sku: 'MUG-350' }]) {
      await call('PUT', '/api/ops/inventory/safety-stock', body, 400);
    }
    expect((await call('PUT', '/api/ops/inventory/safety-stock', { warehouse: 'GZ01', sku: 'NOPE-1', safetyStock: 1 }, 404)).error.code).toBe('sku_not_found');
    expect((await call('PUT', '/api/ops/inventory/safety-stock', { warehouse: 'BJ01', sku: 'MUG-350', safetyStock: 1 }, 404)).error.code).toBe('warehouse_not_found');
    expect((await call('GET', '/api/ops/inventory?warehouse=GZ01')).levels.every((l: { safetyStock: number }) => l.safetyStock === 0)).toBe(true);
  });
});

describe('who may call the inventory desk', () => {
  it('turns away anonymous callers (401) and couriers (403), and books nothing for them', async () => {
    const before = await ledgerLines();
    const receipt = JSON.stringify({ warehouse: 'GZ01', lines: [{ sku: 'MUG-350', quantity: 1 }] });
    for (const [method, path, body, type] of [
      ['GET', '/api/ops/inventory', undefined],
      ['GET', '/api/ops/inventory/ledger', undefined],
      ['GET', '/api/ops/inventory/documents', undefined],
      ['GET', '/api/ops/low-stock', undefined],
      ['POST', '/api/ops/inventory/receipts', receipt],
      ['POST', '/api/ops/inventory/counts', JSON.stringify({ warehouse: 'GZ01', lines: [{ sku: 'MUG-350', onHand: 1 }], reason: 'x' })],
      ['POST', '/api/ops/inventory/transfers', JSON.stringify({ from: 'SH01', to: 'GZ01', lines: [{ sku: 'MUG-350', quantity: 1 }] })],
      ['PUT', '/api/ops/inventory/safety-stock', JSON.stringify({ warehouse: 'GZ01', sku: 'MUG-350', safetyStock: 9 })],
      ['GET', '/api/ops/catalog/products.csv', undefined],
      ['POST', '/api/ops/catalog/products.csv', 'sku,name_zh,name_en,category,price_yuan\nX-1,新,New,home,1\n', 'text/csv'],
      ['GET', '/api/ops/inventory/stock.csv', undefined],
      ['POST', '/api/ops/inventory/counts.csv?warehouse=GZ01&reason=x', 'sku,on_hand\nMUG-350,1\n', 'text/csv'],
    ] as const) {
      expect(await refusedToOthers(t, courier, method, path, body, type), `${method} ${path}`).toEqual({ anonymous: 401, courier: 403 });
    }
    expect(await ledgerLines()).toBe(before);
    expect(await t.db.selectFrom('products').select('sku').where('sku', '=', 'X-1').executeTakeFirst()).toBeUndefined();
  });
});
