import type { PublicTrackingView } from '../../../shared/api/tracking-view';
import { isLate } from '../../../shared/tracking/lateness';
import type { Shipment } from './shipment-repository';
import type { TrackingEvent } from './tracking-event-repository';

export interface Destination {
  province: string;
  city: string;
}

/**
 * The anonymous view of a parcel. Built field by field from an allow-list: notes, actors,
 * recipient names and photos stay out, because anyone holding the number can read this.
 */
export function buildPublicView(
  shipment: Shipment,
  destination: Destination,
  eventsNewestFirst: TrackingEvent[],
  now: number,
): PublicTrackingView {
  return {
    trackingNo: shipment.trackingNo,
    status: shipment.status,
    subStatus: shipment.subStatus,
    promisedBy: shipment.promisedBy,
    deliveredAt: shipment.deliveredAt,
    late: isLate(shipment.promisedBy, shipment.deliveredAt, now),
    origin: { province: shipment.origin.province, city: shipment.origin.city },
    destination: { province: destination.province, city: destination.city },
    events: eventsNewestFirst.map((e) => ({
      id: e.id,
      status: e.status,
      subStatus: e.subStatus,
      occurredAt: e.occurredAt,
      place: { province: e.place.province, city: e.place.city },
      reasonCode: e.reasonCode,
    })),
    generatedAt: now,
  };
}
