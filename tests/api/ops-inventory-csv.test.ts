import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CsvLineReport } from '../../shared/api/ops-csv';
import { opsCallers, placeOrder, stockedShop } from '../support/ops-stock-fixtures';
import { stockBooks } from '../support/shop-fixtures';
import { createTestApp } from '../support/test-app';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let staff: string;

beforeEach(async () => {
  t = await createTestApp();
  ({ staff } = await opsCallers(t));
  await stockedShop(t, { sh: 20, gz: 5 });
});
afterEach(() => t.dispose());

const HEADER = 'sku,name_zh,name_en,category,price_yuan,barcode,weight_grams';
const BOM = '\uFEFF';

const download = async (path: string) => {
  const res = await t.app.request(path, { headers: { cookie: staff } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="doorstep-.+\.csv"$/);
  // Read the bytes: the BOM must be in the file, not only in a decoded string.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
};
const upload = (path: string, body: string | Uint8Array<ArrayBuffer>, type = 'text/csv') => t.app.request(path, { method: 'POST', headers: { 'content-type': type, cookie: staff }, body });
const importProducts = (body: string | Uint8Array<ArrayBuffer>, type?: string) => upload('/api/ops/catalog/products.csv', body, type);
type Refusal = { code: string; message: string; details: { lines: CsvLineReport[]; expected: string[]; required: string[]; found: string[] } };
const refusal = async (res: Response, status = 422) => {
  expect(res.status).toBe(status);
  return ((await res.json()) as { error: Refusal }).error;
};
const products = () => t.db.selectFrom('products').select(['sku', 'name', 'name_en', 'category', 'price_fen', 'barcode', 'weight_grams']).orderBy('sku').execute();
const priceOf = async (sku: string) => (await t.db.selectFrom('products').select('price_fen').where('sku', '=', sku).executeTakeFirstOrThrow()).price_fen;

describe('the catalog as CSV', () => {
  it('exports every SKU with a byte-order mark, yuan prices and empty cells for what is unknown', async () => {
    const text = await download('/api/ops/catalog/products.csv');
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([HEADER, 'MUG-350,陶瓷马克杯 350ml,Ceramic mug 350 ml,home,35.00,,380', 'TEE-WHITE-L,纯棉短袖T恤 白色 L,Cotton T-shirt white L,apparel,79.00,6901234567892,220', '']);
  });

  it('imports new and changed SKUs in one go, with or without a byte-order mark', async () => {
    const file = [HEADER, 'MUG-350,陶瓷马克杯 350ml,Ceramic mug,home,36,,380', 'CAP-1,棒球帽,Cap,apparel,59.9,6900000000011,', 'SOCK-3,"袜子, 3 双装",Socks (3 pairs),apparel,19.90,,90'].join('\n');
    expect(await (await importProducts(file)).json()).toEqual({ created: 2, updated: 1 });
    expect(await (await importProducts(BOM + file)).json()).toEqual({ created: 0, updated: 3 });
    expect(await products()).toContainEqual({ sku: 'SOCK-3', name: '袜子, 3 双装', name_en: 'Socks (3 pairs)', category: 'apparel', price_fen: 1990, barcode: null, weight_grams: 90 });
    expect(await priceOf('MUG-350')).toBe(3600);
    expect(await priceOf('CAP-1')).toBe(5990);
  });

  it('reads yuan as text, so every price is exact to the fen', async () => {
    const prices: [string, number][] = [['19.9', 1990], ['0.1', 10], ['0.2', 20], ['0.3', 30], ['0.29', 29], ['1.00', 100], ['4.35', 435], ['1.15', 115], ['999999.99', 99999999], ['"1,234.56"', 123456], ['¥8.8', 880]];
    const file = [HEADER, ...prices.map(([yuan], i) => `P-${i},商品${i},Item ${i},home,${yuan},,`)].join('\n');
    expect((await importProducts(file)).status).toBe(200);
    for (const [i, [yuan, fen]] of prices.entries()) expect(await priceOf(`P-${i}`), yuan).toBe(fen);
  });

  it('refuses the whole file for one bad line and says which line and why: nothing is imported', async () => {
    const before = await products();
    const file = [HEADER, 'A-1,甲,A,home,10,,', 'A-2,乙,B,home,12.5,,', 'A-3,丙,C,home,19.999,,', 'A-4,丁,D,home,8,,'].join('\n');
    const error = await refusal(await importProducts(file));
    expect(error.code).toBe('csv_refused');
    expect(error.message).toMatch(/line 4/);
    expect(error.details.lines).toEqual([{ line: 4, sku: 'A-3', problems: [{ column: 'price_yuan', code: 'not_an_amount', message: expect.stringContaining('19.999') }] }]);
    expect(await products()).toEqual(before);
  });

  it('lists every problem of every line: values, repeats in the file, and a barcode another SKU holds', async () => {
    const file = [
      HEADER,
      'B-1,甲,A,home,-1,,',
      'B-2,乙,B,toys,1e3,,',
      'bad sku,丙,C,home,5,,',
      'B-4,丁,,home,5,,12.5',
      'B-5,戊,E,home,0,,',
      'B-6,己,F,home,5,6901234567892,',
      'B-7,庚,G,home,5,6900000000099,',
      'B-8,辛,H,home,5,6900000000099,',
      'B-7,庚,G,home,5,,',
      'B-9,壬,I,home,5',
    ].join('\r\n');
    const error = await refusal(await importProducts(file));
    const byLine = Object.fromEntries(error.details.lines.map((l) => [l.line, l.problems.map((p) => `${p.column}:${p.code}`)]));
    expect(byLine).toEqual({
      2: ['price_yuan:not_an_amount'],
      3: ['price_yuan:not_an_amount', 'category:invalid_value'],
      4: ['sku:invalid_value'],
      5: ['weight_grams:not_a_count', 'name_en:invalid_value'],
      6: ['price_yuan:invalid_value'],
      7: ['barcode:barcode_taken'],
      9: ['barcode:duplicate_barcode'],
      10: ['sku:duplicate_sku'],
      11: ['null:field_count'],
    });
    expect(await t.db.selectFrom('products').select('sku').where('sku', 'like', 'B-%').execute()).toEqual([]);
  });

  it('lets a file move a barcode between its own SKUs', async () => {
    const file = [HEADER, 'TEE-WHITE-L,纯棉短袖T恤 白色 L,Cotton T-shirt white L,apparel,79,6900000000200,220', 'MUG-350,陶瓷马克杯 350ml,Ceramic mug 350 ml,home,35,6901234567892,380'].join('\n');
    expect((await importProducts(file)).status).toBe(200);
    expect((await products()).map((p) => [p.sku, p.barcode])).toEqual([['MUG-350', '6901234567892'], ['TEE-WHITE-L', '6900000000200']]);
  });

  it('goes round: an exported file imports back unchanged (a name that looks like a formula too)', async () => {
    await importProducts([HEADER, 'F-1,=1+1 特价,-Sale-,home,1.10,,'].join('\n'));
    const exported = await download('/api/ops/catalog/products.csv');
    expect(exported).toContain("F-1,'=1+1 特价,'-Sale-,home,1.10,,");
    const before = await products();
    expect(await (await importProducts(exported)).json()).toEqual({ created: 0, updated: 3 });
    expect(await products()).toEqual(before);
    expect(await download('/api/ops/catalog/products.csv')).toBe(exported);
  });

  it('refuses a wrong header, text that is not UTF-8, an empty or over-long file, and other content types', async () => {
    const header = await refusal(await importProducts('sku,name,price\nX,y,1\n'));
    expect(header.code).toBe('csv_bad_header');
    expect(header.details).toEqual({ expected: HEADER.split(','), required: ['sku', 'name_zh', 'name_en', 'category', 'price_yuan'], found: ['sku', 'name', 'price'] });
    // 袜子 in GBK, as Excel saves "CSV" on a Chinese Windows.
    const gbk = new Uint8Array([...new TextEncoder().encode(`${HEADER}\nS-1,`), 0xcd, 0xe0, 0xd7, 0xd3, ...new TextEncoder().encode(',Socks,home,5,,\n')]);
    expect((await refusal(await importProducts(gbk))).code).toBe('csv_not_utf8');
    expect((await refusal(await importProducts(`${HEADER}\n`))).code).toBe('csv_empty');
    expect((await refusal(await importProducts('sku,"name_zh\n'))).code).toBe('csv_unreadable');
    const rows = Array.from({ length: 5001 }, (_, i) => `M-${i},品${i},Item,home,1,,`);
    expect((await refusal(await importProducts([HEADER, ...rows].join('\n')))).code).toBe('csv_too_many_rows');
    expect((await refusal(await importProducts(`${HEADER}\n${'x'.repeat(2 * 1024 * 1024)}`), 413)).code).toBe('payload_too_large');
    expect((await refusal(await importProducts(`${HEADER}\nA,b,c,home,1,,`, 'application/json'), 415)).code).toBe('unsupported_media_type');
    expect(await t.db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual({ n: 2 });
  });
});

describe('stock levels and counts as CSV', () => {
  const countCsv = (query: string, body: string) => upload(`/api/ops/inventory/counts.csv?${query}`, body);

  it("exports a warehouse's levels (or all), and books a count file as one count document", async () => {
    await placeOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 2 }]);
    expect((await download('/api/ops/inventory/stock.csv?warehouse=GZ01')).slice(1).split('\r\n')).toEqual([
      'warehouse,sku,name_zh,on_hand,reserved,available,safety_stock',
      'GZ01,MUG-350,陶瓷马克杯 350ml,5,0,5,0',
      'GZ01,TEE-WHITE-L,纯棉短袖T恤 白色 L,5,2,3,0',
      '',
    ]);
    expect((await download('/api/ops/inventory/stock.csv')).split('\r\n')).toHaveLength(6);
    const res = await countCsv(`warehouse=GZ01&reason=${encodeURIComponent('月末盘点')}`, 'sku,on_hand,safety_stock\nTEE-WHITE-L,4,3\nMUG-350,7,\n');
    expect(res.status).toBe(201);
    const count = await res.json();
    expect(count).toMatchObject({ kind: 'count', warehouse: 'GZ01', lines: [{ sku: 'TEE-WHITE-L', onHandDelta: -1, onHandAfter: 4 }, { sku: 'MUG-350', onHandDelta: 2, onHandAfter: 7 }] });
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).toEqual({ onHand: 4, reserved: 2, available: 2, ledgerOnHand: 4, ledgerReserved: 2 });
    // Available 2 is now below the safety stock of 3 the file set: an alert is open.
    expect(await t.db.selectFrom('low_stock_alerts').select('safety_stock').where('closed_at', 'is', null).execute()).toEqual([{ safety_stock: 3 }]);
  });

  it('takes an exported file with the counted figures typed in as the count', async () => {
    const exported = await download('/api/ops/inventory/stock.csv?warehouse=SH01');
    const counted = exported.replace('SH01,MUG-350,陶瓷马克杯 350ml,20', 'SH01,MUG-350,陶瓷马克杯 350ml,18');
    expect((await countCsv('warehouse=SH01&reason=recount', counted)).status).toBe(201);
    expect(await stockBooks(t.db, 'MUG-350', 'SH01')).toMatchObject({ onHand: 18, ledgerOnHand: 18 });
  });

  it('refuses a count file with any bad line, every line reported, and books nothing', async () => {
    await placeOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 3 }]);
    const before = await stockBooks(t.db, 'MUG-350', 'GZ01');
    const file = ['warehouse,sku,on_hand,safety_stock', 'GZ01,MUG-350,4,', 'GZ01,TEE-WHITE-L,2,', 'GZ01,NOPE-1,1,', 'GZ01,MUG-350,3,', ',HAT-1,lots,', 'SH01,MUG-350,1,', 'GZ01,MUG-350,1,-2'].join('\n');
    const error = await refusal(await countCsv('warehouse=GZ01&reason=x', file));
    expect(error.code).toBe('csv_refused');
    expect(error.details.lines.map((l) => [l.line, l.sku, l.problems.map((p) => p.code)])).toEqual([
      [3, 'TEE-WHITE-L', ['below_reserved']],
      [4, 'NOPE-1', ['unknown_sku']],
      [5, 'MUG-350', ['duplicate_sku']],
      [6, 'HAT-1', ['not_a_count', 'unknown_sku']],
      [7, 'MUG-350', ['invalid_value', 'duplicate_sku']],
      [8, 'MUG-350', ['not_a_count', 'duplicate_sku']],
    ]);
    expect(await stockBooks(t.db, 'MUG-350', 'GZ01')).toEqual(before);
    expect(await t.db.selectFrom('stock_documents').select('kind').where('kind', '=', 'count').execute()).toEqual([]);
  });

  it('wants a known warehouse and a reason, and a header with sku and on_hand', async () => {
    const file = 'sku,on_hand\nMUG-350,1\n';
    expect((await refusal(await countCsv('warehouse=GZ01', file), 400)).code).toBe('invalid_query');
    expect((await refusal(await countCsv('warehouse=BJ01&reason=x', file), 404)).code).toBe('warehouse_not_found');
    expect((await refusal(await countCsv('warehouse=GZ01&reason=x', 'sku,count\nMUG-350,1\n'))).details.required).toEqual(['sku', 'on_hand']);
    expect((await t.app.request('/api/ops/inventory/stock.csv?warehouse=BJ01', { headers: { cookie: staff } })).status).toBe(404);
    expect((await stockBooks(t.db, 'MUG-350', 'GZ01')).onHand).toBe(5);
  });
});
