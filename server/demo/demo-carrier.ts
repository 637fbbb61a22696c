import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { findCarrierByCode, insertCarrier } from '../domain/carriers/carrier-repository';
import { receiveCarrierEvents, type CarrierBatchOutcome, type CarrierEventInput } from '../domain/carriers/carrier-event-service';

/**
 * The demo's third-party carrier. Its secrets are public on purpose (README, demo set-up): a
 * real shop sets its own in the ops face.
 */
export const DEMO_CARRIER = {
  code: 'sf',
  name: '顺丰速运',
  secret: 'demo-sf-push-secret-2026',
  kuaidi100Salt: 'demo-sf-kuaidi100-salt',
} as const;

/** Adds the demo carrier unless it is there already. */
export async function ensureDemoCarrier(db: Kysely<Database>, now: number): Promise<void> {
  await insertCarrier(db, DEMO_CARRIER, now);
}

/**
 * Pushes events as the demo carrier would, through the same service as its signed pushes (no
 * signature: this runs inside the server). The parcels must have been handed over to it
 * (shipments.carrier_code = 'sf'). Publish outcome.changedTrackingNos on the bus if a live
 * server is running.
 */
export async function pushDemoCarrierEvents(db: Kysely<Database>, events: readonly CarrierEventInput[], now: number): Promise<CarrierBatchOutcome> {
  const carrier = await findCarrierByCode(db, DEMO_CARRIER.code);
  if (!carrier) throw new Error('The demo carrier is missing: call ensureDemoCarrier first');
  return receiveCarrierEvents(db, carrier, events, now);
}
