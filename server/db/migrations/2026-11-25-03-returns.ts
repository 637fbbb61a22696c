import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

// Frozen in time: imports no application code. After-sales: return requests with their items
// and history, refunds (at most one per return or claim), the simulated payment provider's
// ledger, lost-parcel claims, customers' photos, and return shipments as a leg of shipments.

type AnyDb = Kysely<any>;
type Builder = CreateTableBuilder<string, string>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (t: Builder): Builder =>
    pg
      ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : t.addColumn('id', 'integer', (c) => c.primaryKey());

  // A shipment is either the outbound delivery or a return pickup going back to the shop.
  await db.schema.alterTable('shipments').addColumn('leg', 'text', (c) => c.notNull().defaultTo('delivery')).execute();
  await db.schema.alterTable('shipments').addColumn('return_id', 'integer').execute();

  await id(db.schema.createTable('return_requests'))
    .addColumn('return_no', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('shipment_id', 'integer', (c) => c.notNull().references('shipments.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('reason_detail', 'text', (c) => c.notNull())
    .addColumn('item_condition', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('pickup_slot_start', 'bigint')
    .addColumn('pickup_slot_end', 'bigint')
    .addColumn('dropoff_code', 'text')
    .addColumn('note', 'text')
    .addColumn('photo_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    // The refund breakdown the customer was shown (JSON) and its total, kept with the return.
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('quote_fen', 'integer', (c) => c.notNull())
    // What inspection settled on (JSON breakdown of accepted units); null until received.
    .addColumn('settlement', 'text')
    .addColumn('review_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('decision_note', 'text')
    .addColumn('return_shipment_id', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('return_requests_order_idx').on('return_requests').column('order_id').execute();
  await db.schema.createIndex('return_requests_status_idx').on('return_requests').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('return_requests_created_idx').on('return_requests').column('created_at').execute();

  await id(db.schema.createTable('return_items'))
    .addColumn('return_id', 'integer', (c) => c.notNull().references('return_requests.id'))
    .addColumn('order_item_id', 'integer', (c) => c.notNull().references('order_items.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('accepted_quantity', 'integer')
    .addColumn('damaged_quantity', 'integer')
    .execute();
  await db.schema.createIndex('return_items_return_idx').on('return_items').column('return_id').execute();
  await db.schema.createIndex('return_items_order_item_idx').on('return_items').column('order_item_id').execute();

  await id(db.schema.createTable('return_events'))
    .addColumn('return_id', 'integer', (c) => c.notNull().references('return_requests.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('return_events_return_idx').on('return_events').columns(['return_id', 'occurred_at']).execute();

  await id(db.schema.createTable('parcel_claims'))
    .addColumn('claim_no', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('shipment_id', 'integer', (c) => c.notNull().references('shipments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('resend_shipment_id', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by', 'integer')
    .execute();
  // One open claim per parcel, however often the button is pressed.
  await db.schema
    .createIndex('parcel_claims_open_idx')
    .on('parcel_claims')
    .column('shipment_id')
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema.createIndex('parcel_claims_status_idx').on('parcel_claims').columns(['status', 'created_at']).execute();

  // At most one refund per return and per claim (the unique keys are the exactly-once guard).
  await id(db.schema.createTable('refunds'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('return_id', 'integer', (c) => c.unique().references('return_requests.id'))
    .addColumn('claim_id', 'integer', (c) => c.unique().references('parcel_claims.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_reference', 'text')
    .addColumn('requested_by', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .execute();
  await db.schema.createIndex('refunds_order_idx').on('refunds').column('order_id').execute();

  // The simulated payment provider's own books: what a real provider would hold on its side.
  await db.schema
    .createTable('simulated_provider_refunds')
    .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('order_no', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customer_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('stored_name', 'text', (c) => c.notNull().unique())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'customer_uploads',
    'simulated_provider_refunds',
    'refunds',
    'parcel_claims',
    'return_events',
    'return_items',
    'return_requests',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('shipments').dropColumn('return_id').execute();
  await db.schema.alterTable('shipments').dropColumn('leg').execute();
}
