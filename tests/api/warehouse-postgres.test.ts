import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { freePort } from '../support/free-port';
import { paidOrder, stockedShop } from '../support/ops-stock-fixtures';
import { testDeps } from '../support/app-deps';
import { startPostgres } from '../support/postgres-server';
import { stockBooks } from '../support/shop-fixtures';
import type { createTestApp } from '../support/test-app';
import { pickedOrder, placeBins, warehouseCall, warehouseWorker } from '../support/warehouse-fixtures';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

// Waves and packing on a real PostgreSQL server, three app instances with their own pools:
// the guards must hold across connections, not only in SQLite's one writer.
let pg: ReturnType<typeof startPostgres>;
const handles: DatabaseHandle[] = [];
let instances: TestApp[];
let worker: string;
const now = Date.UTC(2026, 10, 21, 4, 0, 0);

beforeAll(async () => {
  pg = startPostgres(await freePort());
  for (let i = 0; i < 3; i++) handles.push(createDb(pg.url));
  await migrateToLatest(handles[0]!.db);
  instances = handles.map((h) => {
    const deps = testDeps(h.db, () => now);
    return { app: createApp(deps), deps, db: h.db, now: () => now, setNow: () => undefined, dispose: async () => undefined };
  });
  await stockedShop(instances[0]!, { gz: 50, sh: 50 });
  await placeBins(instances[0]!, 'GZ01', { 'TEE-WHITE-L': 'A-01-01', 'MUG-350': 'A-01-02' });
  worker = await warehouseWorker(instances[0]!, 'GZ01');
}, 60_000);
afterAll(async () => {
  for (const h of handles) await h.close();
  pg?.stop();
});

describe('the warehouse face on PostgreSQL, three app instances', () => {
  it('never puts one order line in two waves when workers press at once', async () => {
    for (let i = 0; i < 8; i++) await paidOrder(instances[0]!, [{ sku: 'MUG-350', quantity: 1 }]);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => warehouseCall(instances[i % 3]!, worker, 'POST', '/waves', { maxOrders: 2 })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(4);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(['no_orders_ready', 'no_orders_ready']);
    const lines = await handles[0]!.db.selectFrom('pick_lines').select('order_item_id').execute();
    expect(lines).toHaveLength(8);
    expect(new Set(lines.map((l) => l.order_item_id)).size).toBe(8);
  }, 60_000);

  it('makes one parcel when the pack button is pressed on three instances at once', async () => {
    const box = [{ sku: 'TEE-WHITE-L', quantity: 2 }];
    const before = await stockBooks(handles[0]!.db, 'TEE-WHITE-L', 'GZ01');
    const { orderNo } = await pickedOrder(instances[0]!, worker, box);
    const answers = await Promise.all(instances.flatMap((i) => [i, i]).map((i) => warehouseCall(i, worker, 'POST', `/orders/${orderNo}/pack`, { lines: box, weightGrams: 500 })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const order = await handles[0]!.db.selectFrom('orders').select(['id', 'status']).where('order_no', '=', orderNo).executeTakeFirstOrThrow();
    expect(order.status).toBe('shipped');
    expect(await handles[0]!.db.selectFrom('shipments').select('id').where('order_id', '=', order.id).execute()).toHaveLength(1);
    const after = await stockBooks(handles[0]!.db, 'TEE-WHITE-L', 'GZ01');
    expect(after).toMatchObject({ onHand: before.onHand - 2, reserved: before.reserved, ledgerOnHand: after.onHand, ledgerReserved: after.reserved });
  }, 60_000);
});
