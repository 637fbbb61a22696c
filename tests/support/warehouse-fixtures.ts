import type { WaveView } from '../../shared/api/warehouse';
import { hashPassword } from '../../server/domain/auth/password';
import { TEST_PASSWORD } from './accounts';
import { signIn } from './courier-fixtures';
import { jsonHeaders, type createTestApp } from './test-app';

type TestApp = Pick<Awaited<ReturnType<typeof createTestApp>>, 'app' | 'db'>;

let serial = 0;
let hash: Promise<string> | null = null;

/** A warehouse worker (a staff row with role `warehouse`) of the warehouse with this code, signed in: their cookie. */
export async function warehouseWorker(t: TestApp & Parameters<typeof signIn>[0], code: string): Promise<string> {
  const { id: warehouseId } = await t.db.selectFrom('warehouses').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  const password_hash = await (hash ??= hashPassword(TEST_PASSWORD));
  const email = `picker${++serial}-${code.toLowerCase()}@doorstep.test`;
  await t.db.insertInto('staff').values({ name: '仓管 梁', email, password_hash, role: 'warehouse', warehouse_id: warehouseId, created_at: Date.UTC(2026, 0, 1) }).execute();
  return signIn(t, email);
}

/** Puts SKUs in bins of a warehouse (stock rows must exist: receive stock first). */
export async function placeBins(t: TestApp, code: string, bins: Record<string, string>): Promise<void> {
  const { id } = await t.db.selectFrom('warehouses').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  for (const [sku, bin] of Object.entries(bins)) {
    const product = await t.db.selectFrom('products').select('id').where('sku', '=', sku).executeTakeFirstOrThrow();
    await t.db.updateTable('stock_levels').set({ bin }).where('warehouse_id', '=', id).where('product_id', '=', product.id).execute();
  }
}

export async function warehouseCall(t: TestApp, cookie: string | undefined, method: string, path: string, body?: unknown) {
  const res = await t.app.request(`/api/warehouse${path}`, {
    method,
    headers: { ...jsonHeaders, ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A new wave of the orders waiting (201 expected). */
export async function newWave(t: TestApp, cookie: string, maxOrders?: number): Promise<WaveView> {
  const res = await warehouseCall(t, cookie, 'POST', '/waves', maxOrders === undefined ? {} : { maxOrders });
  if (res.status !== 201) throw new Error(`creating a wave failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as WaveView;
}

/** Scans every unit of every stop of the wave (by SKU code): the wave ends picked. */
export async function pickWholeWave(t: TestApp, cookie: string, wave: WaveView): Promise<void> {
  for (const stop of wave.stops) {
    for (let i = stop.pickedQuantity + stop.shortQuantity; i < stop.quantity; i++) {
      const res = await warehouseCall(t, cookie, 'POST', `/waves/${wave.wave.waveNo}/scans`, { barcode: stop.barcode ?? stop.sku });
      if (res.status !== 200 || res.body.outcome !== 'picked') throw new Error(`scan failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
}
