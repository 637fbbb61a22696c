import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen in time: imports no application code. Staff corrections of a feedback's categories
// (issue 14). Every correction is kept, so the history says who changed what and when; the
// latest one per feedback is what counts (it is also written into feedback_categories, which the
// call-back list and the dashboard read) and what training learns from.

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('feedback_corrections')
    .addColumn('id', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('feedback_id', 'integer', (c) => c.notNull().references('feedback.id'))
    // JSON string[]: the corrected set, and the set it replaced.
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('previous', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // "The latest correction of this feedback" is the highest id per feedback.
  await db.schema.createIndex('feedback_corrections_feedback_idx').on('feedback_corrections').columns(['feedback_id', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('feedback_corrections').execute();
}
