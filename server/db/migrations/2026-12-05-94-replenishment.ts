import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

// Frozen in time: imports no application code. Replenishment (product document 4c): what
// staff accept from a suggestion — a receipt plan (units expected from the supplier, "on
// order" until received) or a transfer order (out of one warehouse now, in transit, in at
// the other on receipt). One SKU each, as a suggestion is.

type AnyDb = Kysely<any>;
type Builder = CreateTableBuilder<string, string>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (t: Builder): Builder =>
    pg
      ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : t.addColumn('id', 'integer', (c) => c.primaryKey());

  await id(db.schema.createTable('receipt_plans'))
    .addColumn('plan_no', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('expected_at', 'bigint', (c) => c.notNull())
    // open → received
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint')
    .addColumn('received_quantity', 'integer')
    .addColumn('receipt_document_id', 'integer', (c) => c.references('stock_documents.id'))
    .execute();
  await db.schema.createIndex('receipt_plans_open_idx').on('receipt_plans').columns(['status', 'warehouse_id', 'product_id']).execute();

  await id(db.schema.createTable('transfer_orders'))
    .addColumn('transfer_no', 'text', (c) => c.notNull().unique())
    .addColumn('from_warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    .addColumn('to_warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    // in_transit → received
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('dispatched_at', 'bigint', (c) => c.notNull())
    .addColumn('received_by', 'integer')
    .addColumn('received_at', 'bigint')
    .execute();
  await db.schema.createIndex('transfer_orders_status_idx').on('transfer_orders').columns(['status', 'to_warehouse_id', 'product_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('transfer_orders').execute();
  await db.schema.dropTable('receipt_plans').execute();
}
