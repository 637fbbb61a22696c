import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

// Frozen in time: imports no application code. Staff's changes to settings, recorded with who
// made them; stops moved from one courier to another, with who moved them; and two indexes the
// desk reads the event log through without touching event rows: events by who reported them,
// of a kind, in a time range (per-courier figures), and one shipment's events of a kind by time
// (when its current exception began; whether a delivery had a failed attempt before it); and
// couriers' open stops and the exception queue by status and leg.

type AnyDb = Kysely<any>;
type Builder = CreateTableBuilder<string, string>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (t: Builder): Builder =>
    pg
      ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : t.addColumn('id', 'integer', (c) => c.primaryKey());

  // One row per change: the key, the whole value it took (JSON), who and when.
  await id(db.schema.createTable('settings_changes'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('settings_changes_changed_idx').on('settings_changes').columns(['changed_at', 'id']).execute();

  // A reassignment is not a movement of the parcel, so it is not a tracking event (it would show
  // as a self-loop in the process map and as a step on the customer's page); it is kept here.
  await id(db.schema.createTable('stop_reassignments'))
    .addColumn('shipment_id', 'integer', (c) => c.notNull().references('shipments.id'))
    .addColumn('from_courier_id', 'integer', (c) => c.references('couriers.id'))
    .addColumn('to_courier_id', 'integer', (c) => c.notNull().references('couriers.id'))
    .addColumn('by_staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    // The shipment version the reassignment replaced: reports made against it or older are stale.
    .addColumn('from_version', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reassigned_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stop_reassignments_shipment_idx').on('stop_reassignments').columns(['shipment_id', 'reassigned_at']).execute();

  await db.schema
    .createIndex('tracking_events_actor_status_idx')
    .on('tracking_events')
    .columns(['actor_type', 'status', 'occurred_at', 'actor_id', 'shipment_id'])
    .execute();
  await db.schema.createIndex('tracking_events_shipment_status_idx').on('tracking_events').columns(['shipment_id', 'status', 'occurred_at']).execute();
  // A courier's open stops counted from the index alone: a shipment row is wide (its public
  // timeline), and leg and sub-status sit at its end.
  await db.schema.createIndex('shipments_courier_open_idx').on('shipments').columns(['courier_id', 'status', 'leg', 'sub_status']).execute();
  // The open-exceptions queue: delivery parcels in Exception, found without reading their rows.
  await db.schema.createIndex('shipments_status_leg_idx').on('shipments').columns(['status', 'leg']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('shipments_status_leg_idx').execute();
  await db.schema.dropIndex('shipments_courier_open_idx').execute();
  await db.schema.dropIndex('tracking_events_shipment_status_idx').execute();
  await db.schema.dropIndex('tracking_events_actor_status_idx').execute();
  await db.schema.dropTable('stop_reassignments').execute();
  await db.schema.dropTable('settings_changes').execute();
}
