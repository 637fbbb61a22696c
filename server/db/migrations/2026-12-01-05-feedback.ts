import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

// Frozen in time: imports no application code. Feedback, follow-ups (customer call-backs).

type AnyDb = Kysely<any>;
type Builder = CreateTableBuilder<string, string>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (t: Builder): Builder =>
    pg
      ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : t.addColumn('id', 'integer', (c) => c.primaryKey());

  // One per shipment: the unique index is what makes a second POST a 409 even when two race.
  await id(db.schema.createTable('feedback'))
    .addColumn('shipment_id', 'integer', (c) => c.notNull().unique().references('shipments.id'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('csat', 'integer', (c) => c.notNull())
    .addColumn('nps', 'integer')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('photo_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // CSAT and NPS over time are read by creation date.
  await db.schema.createIndex('feedback_created_idx').on('feedback').column('created_at').execute();

  await id(db.schema.createTable('feedback_categories'))
    .addColumn('feedback_id', 'integer', (c) => c.notNull().references('feedback.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // Categories over time group by day then category; an edit rewrites one feedback's rows.
  await db.schema.createIndex('feedback_categories_created_idx').on('feedback_categories').columns(['created_at', 'category']).execute();
  await db.schema.createIndex('feedback_categories_feedback_idx').on('feedback_categories').column('feedback_id').execute();

  await id(db.schema.createTable('follow_ups'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('shipment_id', 'integer', (c) => c.notNull().references('shipments.id'))
    .addColumn('feedback_id', 'integer', (c) => c.references('feedback.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('customer_note', 'text')
    .addColumn('resolved_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('resolved_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // The staff queue: open ones by due time.
  await db.schema.createIndex('follow_ups_status_due_idx').on('follow_ups').columns(['status', 'due_at']).execute();
  // "Is one already open for this shipment?" before opening another.
  await db.schema.createIndex('follow_ups_shipment_idx').on('follow_ups').columns(['shipment_id', 'status']).execute();
  // The open-too-long sweep looks at shipments in Exception only.
  await db.schema.createIndex('shipments_status_updated_idx').on('shipments').columns(['status', 'updated_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('shipments_status_updated_idx').execute();
  await db.schema.dropTable('follow_ups').execute();
  await db.schema.dropTable('feedback_categories').execute();
  await db.schema.dropTable('feedback').execute();
}
