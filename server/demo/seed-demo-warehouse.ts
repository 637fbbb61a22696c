import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hashPassword } from '../domain/auth/password';
import { DEMO_WAREHOUSE_WORKERS } from './demo-accounts';

/**
 * The warehouse side of the demo shop, after its warehouses and stock exist: every SKU given a
 * bin (A-01-01, A-01-02, … in SKU order, ten shelves a rack, so pick lists walk in a real
 * order), and the demo warehouse workers, each in their warehouse.
 */
export async function seedDemoWarehouseFloor(db: Kysely<Database>, createdAt: number): Promise<void> {
  const levels = await db
    .selectFrom('stock_levels as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select(['s.id', 's.warehouse_id', 'p.sku'])
    .where('s.bin', '=', '')
    .orderBy('s.warehouse_id')
    .orderBy('p.sku')
    .execute();
  const placed = new Map<number, number>();
  for (const level of levels) {
    const n = placed.get(level.warehouse_id) ?? 0;
    placed.set(level.warehouse_id, n + 1);
    await db.updateTable('stock_levels').set({ bin: demoBin(n) }).where('id', '=', level.id).execute();
  }
  for (const worker of DEMO_WAREHOUSE_WORKERS) {
    const warehouse = await db.selectFrom('warehouses').select('id').where('code', '=', worker.warehouse).executeTakeFirst();
    if (!warehouse) continue;
    await db
      .insertInto('staff')
      .values({ name: worker.name, email: worker.email, password_hash: await hashPassword(worker.password), role: 'warehouse', warehouse_id: warehouse.id, created_at: createdAt })
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
  }
}

/** The n-th bin (0-based) of a warehouse: aisle letter, rack, shelf. */
export function demoBin(n: number): string {
  const shelf = (n % 10) + 1;
  const rack = Math.floor(n / 10) % 20 + 1;
  const aisle = String.fromCharCode(65 + Math.floor(n / 200));
  return `${aisle}-${String(rack).padStart(2, '0')}-${String(shelf).padStart(2, '0')}`;
}
