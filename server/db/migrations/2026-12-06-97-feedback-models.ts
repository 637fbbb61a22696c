import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen in time: imports no application code. Feedback models staff retrained (issue 14):
// kept in the database rather than a file, so every instance on one PostgreSQL files feedback
// with the same model, and a restart keeps it. The newest row is the model in use; with none,
// the model file committed with the code.

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('feedback_models')
    .addColumn('id', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('examples', 'integer', (c) => c.notNull())
    .addColumn('corrections', 'integer', (c) => c.notNull())
    .addColumn('held_out_macro_f1', 'double precision', (c) => c.notNull())
    // The model file's JSON (about 1.6 MB).
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('feedback_models').execute();
}
