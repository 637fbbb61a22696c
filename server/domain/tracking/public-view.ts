import type { PublicTrackingView } from '../../../shared/api/tracking-view';
import { isLate } from '../../../shared/tracking/lateness';
import type { PublicTrackingRecord } from './public-tracking-query';
import { parseJsonColumn } from '../../db/json-column';
import type { PickupPlace } from '../../../shared/courier/pickup-point';
import { storedPickupPlaceSchema } from '../../../shared/tracking/stored-pickup-place-schema';

/**
 * The anonymous view of a parcel as JSON text. Built field by field from an allow-list (the
 * stored timeline was built the same way): notes, actors, names and photos stay out, because
 * anyone holding the number can read this.
 *
 * The timeline is spliced in as the JSON text it is stored as, rather than parsed and
 * re-serialised on every read: it is most of the body, and this is the busiest endpoint.
 * Only recordTrackingEvent and the demo fill write it, both with JSON.stringify.
 */
export function serializePublicView(record: PublicTrackingRecord, now: number): string {
  const head: Omit<PublicTrackingView, 'events'> = {
    trackingNo: record.tracking_no,
    status: record.status as PublicTrackingView['status'],
    subStatus: record.sub_status,
    promisedBy: record.promised_by,
    deliveredAt: record.delivered_at,
    late: isLate(record.promised_by, record.arrived_at, now),
    origin: { province: record.origin_province, city: record.origin_city },
    destination: { province: record.destination_province, city: record.destination_city },
    pickupPlace: waitingAt(record),
    generatedAt: now,
  };
  const json = JSON.stringify(head);
  return `${json.slice(0, -1)},"events":${record.public_timeline}}`;
}

/** Where it waits while it waits (the stored place holds no code, and only these fields go out). */
function waitingAt(record: PublicTrackingRecord): PickupPlace | null {
  if (record.status !== 'AvailableForPickup' || !record.pickup_place) return null;
  const place = parseJsonColumn(storedPickupPlaceSchema, record.pickup_place, `shipments.pickup_place of ${record.tracking_no}`);
  return { type: place.type, name: place.name, address: place.address, keepUntil: place.keepUntil };
}
