import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { openStopWhere } from './open-stop-query';

export interface CourierForArea {
  id: number;
  name: string;
  city: string;
  servesArea: boolean;
  openStops: number;
}

/** Every active courier, whether they serve this district, and how many open stops they hold. */
export async function listActiveCouriersForArea(db: Kysely<Database>, area: { city: string; district: string }): Promise<CourierForArea[]> {
  const [couriers, serving, open] = await Promise.all([
    db.selectFrom('couriers').select(['id', 'name', 'city']).where('active', '=', 1).execute(),
    db.selectFrom('courier_areas').select('courier_id').where('city', '=', area.city).where('district', '=', area.district).execute(),
    db
      .selectFrom('shipments as s')
      .innerJoin('couriers as c', 'c.id', 's.courier_id')
      .where('c.active', '=', 1)
      .where(openStopWhere)
      .select(['s.courier_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('s.courier_id')
      .execute(),
  ]);
  const serves = new Set(serving.map((r) => r.courier_id));
  const openBy = new Map(open.map((r) => [r.courier_id, Number(r.n)]));
  return couriers.map((c) => ({ id: c.id, name: c.name, city: c.city, servesArea: serves.has(c.id), openStops: openBy.get(c.id) ?? 0 }));
}

/** The address a stop is made at (the order's: delivered to, or collected from). */
export async function findStopArea(db: Kysely<Database>, orderId: number): Promise<{ city: string; district: string }> {
  return db.selectFrom('orders').select(['city', 'district']).where('id', '=', orderId).executeTakeFirstOrThrow();
}
