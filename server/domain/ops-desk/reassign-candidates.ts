import type { Kysely } from 'kysely';
import type { ReassignCandidate, ReassignCandidateList } from '../../../shared/api/ops-desk';
import { conflict } from '../../app-error';
import type { Database } from '../../db/schema';
import { parseTrackingNo, requireShipment } from '../tracking/tracking-service';
import { requireCourier } from './courier-stops';
import { isOpenStop } from './open-stop';
import { findStopArea, listActiveCouriersForArea } from './reassign-candidates-repository';

/**
 * Who the desk may move an open stop to: every other active courier, those who serve the stop's
 * district first (the lightest round first among them, then by name), the rest after, the same
 * way. Moving it to someone outside the area stays possible (a courier off sick, a busy day).
 */
export async function listReassignCandidates(db: Kysely<Database>, rawTrackingNo: string): Promise<ReassignCandidateList> {
  const trackingNo = parseTrackingNo(rawTrackingNo);
  const shipment = await requireShipment(db, trackingNo);
  if (!isOpenStop(shipment)) throw conflict('not_an_open_stop', `Parcel ${trackingNo} is not an open stop (it is ${shipment.status})`);
  const area = await findStopArea(db, shipment.orderId);
  const current = shipment.courierId === null ? null : await requireCourier(db, shipment.courierId);
  const couriers = await listActiveCouriersForArea(db, area);
  return {
    trackingNo,
    version: shipment.version,
    area,
    current: current && { id: current.id, name: current.name },
    couriers: orderCandidates(couriers.filter((c) => c.id !== shipment.courierId)),
  };
}

/** Serving the area first; then the lighter round; then by name as a Chinese reader sorts it. Pure. */
export function orderCandidates(couriers: readonly ReassignCandidate[]): ReassignCandidate[] {
  return [...couriers].sort(
    (a, b) => Number(b.servesArea) - Number(a.servesArea) || a.openStops - b.openStops || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id,
  );
}
