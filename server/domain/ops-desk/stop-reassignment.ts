import type { Kysely } from 'kysely';
import type { ReassignRequest, ReassignResult } from '../../../shared/api/ops-desk';
import type { SessionUser } from '../../../shared/courier/manifest';
import { conflict } from '../../app-error';
import type { Database } from '../../db/schema';
import { reassignShipmentCourier } from '../tracking/shipment-repository';
import { parseTrackingNo, requireShipment } from '../tracking/tracking-service';
import { requireCourier } from './courier-stops';
import { isOpenStop } from './open-stop';
import { insertStopReassignment } from './stop-reassignment-repository';

type ValidRequest = Required<ReassignRequest>;

/**
 * Moves an open stop to another active courier. The shipment's version moves on under the
 * optimistic lock, so the old courier's phone sees the stop gone at its next manifest refresh,
 * and anything it reports against the old version is judged a conflict ('reassigned'), not
 * applied. Who moved it is kept in stop_reassignments; the parcel did not move, so there is
 * no tracking event and nothing changes on the customer's page.
 */
export async function reassignStop(db: Kysely<Database>, request: ValidRequest, staff: SessionUser, now: number): Promise<ReassignResult> {
  const trackingNo = parseTrackingNo(request.trackingNo);
  const to = await requireCourier(db, request.toCourierId);
  return db.transaction().execute(async (trx) => {
    const shipment = await requireShipment(trx, trackingNo);
    if (shipment.version !== request.version) throw conflict('version_conflict', `The parcel changed since version ${request.version}; reload it`);
    if (!isOpenStop(shipment)) throw conflict('not_an_open_stop', `Parcel ${trackingNo} is not an open stop (it is ${shipment.status})`);
    if (!to.active) throw conflict('courier_inactive', `${to.name} is not an active courier`);
    if (shipment.courierId === to.id) throw conflict('already_assigned', `Parcel ${trackingNo} is already ${to.name}’s`);
    const from = shipment.courierId === null ? null : await requireCourier(trx, shipment.courierId);
    // Dispatch's route order belonged to the old round; on the new one it goes after the planned stops.
    if (!(await reassignShipmentCourier(trx, shipment, to.id, now))) throw conflict('version_conflict', 'The parcel was changed by someone else at the same moment');
    await insertStopReassignment(trx, {
      shipmentId: shipment.id,
      fromCourierId: shipment.courierId,
      toCourierId: to.id,
      byStaffId: staff.id,
      fromVersion: shipment.version,
      note: request.note || null,
      reassignedAt: now,
    });
    return { trackingNo, from: from && { id: from.id, name: from.name }, to: { id: to.id, name: to.name }, version: shipment.version + 1 };
  });
}
