import type { Kysely } from 'kysely';
import { isLate } from '../../../shared/tracking/lateness';
import type { Database } from '../../db/schema';
import type { Shipment } from '../tracking/shipment-repository';
import { listEventStatuses } from '../tracking/tracking-event-repository';
import type { ShipmentFacts } from './feedback-classifier';

/** Exception reasons that mean the parcel itself was harmed on the way (shared/courier/delivery-reasons.ts). */
const DAMAGE_REASONS = ['parcel_damaged', 'parcel_wet'];
const MISSING_CONTENTS_REASONS = ['contents_missing'];

/** What the shipment's own record says, for the classifier: one indexed read of its events. */
export async function loadShipmentFacts(db: Kysely<Database>, shipment: Shipment, now: number): Promise<ShipmentFacts> {
  const events = await listEventStatuses(db, shipment.id);
  const reasons = events.filter((e) => e.status === 'Exception').map((e) => e.reasonCode ?? '');
  return {
    damagedException: reasons.some((r) => DAMAGE_REASONS.includes(r)),
    contentsMissingException: reasons.some((r) => MISSING_CONTENTS_REASONS.includes(r)),
    late: isLate(shipment.promisedBy, shipment.arrivedAt ?? shipment.deliveredAt, now),
    failedAttempts: events.filter((e) => e.status === 'AttemptFail').length,
  };
}
