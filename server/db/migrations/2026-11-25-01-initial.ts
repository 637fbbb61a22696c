import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

// Frozen in time: this file imports no application code and must keep producing the same
// schema on SQLite and PostgreSQL for as long as databases made by it exist.

// Migrations see the database as it was then, not the app's current types.
type AnyDb = Kysely<any>;
type Builder = CreateTableBuilder<string, string>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  // SQLite: INTEGER PRIMARY KEY is the rowid; PostgreSQL: an identity column.
  const id = (t: Builder): Builder =>
    pg
      ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : t.addColumn('id', 'integer', (c) => c.primaryKey());

  await id(db.schema.createTable('customers'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('products'))
    .addColumn('sku', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('price_fen', 'integer', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('orders'))
    .addColumn('order_no', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('items_total_fen', 'integer', (c) => c.notNull())
    .addColumn('discount_fen', 'integer', (c) => c.notNull())
    .addColumn('shipping_fen', 'integer', (c) => c.notNull())
    .addColumn('paid_total_fen', 'integer', (c) => c.notNull())
    .addColumn('paid_at', 'bigint', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('recipient_phone', 'text', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orders_customer_idx').on('orders').column('customer_id').execute();

  await id(db.schema.createTable('order_items'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_fen', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_items_order_idx').on('order_items').column('order_id').execute();

  await id(db.schema.createTable('couriers'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('staff'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('shipments'))
    .addColumn('tracking_no', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('courier_id', 'integer', (c) => c.references('couriers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sub_status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('origin_province', 'text', (c) => c.notNull())
    .addColumn('origin_city', 'text', (c) => c.notNull())
    .addColumn('destination_province', 'text', (c) => c.notNull())
    .addColumn('destination_city', 'text', (c) => c.notNull())
    .addColumn('promised_by', 'bigint')
    .addColumn('delivered_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    // The public timeline as served (JSON array, newest first), kept beside the status in
    // the same transaction as each event: the tracking view is then one point read.
    .addColumn('public_timeline', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('shipments_order_idx').on('shipments').column('order_id').execute();
  await db.schema.createIndex('shipments_courier_idx').on('shipments').columns(['courier_id', 'status']).execute();
  await db.schema.createIndex('shipments_created_idx').on('shipments').column('created_at').execute();

  await id(db.schema.createTable('tracking_events'))
    .addColumn('shipment_id', 'integer', (c) => c.notNull().references('shipments.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sub_status', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .addColumn('province', 'text')
    .addColumn('city', 'text')
    .addColumn('reason_code', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('note', 'text')
    .addColumn('recipient_name', 'text')
    .addColumn('photo_id', 'text')
    .execute();
  // The tracking view reads one shipment's events in time order: one index range scan.
  await db.schema
    .createIndex('tracking_events_shipment_time_idx')
    .on('tracking_events')
    .columns(['shipment_id', 'occurred_at'])
    .execute();

  await id(db.schema.createTable('customer_sessions'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('verify_attempts'))
    .addColumn('shipment_id', 'integer', (c) => c.notNull().references('shipments.id'))
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('attempted_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('verify_attempts_shipment_idx')
    .on('verify_attempts')
    .columns(['shipment_id', 'attempted_at'])
    .execute();
  await db.schema
    .createIndex('verify_attempts_client_idx')
    .on('verify_attempts')
    .columns(['client_key', 'attempted_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'verify_attempts',
    'customer_sessions',
    'tracking_events',
    'shipments',
    'staff',
    'couriers',
    'order_items',
    'orders',
    'products',
    'customers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
