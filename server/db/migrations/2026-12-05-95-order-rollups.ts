import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code. The order side of the dashboard and the process
// map as roll-ups (issue 12), folded forward like the parcels' (migration 06).
//
// An order's facts change in place (paid, picked, packed, handed over, cancelled), so they
// cannot be found by id the way new tracking events are. Each write that changes them sets
// orders.analytics_dirty; the refresh folds the dirty orders (taking out what each gave
// before, kept in analytics_orders_folded, and putting back what it gives now) and clears the
// flag in the same transaction. New orders start dirty. Pick scans and the stock ledger only
// grow, and are folded by id like tracking events.

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('orders').addColumn('analytics_dirty', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  // Partial: only the few orders changed since the last refresh are in it.
  await db.schema.createIndex('orders_analytics_dirty_idx').on('orders').column('id').where(sql.ref('analytics_dirty'), '=', sql.lit(1)).execute();

  // What each order gave the roll-ups when it was last folded, to take it out again exactly.
  await db.schema
    .createTable('analytics_orders_folded')
    .addColumn('order_id', 'integer', (c) => c.primaryKey())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('paid_at', 'bigint')
    .addColumn('picked_at', 'bigint')
    .addColumn('packed_at', 'bigint')
    .addColumn('handed_over_at', 'bigint')
    .addColumn('cancelled_at', 'bigint')
    .execute();

  // Which SKU ran out in which warehouse on which day (stock-outs over a range count pairs once).
  await db.schema
    .createTable('analytics_stock_outs')
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('warehouse_id', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_stock_outs_pk', ['day', 'warehouse_id', 'product_id'])
    .execute();

  await db.schema.alterTable('analytics_state').addColumn('pick_scans_upto', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('analytics_state').addColumn('ledger_upto', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  // A database whose roll-ups were built before this: build again, order side included.
  await db.updateTable('analytics_state').set({ time_zone: '' }).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('analytics_state').dropColumn('ledger_upto').execute();
  await db.schema.alterTable('analytics_state').dropColumn('pick_scans_upto').execute();
  await db.schema.dropTable('analytics_stock_outs').execute();
  await db.schema.dropTable('analytics_orders_folded').execute();
  await db.schema.dropIndex('orders_analytics_dirty_idx').execute();
  await db.schema.alterTable('orders').dropColumn('analytics_dirty').execute();
}
