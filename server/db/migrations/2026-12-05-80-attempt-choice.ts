import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. After a failed attempt the verified customer may
// pick another day or ask to collect the parcel from the station; the choice (JSON) stays with
// the parcel so the courier's stop shows it. NULL: no choice made since the last attempt.

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('shipments').addColumn('attempt_choice', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('shipments').dropColumn('attempt_choice').execute();
}
