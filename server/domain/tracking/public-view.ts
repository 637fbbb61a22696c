import type { PublicTrackingView } from '../../../shared/api/tracking-view';
import { isLate } from '../../../shared/tracking/lateness';
import type { PublicTrackingRecord } from './public-tracking-query';
import { parseJsonColumn } from '../../db/json-column';
import type { PickupPlace } from '../../../shared/courier/pickup-point';
import { storedPickupPlaceSchema } from '../../../shared/tracking/stored-pickup-place-schema';

/** The public view as served, and what a cache needs to know about it. */
export interface RenderedPublicView {
  /** The whole view as JSON text. */
  json: string;
  /**
   * What the view says, leaving out only the moment it was made: two readings of an unchanged
   * parcel give the same text, so a client's copy can be confirmed (304) rather than resent.
   */
  meaning: string;
  /**
   * The first moment at which the same row would read differently by the clock alone, or
   * null when time no longer changes it: a copy made now holds until just before then.
   */
  changesAt: number | null;
}

/**
 * The anonymous view of a parcel as JSON text. Built field by field from an allow-list (the
 * stored timeline was built the same way): notes, actors, names and photos stay out, because
 * anyone holding the number can read this.
 *
 * The timeline is spliced in as the JSON text it is stored as, rather than parsed and
 * re-serialised on every read: it is most of the body, and this is the busiest endpoint.
 * Only recordTrackingEvent and the demo fill write it, both with JSON.stringify.
 */
export function renderPublicView(record: PublicTrackingRecord, now: number): RenderedPublicView {
  const pickupPlace = waitingAt(record);
  const head: Omit<PublicTrackingView, 'events' | 'generatedAt'> = {
    trackingNo: record.tracking_no,
    status: record.status as PublicTrackingView['status'],
    subStatus: record.sub_status,
    promisedBy: record.promised_by,
    deliveredAt: record.delivered_at,
    late: isLate(record.promised_by, record.arrived_at, now),
    origin: { province: record.origin_province, city: record.origin_city },
    destination: { province: record.destination_province, city: record.destination_city },
    pickupPlace,
  };
  const content = `${JSON.stringify(head).slice(0, -1)},"events":${record.public_timeline}`;
  // The moments the clock alone moves this view past: lateness begins just after the promise
  // while the parcel has not arrived (isLate); a pickup deadline is past once the view was made
  // after it (the page compares keepUntil with generatedAt to say "overdue").
  const moments: number[] = [];
  if (record.promised_by !== null && record.arrived_at === null) moments.push(record.promised_by);
  if (pickupPlace) moments.push(pickupPlace.keepUntil);
  const ahead = moments.filter((m) => now <= m);
  return {
    json: `${content},"generatedAt":${now}}`,
    // How many of those moments are behind us is part of what the view means, since a copy
    // confirmed by a 304 keeps the generatedAt it was made with.
    meaning: `${moments.length - ahead.length}:${content}`,
    changesAt: ahead.length === 0 ? null : Math.min(...ahead) + 1,
  };
}

/** Where it waits while it waits (the stored place holds no code, and only these fields go out). */
function waitingAt(record: PublicTrackingRecord): PickupPlace | null {
  if (record.status !== 'AvailableForPickup' || !record.pickup_place) return null;
  const place = parseJsonColumn(storedPickupPlaceSchema, record.pickup_place, `shipments.pickup_place of ${record.tracking_no}`);
  return { type: place.type, name: place.name, address: place.address, keepUntil: place.keepUntil };
}
