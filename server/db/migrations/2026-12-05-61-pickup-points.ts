import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. A courier who puts a parcel in a locker or
// leaves it at a station says where and with which code; the event keeps both (the code only
// there, for the verified customer), the shipment keeps where and until when (JSON, no code)
// for the public view, which is one read of the shipment row.

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('tracking_events').addColumn('pickup_code', 'text').execute();
  await db.schema.alterTable('tracking_events').addColumn('pickup_place', 'text').execute();
  await db.schema.alterTable('shipments').addColumn('pickup_place', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('shipments').dropColumn('pickup_place').execute();
  await db.schema.alterTable('tracking_events').dropColumn('pickup_place').execute();
  await db.schema.alterTable('tracking_events').dropColumn('pickup_code').execute();
}
