import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** A district a courier serves, named as addresses name it. */
export interface ServiceArea {
  city: string;
  district: string;
}

/** Adds districts to a courier's areas (those already theirs stay as they are). */
export async function addCourierAreas(db: Kysely<Database>, courierId: number, areas: readonly ServiceArea[]): Promise<void> {
  if (areas.length === 0) return;
  await db
    .insertInto('courier_areas')
    .values(areas.map((a) => ({ courier_id: courierId, city: a.city, district: a.district })))
    .onConflict((oc) => oc.columns(['courier_id', 'city', 'district']).doNothing())
    .execute();
}

/** The active couriers who serve this district, by id. */
export async function findCouriersServing(db: Kysely<Database>, area: ServiceArea): Promise<number[]> {
  const rows = await db
    .selectFrom('courier_areas as a')
    .innerJoin('couriers as c', 'c.id', 'a.courier_id')
    .select('c.id')
    .where('a.city', '=', area.city)
    .where('a.district', '=', area.district)
    .where('c.active', '=', 1)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Where a courier's round starts, when one is set. */
export async function setCourierDepot(db: Kysely<Database>, courierId: number, depot: { lat: number; lng: number }): Promise<void> {
  await db.updateTable('couriers').set({ depot_lat: depot.lat, depot_lng: depot.lng }).where('id', '=', courierId).execute();
}
