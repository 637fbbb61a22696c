import type { Kysely } from 'kysely';
import type { CourierFiguresList } from '../../../shared/api/ops-desk';
import type { Database } from '../../db/schema';
import type { FiguresRange } from './figures-range';
import { openStopWhere } from './open-stop-query';

/**
 * Per courier, from the event log: parcels they delivered in the range, how many of those went
 * on the first attempt (no AttemptFail before the delivery — the dashboard's definition too),
 * exceptions they reported in the range, and the stops they hold now. Every courier is listed,
 * the inactive ones too (their figures are history the desk may want), active first.
 */
export async function loadCourierFigures(db: Kysely<Database>, range: FiguresRange): Promise<CourierFiguresList> {
  const inRange = (status: string) =>
    db
      .selectFrom('tracking_events as e')
      .where('e.actor_type', '=', 'courier')
      .where('e.status', '=', status)
      .where('e.occurred_at', '>=', range.start)
      .where('e.occurred_at', '<', range.end)
      .where('e.actor_id', 'is not', null);
  const couriers = await db.selectFrom('couriers').select(['id', 'name', 'phone', 'city', 'active']).orderBy('active', 'desc').orderBy('id').execute();
  const [delivered, exceptions, open] = await Promise.all([
    // A courier's Delivered event is a delivery to a customer: a return reaches the shop by
    // staff's receipt, not a courier's report. (So no join to shipments, whose wide rows cost
    // more to read than the whole index walk.)
    inRange('Delivered')
      .select('e.actor_id')
      .select((eb) => eb.fn.countAll<number>().as('delivered'))
      .select((eb) =>
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(
                eb.not(
                  eb.exists(
                    eb
                      .selectFrom('tracking_events as f')
                      .select('f.id')
                      .whereRef('f.shipment_id', '=', 'e.shipment_id')
                      .where('f.status', '=', 'AttemptFail')
                      .whereRef('f.occurred_at', '<', 'e.occurred_at'),
                  ),
                ),
              )
              .then(1)
              .else(0)
              .end(),
          )
          .as('first_attempt'),
      )
      .groupBy('e.actor_id')
      .execute(),
    inRange('Exception').select('e.actor_id').select((eb) => eb.fn.countAll<number>().as('n')).groupBy('e.actor_id').execute(),
    // By courier id and open status: seeks in the index instead of a walk over every shipment.
    db
      .selectFrom('shipments as s')
      .where('s.courier_id', 'in', couriers.length ? couriers.map((c) => c.id) : [-1])
      .where(openStopWhere)
      .select('s.courier_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy('s.courier_id')
      .execute(),
  ]);
  const deliveredBy = new Map(delivered.map((r) => [r.actor_id, { delivered: Number(r.delivered), first: Number(r.first_attempt ?? 0) }]));
  const exceptionsBy = new Map(exceptions.map((r) => [r.actor_id, Number(r.n)]));
  const openBy = new Map(open.map((r) => [r.courier_id, Number(r.n)]));
  return {
    from: range.from,
    to: range.to,
    couriers: couriers.map((c) => {
      const d = deliveredBy.get(c.id);
      return {
        id: c.id,
        name: c.name,
        phone: c.phone,
        city: c.city,
        active: Boolean(c.active),
        delivered: d?.delivered ?? 0,
        firstAttemptRate: d && d.delivered > 0 ? d.first / d.delivered : null,
        exceptions: exceptionsBy.get(c.id) ?? 0,
        openStops: openBy.get(c.id) ?? 0,
      };
    }),
  };
}
