import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. Events pushed by third-party carriers land in
// tracking_events like any other; the carrier's own event id (and whose it is) marks them, and
// a unique index on the pair is the guard that applies each one once however often it arrives.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tracking_events').addColumn('carrier_code', 'text').execute();
  await db.schema.alterTable('tracking_events').addColumn('carrier_event_id', 'text').execute();
  // Not partial: both databases let many rows have NULLs here (every non-carrier event), and a
  // plain unique index can be named as an ON CONFLICT target on SQLite and PostgreSQL alike.
  await db.schema
    .createIndex('tracking_events_carrier_event_uq')
    .on('tracking_events')
    .columns(['carrier_code', 'carrier_event_id'])
    .unique()
    .execute();
}
