import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Hono } from 'hono';
import type { Database } from '../../server/db/schema';
import { createStaff, TEST_PASSWORD } from './accounts';
import { jsonHeaders } from './test-app';

/** What the shop API tests need of an app: something to send requests to, and its database. */
export interface ShopTestApp {
  app: Pick<Hono, 'request'>;
  db: Kysely<Database>;
  now: () => number;
}

/** A shop API key made the way staff make one: signed in, through the ops endpoint. */
export async function shopKey(t: ShopTestApp, name = '小程序商城'): Promise<string> {
  const staff = await createStaff(t.db);
  const login = await t.app.request('/api/auth/login', { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ login: staff.email, password: TEST_PASSWORD }) });
  if (login.status !== 200) throw new Error(`staff sign-in failed: ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const res = await t.app.request('/api/ops/api-keys', { method: 'POST', headers: { ...jsonHeaders, cookie }, body: JSON.stringify({ name }) });
  if (res.status !== 201) throw new Error(`creating an API key failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}

/** An error answer as the tests read it. */
export interface ErrorBody {
  error: { code: string; message: string; details?: { lines?: unknown[]; coupons?: unknown[]; skus?: string[] } };
}

export interface ShopCall {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  /** POSTs get a fresh Idempotency-Key unless one is given; `null` sends none. */
  idempotencyKey?: string | null;
}

export async function shopRequest(t: ShopTestApp, key: string, path: string, call: ShopCall = {}): Promise<Response> {
  const method = call.method ?? (call.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { ...jsonHeaders, authorization: `Bearer ${key}` };
  const idem = call.idempotencyKey === undefined ? (method === 'POST' ? randomUUID() : null) : call.idempotencyKey;
  if (idem) headers['idempotency-key'] = idem;
  const body = call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  return t.app.request(`/api/shop${path}`, { method, headers, body });
}

export async function shopJson<T = Record<string, unknown>>(t: ShopTestApp, key: string, path: string, call: ShopCall = {}, expected = 200): Promise<T> {
  const res = await shopRequest(t, key, path, call);
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${call.method ?? 'request'} ${path}: expected ${expected}, got ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export const SHANGHAI_WAREHOUSE = {
  name: { 'zh-CN': '上海青浦仓', en: 'Shanghai Qingpu' },
  provinces: ['上海市', '江苏省', '浙江省', '安徽省'],
  address: { province: '上海市', city: '上海市', district: '青浦区', street: '华新镇新凤中路 1000 号' },
};
export const GUANGZHOU_WAREHOUSE = {
  name: { 'zh-CN': '广州白云仓', en: 'Guangzhou Baiyun' },
  provinces: ['广东省', '广西壮族自治区', '福建省', '海南省'],
  address: { province: '广东省', city: '广州市', district: '白云区', street: '太和镇大源北路 88 号' },
};
export const TEE = { name: { 'zh-CN': '纯棉短袖T恤 白色 L', en: 'Cotton T-shirt white L' }, category: 'apparel', priceFen: 7900, barcode: '6901234567892', weightGrams: 220 };
export const MUG = { name: { 'zh-CN': '陶瓷马克杯 350ml', en: 'Ceramic mug 350 ml' }, category: 'home', priceFen: 3500, weightGrams: 380 };

export const BUYER = { name: '王小明', phone: '13812345678', address: { province: '广东省', city: '深圳市', district: '南山区', street: '科技园南区 8 栋 1203' } };

/** Two warehouses, two SKUs, and stock of each in each. */
export async function seedShop(t: ShopTestApp, key: string, stock: { sh?: number; gz?: number; sku?: string } = {}) {
  await shopJson(t, key, '/warehouses/SH01', { method: 'PUT', body: SHANGHAI_WAREHOUSE }, 201);
  await shopJson(t, key, '/warehouses/GZ01', { method: 'PUT', body: GUANGZHOU_WAREHOUSE }, 201);
  await shopJson(t, key, '/products/TEE-WHITE-L', { method: 'PUT', body: TEE }, 201);
  await shopJson(t, key, '/products/MUG-350', { method: 'PUT', body: MUG }, 201);
  for (const [warehouse, quantity] of [['SH01', stock.sh ?? 20], ['GZ01', stock.gz ?? 5]] as const) {
    if (quantity > 0) {
      await shopJson(t, key, '/stock/receipts', { body: { warehouse, lines: [{ sku: 'TEE-WHITE-L', quantity }, { sku: 'MUG-350', quantity }] } }, 201);
    }
  }
}

/** On hand, reserved and the ledger's sums for one SKU in one warehouse: the books must agree. */
export async function stockBooks(db: Kysely<Database>, sku: string, warehouse: string) {
  const level = await db
    .selectFrom('stock_levels as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .innerJoin('warehouses as w', 'w.id', 's.warehouse_id')
    .select(['s.on_hand', 's.reserved', 's.product_id', 's.warehouse_id'])
    .where('p.sku', '=', sku)
    .where('w.code', '=', warehouse)
    .executeTakeFirstOrThrow();
  const sums = await db
    .selectFrom('stock_ledger')
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('on_hand_delta'), eb.lit(0)).as('onHand'), eb.fn.coalesce(eb.fn.sum<number>('reserved_delta'), eb.lit(0)).as('reserved')])
    .where('product_id', '=', level.product_id)
    .where('warehouse_id', '=', level.warehouse_id)
    .executeTakeFirstOrThrow();
  return { onHand: level.on_hand, reserved: level.reserved, available: level.on_hand - level.reserved, ledgerOnHand: Number(sums.onHand), ledgerReserved: Number(sums.reserved) };
}
