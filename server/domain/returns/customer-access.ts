import type { Kysely } from 'kysely';
import { forbidden, notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import { findSessionOrderId } from '../tracking/customer-session-repository';
import type { Shipment } from '../tracking/shipment-repository';
import { requireShipment } from '../tracking/tracking-service';
import type { ReturnRequest } from './return-repository';

/**
 * After-sales is for the customer who proved the parcel is theirs (last 4 phone digits), and
 * only for that parcel's order: anyone else gets 403, whatever they know of the number.
 */
export async function requireVerifiedParcel(
  db: Kysely<Database>,
  input: { trackingNo: string; token: string | undefined },
  now: number,
): Promise<Shipment> {
  const shipment = await requireShipment(db, input.trackingNo);
  const orderId = input.token ? await findSessionOrderId(db, input.token, now) : null;
  if (orderId === null) throw forbidden('verification_required', 'Verify the parcel with the last 4 digits of the phone number first');
  if (orderId !== shipment.orderId) throw forbidden('not_your_parcel', 'This verification is for another order');
  if (shipment.leg !== 'delivery') throw notFound('shipment_not_found', 'Returns are requested from the parcel you received');
  return shipment;
}

/** A return, for a caller holding a verified session for its order; 404 to everyone else (no hint it exists). */
export async function requireCustomerReturn(
  db: Kysely<Database>,
  ret: ReturnRequest,
  tokens: readonly string[],
  now: number,
): Promise<ReturnRequest> {
  for (const token of tokens) if ((await findSessionOrderId(db, token, now)) === ret.orderId) return ret;
  throw notFound('return_not_found', `No return ${ret.returnNo}`);
}
