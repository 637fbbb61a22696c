import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. Couriers serve areas (a city's districts, as the
// address names them), so parcels and pickups go to someone who works there and the desk offers
// those couriers first when it moves a stop. Addresses get their coordinates (approximate:
// geocoded or the district's centre) so a courier's round can be ordered by geography, starting
// from the courier's depot, once a day and again when stops arrive. All optional: rows from
// before have none and are routed last.

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('courier_areas')
    .addColumn('courier_id', 'integer', (c) => c.notNull().references('couriers.id'))
    // As on the address: 深圳市 + 南山区 (a district name alone is not unique: 和平区 is in 天津 and 沈阳).
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('courier_areas_pk', ['courier_id', 'city', 'district'])
    .execute();
  // Who serves this district: the lookup for assignment and for the desk's reassign list.
  await db.schema.createIndex('courier_areas_area_idx').on('courier_areas').columns(['city', 'district', 'courier_id']).execute();

  await db.schema.alterTable('couriers').addColumn('depot_lat', 'double precision').execute();
  await db.schema.alterTable('couriers').addColumn('depot_lng', 'double precision').execute();
  // The shop day the courier's round was last put in order for: a new day orders it afresh.
  await db.schema.alterTable('couriers').addColumn('route_day', 'text').execute();
  await db.schema.alterTable('orders').addColumn('lat', 'double precision').execute();
  await db.schema.alterTable('orders').addColumn('lng', 'double precision').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('orders').dropColumn('lng').execute();
  await db.schema.alterTable('orders').dropColumn('lat').execute();
  await db.schema.alterTable('couriers').dropColumn('route_day').execute();
  await db.schema.alterTable('couriers').dropColumn('depot_lng').execute();
  await db.schema.alterTable('couriers').dropColumn('depot_lat').execute();
  await db.schema.dropIndex('courier_areas_area_idx').execute();
  await db.schema.dropTable('courier_areas').execute();
}
