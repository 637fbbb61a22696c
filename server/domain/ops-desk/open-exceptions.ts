import type { Kysely } from 'kysely';
import type { OpenExceptionList, OpenExceptionView } from '../../../shared/api/ops-desk';
import { findDeliveryReason } from '../../../shared/courier/delivery-reasons';
import type { Database } from '../../db/schema';
import { maskName } from '../tracking/masking';
import { CUSTOMER_CONTACTED_SUB_STATUS, suggestedAction } from './exception-actions';

/** The queue shows this many at most; the total says how many more are waiting. */
export const OPEN_EXCEPTIONS_LIMIT = 500;

interface RunEvent {
  shipment_id: number;
  sub_status: string;
  reason_code: string | null;
  occurred_at: number;
}

/**
 * Delivery parcels in Exception now, the one stuck longest first. "Since" is when the current
 * run of Exception events began (after the last event of any other status), so a parcel that
 * had a weather delay last week and was refused today is a few hours old, not a week.
 * Computed in SQL per shipment with the (shipment_id, occurred_at) index.
 */
export async function listOpenExceptions(db: Kysely<Database>, now: number): Promise<OpenExceptionList> {
  const open = db.selectFrom('shipments as s').where('s.status', '=', 'Exception').where('s.leg', '=', 'delivery');
  const [rows, total] = await Promise.all([
    open
      .innerJoin('orders as o', 'o.id', 's.order_id')
      .leftJoin('couriers as c', 'c.id', 's.courier_id')
      .select(['s.id', 's.tracking_no', 's.sub_status', 's.version', 's.destination_city', 's.updated_at', 's.courier_id', 'c.name as courier_name', 'o.recipient_name'])
      .select((eb) =>
        eb
          .selectFrom('tracking_events as e')
          .select((e) => e.fn.min<number>('e.occurred_at').as('m'))
          .whereRef('e.shipment_id', '=', 's.id')
          .where('e.status', '=', 'Exception')
          .where((e) =>
            e(
              'e.occurred_at',
              '>',
              e.fn.coalesce(
                // Walks back from the newest event to the first of another status: a step or two.
                e
                  .selectFrom('tracking_events as p')
                  .select('p.occurred_at')
                  .whereRef('p.shipment_id', '=', 's.id')
                  .where('p.status', '<>', 'Exception')
                  .orderBy('p.occurred_at', 'desc')
                  .limit(1),
                e.lit(-1),
              ),
            ),
          )
          .as('since'),
      )
      .orderBy('since')
      .orderBy('s.id')
      .limit(OPEN_EXCEPTIONS_LIMIT)
      .execute(),
    open.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);

  const ids = rows.map((r) => r.id);
  const runEvents: RunEvent[] = ids.length
    ? await db
        .selectFrom('tracking_events')
        .select(['shipment_id', 'sub_status', 'reason_code', 'occurred_at'])
        .where('shipment_id', 'in', ids)
        .where('status', '=', 'Exception')
        .orderBy('occurred_at')
        .orderBy('id')
        .execute()
    : [];
  const byShipment = new Map<number, RunEvent[]>();
  for (const e of runEvents) byShipment.set(e.shipment_id, [...(byShipment.get(e.shipment_id) ?? []), e]);

  const exceptions = rows.map((r): OpenExceptionView => {
    // A parcel put into Exception without an event (imported as such) counts from its last change.
    const since = Number(r.since ?? r.updated_at);
    const run = (byShipment.get(r.id) ?? []).filter((e) => Number(e.occurred_at) >= since);
    const reasonCode = run.findLast((e) => e.reason_code !== null)?.reason_code ?? null;
    const reason = reasonCode ? findDeliveryReason(reasonCode) : undefined;
    const contacted = run.findLast((e) => e.sub_status === CUSTOMER_CONTACTED_SUB_STATUS);
    const nextAction = reason?.nextAction ?? null;
    return {
      trackingNo: r.tracking_no,
      since,
      ageMs: Math.max(0, now - since),
      status: 'Exception',
      subStatus: r.sub_status,
      reasonCode,
      reasonLabel: reason?.label ?? null,
      nextAction,
      suggestedAction: suggestedAction(nextAction),
      customerContactedAt: contacted ? Number(contacted.occurred_at) : null,
      courier: r.courier_id !== null && r.courier_name !== null ? { id: r.courier_id, name: r.courier_name } : null,
      destinationCity: r.destination_city,
      recipientName: maskName(r.recipient_name),
      version: r.version,
    };
  });
  return { now, total: Number(total.n), exceptions };
}
