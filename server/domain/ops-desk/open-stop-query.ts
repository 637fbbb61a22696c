import type { ExpressionBuilder } from 'kysely';
import { TRACKING_STATUSES } from '../../../shared/tracking/statuses';
import type { Database } from '../../db/schema';
import { CLOSED_DELIVERY_STATUSES, OPEN_PICKUP_STATUSES, RETURNING_TO_SENDER } from './open-stop';

/** Every status but the final ones, named as a list so the (courier_id, status, …) index can seek to each. */
const NOT_CLOSED = TRACKING_STATUSES.filter((s) => !(CLOSED_DELIVERY_STATUSES as readonly string[]).includes(s));

/** isOpenStop as a WHERE clause over `shipments as s`, answerable from shipments_courier_open_idx alone. */
export function openStopWhere(eb: ExpressionBuilder<Database & { s: Database['shipments'] }, 's'>) {
  return eb.and([
    eb('s.status', 'in', NOT_CLOSED),
    eb.or([
      eb.and([eb('s.leg', '=', 'delivery'), eb('s.sub_status', '<>', RETURNING_TO_SENDER)]),
      eb.and([eb('s.leg', '=', 'return'), eb('s.status', 'in', [...OPEN_PICKUP_STATUSES])]),
    ]),
  ]);
}
