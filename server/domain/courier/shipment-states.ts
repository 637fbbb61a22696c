import type { Kysely } from 'kysely';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import { isPublicTimeline } from '../../../shared/tracking/stored-timeline-schema';
import { parseJsonColumnAs } from '../../db/json-column';
import { reusableReadByKeys } from '../../db/reusable-query';
import type { Database } from '../../db/schema';
import { findPickupSlotStarts } from '../returns/return-repository';
import type { ShipmentState } from './report-judgement';

// Only the columns the rules use: the delivery instructions and attempt choice a full Shipment
// parses play no part in a report. Compiled once per count of numbers (a batch is read whole).
const readParcels = reusableReadByKeys((db, trackingNos) =>
  db
    .selectFrom('shipments')
    .select([
      'id', 'tracking_no', 'courier_id', 'version', 'status', 'sub_status', 'delivered_at', 'arrived_at', 'public_timeline', 'leg',
      'return_id', 'origin_province', 'origin_city', 'destination_province', 'destination_city',
    ])
    .where('tracking_no', 'in', trackingNos),
);

/**
 * A courier's batch's parcels (valid, normalised numbers) as the rules judge them, by number:
 * the customer's doorstep, or the shop's for a return pickup, with the pickup slot booked.
 */
export async function loadShipmentStates(db: Kysely<Database>, trackingNos: readonly string[]): Promise<Map<string, ShipmentState>> {
  if (trackingNos.length === 0) return new Map();
  const rows = await readParcels(db, trackingNos);
  const slots = await findPickupSlotStarts(db, rows.flatMap((r) => (r.return_id === null ? [] : [r.return_id])));
  const states = new Map<string, ShipmentState>();
  for (const r of rows) {
    const leg = r.leg === 'return' ? 'return' : 'delivery';
    states.set(r.tracking_no, {
      id: r.id,
      courierId: r.courier_id,
      version: r.version,
      status: r.status as TrackingStatus,
      subStatus: r.sub_status,
      deliveredAt: r.delivered_at,
      arrivedAt: r.arrived_at,
      doorstep: leg === 'return' ? { province: r.origin_province, city: r.origin_city } : { province: r.destination_province, city: r.destination_city },
      leg,
      returnId: r.return_id,
      pickupSlotStart: r.return_id === null ? null : (slots.get(r.return_id) ?? null),
      timeline: parseJsonColumnAs(isPublicTimeline, r.public_timeline, `shipments.public_timeline of ${r.tracking_no}`),
    });
  }
  return states;
}
