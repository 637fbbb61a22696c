import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app';
import type { SkuStockView, StockDocumentView } from '../../shared/api/shop';
import type { ErrorBody } from '../support/shop-fixtures';
import { GUANGZHOU_WAREHOUSE, MUG, TEE, seedShop, shopJson, shopKey, shopRequest, stockBooks } from '../support/shop-fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
let key: string;

beforeEach(async () => {
  t = await createTestApp();
  key = await shopKey(t);
});
afterEach(() => t.dispose());

const ledgerRows = async () => Number((await t.db.selectFrom('stock_ledger').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('catalog', () => {
  it('creates (201) and replaces (200) warehouses and SKUs by their codes', async () => {
    expect(await shopJson(t, key, '/warehouses/GZ01', { method: 'PUT', body: GUANGZHOU_WAREHOUSE }, 201)).toEqual({ code: 'GZ01', ...GUANGZHOU_WAREHOUSE });
    const renamed = { ...GUANGZHOU_WAREHOUSE, name: { 'zh-CN': '广州白云二号仓', en: 'Guangzhou Baiyun 2' } };
    expect(await shopJson(t, key, '/warehouses/GZ01', { method: 'PUT', body: renamed }, 200)).toMatchObject({ name: renamed.name });
    expect(await shopJson(t, key, '/products/TEE-WHITE-L', { method: 'PUT', body: TEE }, 201)).toEqual({ sku: 'TEE-WHITE-L', ...TEE });
    expect(await shopJson(t, key, '/products/TEE-WHITE-L', { method: 'PUT', body: { ...TEE, priceFen: 6900 } }, 200)).toMatchObject({ priceFen: 6900 });
    expect(await shopJson(t, key, '/products/TEE-WHITE-L')).toMatchObject({ priceFen: 6900, barcode: TEE.barcode });
    expect((await shopJson<{ warehouses: unknown[] }>(t, key, '/warehouses')).warehouses).toHaveLength(1);
  });

  it('refuses bad codes and bodies 400, a barcode another SKU has 409, and changes nothing', async () => {
    await shopJson(t, key, '/products/TEE-WHITE-L', { method: 'PUT', body: TEE }, 201);
    const bad = [
      ['/products/has%20space', TEE],
      ['/products/MUG-1', { ...MUG, category: 'spaceships' }],
      ['/products/MUG-1', { ...MUG, priceFen: 0 }],
      ['/products/MUG-1', { ...MUG, priceFen: 12.5 }],
      ['/products/MUG-1', { ...MUG, name: { 'zh-CN': '杯子' } }],
      ['/warehouses/GZ01', { ...GUANGZHOU_WAREHOUSE, address: { province: '广东省' } }],
    ] as const;
    for (const [path, body] of bad) expect((await shopRequest(t, key, path, { method: 'PUT', body })).status, path).toBe(400);
    const taken = await shopRequest(t, key, '/products/MUG-1', { method: 'PUT', body: { ...MUG, barcode: TEE.barcode } });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as ErrorBody).error.code).toBe('barcode_taken');
    expect(await t.db.selectFrom('products').select('sku').execute()).toEqual([{ sku: 'TEE-WHITE-L' }]);
    expect((await shopRequest(t, key, '/products/NOPE')).status).toBe(404);
  });
});

describe('stock', () => {
  beforeEach(() => seedShop(t, key, { sh: 20, gz: 5 }));

  it('books receipts, counts and transfers as documents whose lines are the ledger, and on hand is always its sum', async () => {
    const receipt = await shopJson<StockDocumentView>(t, key, '/stock/receipts', { body: { warehouse: 'GZ01', lines: [{ sku: 'TEE-WHITE-L', quantity: 10 }] } }, 201);
    expect(receipt).toMatchObject({ kind: 'receipt', warehouse: 'GZ01', lines: [{ sku: 'TEE-WHITE-L', onHandDelta: 10, onHandAfter: 15 }] });
    expect(receipt.documentNo).toMatch(/^RK\d{8}\d{8}$/);
    const count = await shopJson<StockDocumentView>(t, key, '/stock/counts', { body: { warehouse: 'GZ01', reason: '月度盘点', lines: [{ sku: 'TEE-WHITE-L', onHand: 13, safetyStock: 4 }] } }, 201);
    expect(count.lines).toEqual([{ sku: 'TEE-WHITE-L', onHandDelta: -2, onHandAfter: 13 }]);
    await shopJson(t, key, '/stock/transfers', { body: { from: 'SH01', to: 'GZ01', lines: [{ sku: 'TEE-WHITE-L', quantity: 6 }] } }, 201);
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).toEqual({ onHand: 19, reserved: 0, available: 19, ledgerOnHand: 19, ledgerReserved: 0 });
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'SH01')).toEqual({ onHand: 14, reserved: 0, available: 14, ledgerOnHand: 14, ledgerReserved: 0 });
    const stock = await shopJson<SkuStockView>(t, key, '/stock/TEE-WHITE-L');
    expect(stock.warehouses.find((w) => w.warehouse === 'GZ01')).toEqual({ warehouse: 'GZ01', onHand: 19, reserved: 0, available: 19, safetyStock: 4 });
  });

  it('refuses the whole document when one line is wrong, and changes nothing', async () => {
    const before = await ledgerRows();
    const unknown = await shopRequest(t, key, '/stock/receipts', { body: { warehouse: 'GZ01', lines: [{ sku: 'TEE-WHITE-L', quantity: 1 }, { sku: 'GHOST', quantity: 1 }] } });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as ErrorBody).error).toMatchObject({ code: 'unknown_sku', details: { skus: ['GHOST'] } });
    const nowhere = await shopRequest(t, key, '/stock/receipts', { body: { warehouse: 'XX99', lines: [{ sku: 'TEE-WHITE-L', quantity: 1 }] } });
    expect(nowhere.status).toBe(404);
    const tooMany = await shopRequest(t, key, '/stock/transfers', { body: { from: 'GZ01', to: 'SH01', lines: [{ sku: 'MUG-350', quantity: 1 }, { sku: 'TEE-WHITE-L', quantity: 6 }] } });
    expect(tooMany.status).toBe(409);
    for (const body of [{ warehouse: 'GZ01', lines: [] }, { warehouse: 'GZ01', lines: [{ sku: 'TEE-WHITE-L', quantity: -1 }] }, { from: 'GZ01', to: 'GZ01', lines: [{ sku: 'TEE-WHITE-L', quantity: 1 }] }]) {
      expect((await shopRequest(t, key, 'from' in body ? '/stock/transfers' : '/stock/receipts', { body })).status).toBe(400);
    }
    expect(await ledgerRows()).toBe(before);
    expect(await stockBooks(t.db, 'MUG-350', 'GZ01')).toMatchObject({ onHand: 5, ledgerOnHand: 5 });
  });

  it('refuses a count below what is reserved for orders (409 not_enough_on_hand)', async () => {
    await shopJson(t, key, '/orders', { body: { customer: { name: '王小明', phone: '13812345678', address: GUANGZHOU_WAREHOUSE.address }, lines: [{ sku: 'MUG-350', quantity: 4 }] } }, 201);
    const res = await shopRequest(t, key, '/stock/counts', { body: { warehouse: 'GZ01', reason: '盘点', lines: [{ sku: 'MUG-350', onHand: 3 }] } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.code).toBe('not_enough_on_hand');
    expect(await stockBooks(t.db, 'MUG-350', 'GZ01')).toMatchObject({ onHand: 5, reserved: 4 });
  });

  it('opens one low-stock alert per SKU and warehouse when available falls below safety stock, and closes it when restocked', async () => {
    await shopJson(t, key, '/stock/counts', { body: { warehouse: 'GZ01', reason: '设安全库存', lines: [{ sku: 'MUG-350', onHand: 5, safetyStock: 4 }] } }, 201);
    const buyer = { name: '王小明', phone: '13812345678', address: GUANGZHOU_WAREHOUSE.address };
    await shopJson(t, key, '/orders', { body: { customer: buyer, lines: [{ sku: 'MUG-350', quantity: 2 }] } }, 201);
    await shopJson(t, key, '/orders', { body: { customer: buyer, lines: [{ sku: 'MUG-350', quantity: 1 }] } }, 201);
    const open = () => t.db.selectFrom('low_stock_alerts').selectAll().where('closed_at', 'is', null).execute();
    expect((await open()).map((a) => [a.available_at_open, a.safety_stock])).toEqual([[3, 4]]);
    await shopJson(t, key, '/stock/receipts', { body: { warehouse: 'GZ01', lines: [{ sku: 'MUG-350', quantity: 10 }] } }, 201);
    expect(await open()).toEqual([]);
    expect(await t.db.selectFrom('low_stock_alerts').selectAll().execute()).toHaveLength(1);
  });
});
