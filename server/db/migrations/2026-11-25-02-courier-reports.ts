import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

// Frozen in time: imports no application code. Courier sign-in, reports from the phone's
// outbox (applied exactly once), photo uploads, and the settings they depend on.

type AnyDb = Kysely<any>;
type Builder = CreateTableBuilder<string, string>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (t: Builder): Builder =>
    pg
      ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : t.addColumn('id', 'integer', (c) => c.primaryKey());

  await id(db.schema.createTable('user_sessions'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();

  await id(db.schema.createTable('login_attempts'))
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('attempted_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_login_idx').on('login_attempts').columns(['login', 'attempted_at']).execute();
  await db.schema.createIndex('login_attempts_client_idx').on('login_attempts').columns(['client_key', 'attempted_at']).execute();

  // One row per report id ever received: the idempotency record and the visible list of
  // conflicts and rejections. The body hash refuses the same id with a different body.
  await db.schema
    .createTable('courier_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('courier_id', 'integer', (c) => c.notNull().references('couriers.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('device_seq', 'integer', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('tracking_no', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('shipment_version', 'integer')
    .execute();
  await db.schema.createIndex('courier_reports_courier_idx').on('courier_reports').columns(['courier_id', 'outcome']).execute();

  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('courier_id', 'integer', (c) => c.notNull().references('couriers.id'))
    .addColumn('stored_name', 'text', (c) => c.notNull().unique())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('shipment_id', 'integer', (c) => c.references('shipments.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema.alterTable('shipments').addColumn('route_position', 'integer').execute();
  // When the parcel first reached the customer's hands or a pickup point they can use: the
  // promise is kept then, even if they collect it later.
  await db.schema.alterTable('shipments').addColumn('arrived_at', 'bigint').execute();
  await db.schema.alterTable('shipments').addColumn('delivery_instructions', 'text').execute();
  await db.schema.alterTable('tracking_events').addColumn('report_id', 'text').execute();
  await db.schema.alterTable('tracking_events').addColumn('device_seq', 'integer').execute();
  await db.schema.alterTable('tracking_events').addColumn('clock_skew_ms', 'bigint').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const column of ['clock_skew_ms', 'device_seq', 'report_id']) {
    await db.schema.alterTable('tracking_events').dropColumn(column).execute();
  }
  for (const column of ['delivery_instructions', 'arrived_at', 'route_position']) {
    await db.schema.alterTable('shipments').dropColumn(column).execute();
  }
  for (const table of ['settings', 'uploads', 'courier_reports', 'login_attempts', 'user_sessions']) {
    await db.schema.dropTable(table).execute();
  }
}
