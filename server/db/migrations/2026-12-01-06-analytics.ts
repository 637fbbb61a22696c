import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. Roll-ups the ops dashboard and process map read.
//
// The tables start empty; the application fills them from the event log the first time a report
// is asked for (or after a demo fill), and from then on folds in only what is new since, so a
// 30-day report over millions of events reads a few thousand roll-up rows.

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Counts per shop day (days since 1970-01-01 of the local date): orders, shipments,
  // delivered / promised / on_time / first_attempt, exception:<reason>.
  await db.schema
    .createTable('analytics_counts')
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_counts_pk', ['day', 'name'])
    .execute();

  // Duration histograms and counts per day and slice: scope `edge` (a → b, by the shipment's
  // created day), `node` (status a), `cohort` (shipments), `stage` (a = stage, by delivered day).
  // dim: '' for everything, `city:…`, `courier:…`, `courier:…|city:…`.
  await db.schema
    .createTable('analytics_durations')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('a', 'text', (c) => c.notNull())
    .addColumn('b', 'text', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_durations_pk', ['scope', 'dim', 'day', 'a', 'b', 'bucket'])
    .execute();

  // The courier each shipment's events were last folded under: what to take back out when
  // its next event arrives (a re-assigned stop moves to its new courier then).
  await db.schema
    .createTable('analytics_folded')
    .addColumn('shipment_id', 'integer', (c) => c.primaryKey())
    .addColumn('courier_id', 'integer')
    .execute();

  // Lower bounds of the duration buckets, written by the application with the roll-ups.
  await db.schema
    .createTable('analytics_buckets')
    .addColumn('bucket', 'integer', (c) => c.primaryKey())
    .addColumn('lo', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('analytics_buckets_lo_idx').on('analytics_buckets').column('lo').execute();

  // One row: how far the roll-ups have read (ids), and for which time zone their days are.
  await db.schema
    .createTable('analytics_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('events_upto', 'bigint', (c) => c.notNull())
    .addColumn('shipments_upto', 'bigint', (c) => c.notNull())
    .addColumn('orders_upto', 'bigint', (c) => c.notNull())
    .addColumn('built_at', 'bigint', (c) => c.notNull())
    .execute();

  // Read straight from their tables by day: refunds paid in a range.
  await db.schema.createIndex('refunds_completed_idx').on('refunds').columns(['completed_at', 'status']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('refunds_completed_idx').execute();
  for (const t of ['analytics_state', 'analytics_buckets', 'analytics_folded', 'analytics_durations', 'analytics_counts']) {
    await db.schema.dropTable(t).execute();
  }
}
