import type { Kysely } from 'kysely';
import type { ExceptionActionRequest, ExceptionActionResult } from '../../../shared/api/ops-desk';
import type { SessionUser } from '../../../shared/courier/manifest';
import { conflict } from '../../app-error';
import type { Database } from '../../db/schema';
import { releaseShipmentFromCourier } from '../tracking/shipment-repository';
import { applyTrackingEvent, parseTrackingNo, requireShipment } from '../tracking/tracking-service';
import { EXCEPTION_ACTION_EVENTS } from './exception-actions';

type ValidRequest = Required<ExceptionActionRequest>;

/**
 * Staff act on a parcel in Exception: one tracking event through the state machine under the
 * version the desk was looking at (someone else's change in between is a 409, nothing written).
 * The staff note stays on the event, out of the public timeline (which carries no notes).
 */
export async function takeExceptionAction(
  db: Kysely<Database>,
  rawTrackingNo: string,
  request: ValidRequest,
  staff: SessionUser,
  now: number,
): Promise<ExceptionActionResult> {
  const trackingNo = parseTrackingNo(rawTrackingNo);
  const event = EXCEPTION_ACTION_EVENTS[request.action];
  return db.transaction().execute(async (trx) => {
    const shipment = await requireShipment(trx, trackingNo);
    if (shipment.version !== request.version) {
      throw conflict('version_conflict', `The parcel changed since version ${request.version}; reload it`);
    }
    if (shipment.leg !== 'delivery' || shipment.status !== 'Exception') {
      throw conflict('not_in_exception', `Parcel ${trackingNo} is not an open delivery exception (it is ${shipment.status})`);
    }
    const { event: recorded, shipment: after } = await applyTrackingEvent(
      trx,
      shipment,
      {
        status: event.status,
        subStatus: event.subStatus,
        occurredAt: now,
        place: event.place === 'destination' ? shipment.destination : { province: null, city: null },
        actor: { type: 'staff', id: staff.id },
        note: request.note || null,
        expectedVersion: request.version,
      },
      now,
    );
    if (event.releasesCourier && after.courierId !== null) {
      // Part of the same change (the version already moved): the parcel leaves the courier's
      // round, so their phone drops it at the next refresh and a late report on it is a conflict.
      await releaseShipmentFromCourier(trx, after);
    }
    return { trackingNo, action: request.action, status: after.status, subStatus: after.subStatus, version: after.version, occurredAt: recorded.occurredAt };
  });
}
