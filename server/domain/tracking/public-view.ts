import type { PublicTrackingView } from '../../../shared/api/tracking-view';
import { isLate } from '../../../shared/tracking/lateness';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import type { PublicTrackingRecord } from './public-tracking-query';

/**
 * The anonymous view of a parcel. Built field by field from an allow-list: notes, actors,
 * recipient names and photos stay out, because anyone holding the number can read this.
 */
export function buildPublicView(record: PublicTrackingRecord, now: number): PublicTrackingView {
  return {
    trackingNo: record.tracking_no,
    status: record.status as TrackingStatus,
    subStatus: record.sub_status,
    promisedBy: record.promised_by,
    deliveredAt: record.delivered_at,
    late: isLate(record.promised_by, record.delivered_at, now),
    origin: { province: record.origin_province, city: record.origin_city },
    destination: { province: record.destination_province, city: record.destination_city },
    events: record.events.map((e) => ({
      id: e.id,
      status: e.status as TrackingStatus,
      subStatus: e.sub_status,
      occurredAt: e.occurred_at,
      place: { province: e.province, city: e.city },
      reasonCode: e.reason_code,
    })),
    generatedAt: now,
  };
}
