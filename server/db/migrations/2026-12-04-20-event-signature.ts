import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. A delivery's signature was bound to the parcel
// among its photos with nothing to tell it apart, so the verified customer could never be shown
// it. The event now names its signature upload; events from before have none (NULL).

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('tracking_events').addColumn('signature_id', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('tracking_events').dropColumn('signature_id').execute();
}
