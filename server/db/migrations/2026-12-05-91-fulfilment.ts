import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

// Frozen in time: imports no application code. From shelf to doorstep (product document 4c):
// warehouse workers and the bins stock lies in, pick waves made from paid orders with their
// lines and every scan (right or wrong, for pick accuracy), and the facts packing and
// hand-over add to orders and shipments.

type AnyDb = Kysely<any>;
type Builder = CreateTableBuilder<string, string>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (t: Builder): Builder =>
    pg
      ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : t.addColumn('id', 'integer', (c) => c.primaryKey());

  // A staff row with role `warehouse` works in one warehouse.
  await db.schema.alterTable('staff').addColumn('warehouse_id', 'integer', (c) => c.references('warehouses.id')).execute();
  // Where a SKU lies in a warehouse (A-01-03: aisle, rack, shelf); '' when not placed yet.
  await db.schema.alterTable('stock_levels').addColumn('bin', 'text', (c) => c.notNull().defaultTo('')).execute();

  // The steps before the parcel exists, so the process map can time them.
  await db.schema.alterTable('orders').addColumn('picked_at', 'bigint').execute();
  await db.schema.alterTable('orders').addColumn('packed_at', 'bigint').execute();
  // Held after a short pick that no warehouse could make good; null when not held.
  await db.schema.alterTable('orders').addColumn('held_at', 'bigint').execute();
  await db.schema.alterTable('orders').addColumn('hold_reason', 'text').execute();

  await db.schema.alterTable('shipments').addColumn('warehouse_id', 'integer', (c) => c.references('warehouses.id')).execute();
  await db.schema.alterTable('shipments').addColumn('weight_grams', 'integer').execute();
  await db.schema.alterTable('shipments').addColumn('packed_by', 'integer').execute();
  // Null: an own courier carries it (or nobody yet); else the third-party carrier's code.
  await db.schema.alterTable('shipments').addColumn('carrier_code', 'text').execute();
  await db.schema.alterTable('shipments').addColumn('handed_over_at', 'bigint').execute();

  // A third-party carrier the shop hands parcels to; its secret signs the events it pushes.
  await id(db.schema.createTable('carriers'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('kuaidi100_salt', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('pick_waves'))
    .addColumn('wave_no', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    // open → picked (every line picked or short) → packed (every order in it packed or held)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('picked_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .execute();
  await db.schema.createIndex('pick_waves_warehouse_idx').on('pick_waves').columns(['warehouse_id', 'status']).execute();

  // One line per order line in the wave; the pick list groups them by bin and SKU.
  await id(db.schema.createTable('pick_lines'))
    .addColumn('wave_id', 'integer', (c) => c.notNull().references('pick_waves.id'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('order_item_id', 'integer', (c) => c.notNull().references('order_items.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('bin', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('picked_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('short_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('picked_at', 'bigint')
    .addCheckConstraint('pick_lines_within', sql`picked_quantity >= 0 and short_quantity >= 0 and picked_quantity + short_quantity <= quantity`)
    .execute();
  await db.schema.createIndex('pick_lines_wave_idx').on('pick_lines').columns(['wave_id', 'bin']).execute();
  await db.schema.createIndex('pick_lines_order_idx').on('pick_lines').column('order_id').execute();

  // Every scan, kept: pick accuracy = picked scans / all scans.
  await id(db.schema.createTable('pick_scans'))
    .addColumn('wave_id', 'integer', (c) => c.notNull().references('pick_waves.id'))
    .addColumn('pick_line_id', 'integer', (c) => c.references('pick_lines.id'))
    .addColumn('barcode', 'text', (c) => c.notNull())
    // picked | wrong_item | already_picked
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer')
    .addColumn('scanned_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pick_scans_time_idx').on('pick_scans').columns(['scanned_at']).execute();
}
