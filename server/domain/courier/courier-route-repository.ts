import type { Kysely } from 'kysely';
import type { GeoPoint } from '../../../shared/geo/route-order';
import type { Database } from '../../db/schema';
import { openStopWhere } from '../ops-desk/open-stop-query';

/** An open stop as the route planner sees it: where it is, and for a pickup when it is booked. */
export interface RoutableStop {
  shipmentId: number;
  routePosition: number | null;
  point: GeoPoint | null;
  /** For a pickup: the start of the customer's slot (epoch ms), if they chose one. */
  pickupSlotStart: number | null;
}

export interface CourierRoundFacts {
  depot: GeoPoint | null;
  /** The shop day the round was last ordered for. */
  routeDay: string | null;
}

export async function loadCourierRoundFacts(db: Kysely<Database>, courierId: number): Promise<CourierRoundFacts | null> {
  const row = await db.selectFrom('couriers').select(['depot_lat', 'depot_lng', 'route_day']).where('id', '=', courierId).executeTakeFirst();
  if (!row) return null;
  const depot = row.depot_lat !== null && row.depot_lng !== null ? { lat: Number(row.depot_lat), lng: Number(row.depot_lng) } : null;
  return { depot, routeDay: row.route_day };
}

/** The courier's open stops (the oldest `limit`), with their addresses' coordinates. */
export async function loadRoutableStops(db: Kysely<Database>, courierId: number, limit: number): Promise<RoutableStop[]> {
  const rows = await db
    .selectFrom('shipments as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .leftJoin('return_requests as r', 'r.id', 's.return_id')
    .select(['s.id', 's.route_position', 'o.lat', 'o.lng', 'r.pickup_slot_start'])
    .where('s.courier_id', '=', courierId)
    .where(openStopWhere)
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    shipmentId: r.id,
    routePosition: r.route_position,
    point: r.lat !== null && r.lng !== null ? { lat: Number(r.lat), lng: Number(r.lng) } : null,
    pickupSlotStart: r.pickup_slot_start === null ? null : Number(r.pickup_slot_start),
  }));
}

/** Writes the round's order (only the positions that changed) and the day it was ordered for. */
export async function saveRound(db: Kysely<Database>, courierId: number, day: string, positions: ReadonlyMap<number, number>, before: readonly RoutableStop[]): Promise<void> {
  const write = async (trx: Kysely<Database>) => {
    for (const stop of before) {
      const position = positions.get(stop.shipmentId);
      if (position === undefined || position === stop.routePosition) continue;
      // Not a status change: the version stays, so no report made against it goes stale.
      await trx.updateTable('shipments').set({ route_position: position }).where('id', '=', stop.shipmentId).where('courier_id', '=', courierId).execute();
    }
    await trx.updateTable('couriers').set({ route_day: day }).where('id', '=', courierId).execute();
  };
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
}
