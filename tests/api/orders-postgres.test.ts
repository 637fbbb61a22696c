import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import type { AppDeps } from '../../server/app-deps';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { cancelOverdueOrders } from '../../server/domain/order-lifecycle/order-cancel';
import { freePort } from '../support/free-port';
import { lastUnitsRush } from '../support/oversell-scenario';
import { startPostgres } from '../support/postgres-server';
import { BUYER, seedShop, shopJson, shopKey, shopRequest, stockBooks, type ShopTestApp } from '../support/shop-fixtures';
import { testDeps } from '../support/app-deps';
import type { ShopOrderView } from '../../shared/api/shop';

// Several app instances, each with its own connection pool, over one real PostgreSQL server:
// the scale-out deployment, where the guard has to hold across processes, not just in one.
let pg: ReturnType<typeof startPostgres>;
const handles: DatabaseHandle[] = [];
let instances: (ShopTestApp & { deps: AppDeps })[];
let key: string;
const now = Date.UTC(2026, 10, 21, 4, 0, 0);

beforeAll(async () => {
  pg = startPostgres(await freePort());
  for (let i = 0; i < 3; i++) handles.push(createDb(pg.url));
  await migrateToLatest(handles[0]!.db);
  instances = handles.map((h) => {
    const deps = testDeps(h.db, () => now);
    return { app: createApp(deps), db: h.db, now: () => now, deps };
  });
  key = await shopKey(instances[0]!);
  await seedShop(instances[0]!, key);
}, 60_000);
afterAll(async () => {
  for (const h of handles) await h.close();
  pg?.stop();
});

describe('orders and stock on PostgreSQL, three app instances', () => {
  it('gives 200 buyers at once exactly the last 10 units, and the books agree', async () => {
    await lastUnitsRush(instances, key, 200, 10);
  }, 120_000);

  it('counts a coupon capped at 5 uses exactly 5 times when 40 buyers use it at once', async () => {
    await shopJson(instances[0]!, key, '/coupons/FIRST5', { method: 'PUT', body: { kind: 'fixed', amountOffFen: 1000, totalLimit: 5 } }, 201);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        shopRequest(instances[i % 3]!, key, '/orders', { body: { customer: { ...BUYER, phone: `137${String(i).padStart(8, '0')}` }, lines: [{ sku: 'MUG-350', quantity: 1 }], couponCodes: ['FIRST5'] } }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 422)).toHaveLength(35);
    const coupon = await handles[0]!.db.selectFrom('coupons').select('used_count').where('code', '=', 'FIRST5').executeTakeFirstOrThrow();
    expect(coupon.used_count).toBe(5);
  }, 60_000);

  it('cancels an unpaid order once when the deadline job runs in every instance at once and staff cancel too', async () => {
    const placed = await shopJson<ShopOrderView>(instances[0]!, key, '/orders', { body: { customer: BUYER, lines: [{ sku: 'TEE-WHITE-L', quantity: 2 }] } }, 201);
    const before = await stockBooks(handles[0]!.db, 'TEE-WHITE-L', 'GZ01');
    const later = placed.payBy!;
    const [, staff] = await Promise.all([
      Promise.all(instances.map((i) => cancelOverdueOrders(i.db, i.deps.payments, later))),
      shopRequest(instances[1]!, key, `/orders/${placed.orderNo}/cancel`, { body: {} }),
    ]);
    // Staff either cancelled it or were told it already was: never an error, never twice.
    expect([200, 409]).toContain(staff.status);
    const order = await handles[0]!.db.selectFrom('orders').select(['id', 'status']).where('order_no', '=', placed.orderNo).executeTakeFirstOrThrow();
    expect(order.status).toBe('cancelled');
    const releases = await handles[0]!.db.selectFrom('stock_ledger').select('id').where('order_id', '=', order.id).where('kind', '=', 'release').execute();
    expect(releases).toHaveLength(1);
    const after = await stockBooks(handles[0]!.db, 'TEE-WHITE-L', 'GZ01');
    expect(after.reserved).toBe(before.reserved - 2);
    expect(after).toMatchObject({ ledgerOnHand: after.onHand, ledgerReserved: after.reserved });
  }, 60_000);
});
