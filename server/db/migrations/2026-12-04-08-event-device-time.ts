import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. A phone whose clock ran ahead put events in
// the future. The event now keeps a time no later than the server's receipt, and the phone's
// own reading, when it was not believed, is kept beside it as evidence (and as the flag).

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('tracking_events').addColumn('device_occurred_at', 'bigint').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('tracking_events').dropColumn('device_occurred_at').execute();
}
