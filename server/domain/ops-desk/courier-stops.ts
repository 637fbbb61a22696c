import type { Kysely } from 'kysely';
import type { CourierStopList } from '../../../shared/api/ops-desk';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import { notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import { ensureRoundOrdered } from '../courier/courier-route';
import { maskName } from '../tracking/masking';
import { openStopWhere } from './open-stop-query';

export async function requireCourier(db: Kysely<Database>, id: number) {
  const courier = await db.selectFrom('couriers').select(['id', 'name', 'city', 'active']).where('id', '=', id).executeTakeFirst();
  if (!courier) throw notFound('courier_not_found', `No courier ${id}`);
  return { ...courier, active: Boolean(courier.active) };
}

/** The desk shows this many of a courier's stops at most (a day's round is far fewer). */
export const COURIER_STOPS_LIMIT = 500;

/** A courier's open stops in the order their phone lists them (the round's route order, put in order first). */
export async function listCourierStops(db: Kysely<Database>, courierId: number, options: { now: number; timeZone: string }): Promise<CourierStopList> {
  const courier = await requireCourier(db, courierId);
  await ensureRoundOrdered(db, courierId, options);
  const count = db
    .selectFrom('shipments as s')
    .where('s.courier_id', '=', courierId)
    .where(openStopWhere)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('shipments as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .leftJoin('return_requests as r', 'r.id', 's.return_id')
    .select(['s.tracking_no', 's.leg', 's.status', 's.sub_status', 's.version', 's.route_position', 's.promised_by', 'o.city', 'o.district', 'o.recipient_name', 'r.return_no'])
    .where('s.courier_id', '=', courierId)
    .where(openStopWhere)
    .orderBy((eb) => eb.case().when('s.route_position', 'is', null).then(1).else(0).end())
    .orderBy('s.route_position')
    .orderBy('s.id')
    .limit(COURIER_STOPS_LIMIT)
    .execute();
  return {
    courier,
    total: Number((await count).n),
    stops: rows.map((r) => ({
      kind: r.leg === 'return' ? 'pickup' : 'delivery',
      trackingNo: r.tracking_no,
      status: r.status as TrackingStatus,
      subStatus: r.sub_status,
      version: r.version,
      routePosition: r.route_position,
      destinationCity: r.city,
      district: r.district,
      recipientName: maskName(r.recipient_name),
      promisedBy: r.promised_by,
      returnNo: r.return_no,
    })),
  };
}
