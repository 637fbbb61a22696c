import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { listActiveCouriers } from '../auth/account-repository';
import { findCouriersServing } from '../areas/courier-area-repository';
import { requireOrder } from '../orders/order-repository';
import { newTrackingNo } from '../tracking/new-tracking-number';
import { applyTrackingEvent } from '../tracking/tracking-service';
import { findShipmentByIdIfAny, insertReturnLeg, type Shipment } from '../tracking/shipment-repository';
import type { ReturnRequest } from './return-repository';

/**
 * The courier leg of a pickup return: a shipment going from the customer back to the shop,
 * on a courier's manifest as a pickup stop and reported through the same offline outbox.
 * Given to a courier who serves the customer's district: the one who delivered the parcel
 * when they do (they know the address), or else another who does; with nobody serving it, to
 * the courier who delivered it.
 */
export async function createReturnShipment(
  trx: Kysely<Database>,
  ret: Pick<ReturnRequest, 'id' | 'orderId' | 'pickupSlot'>,
  outbound: Shipment,
  now: number,
): Promise<Shipment> {
  const { address } = await requireOrder(trx, ret.orderId);
  const customerPlace = { province: address.province, city: address.city };
  const courierId = await pickupCourier(trx, outbound.courierId, address);
  const created = await insertReturnLeg(trx, {
    trackingNo: await newTrackingNo(trx),
    orderId: ret.orderId,
    courierId,
    origin: customerPlace,
    destination: outbound.origin,
    promisedBy: ret.pickupSlot?.end ?? null,
    createdAt: now,
    returnId: ret.id,
  });
  const booked = await applyTrackingEvent(
    trx,
    created,
    { status: 'InfoReceived', occurredAt: now, place: customerPlace, actor: { type: 'system', id: null }, note: 'return pickup booked' },
    now,
  );
  return booked.shipment;
}

async function pickupCourier(trx: Kysely<Database>, deliveredBy: number | null, area: { city: string; district: string }): Promise<number | null> {
  const serving = await findCouriersServing(trx, area);
  if (deliveredBy !== null && serving.includes(deliveredBy)) return deliveredBy;
  if (serving.length > 0) return serving[0]!;
  const couriers = await listActiveCouriers(trx);
  return couriers.find((c) => c.id === deliveredBy)?.id ?? null;
}

/** The shop has the parcel: the return leg ends as delivered (to the shop). */
export async function receiveReturnShipment(trx: Kysely<Database>, shipmentId: number | null, actor: { id: number }, now: number): Promise<void> {
  const current = shipmentId === null ? null : await findShipmentByIdIfAny(trx, shipmentId);
  if (!current || current.status === 'Delivered') return;
  await applyTrackingEvent(
    trx,
    current,
    { status: 'Delivered', subStatus: 'Delivered_001', occurredAt: now, place: current.destination, actor: { type: 'staff', id: actor.id }, note: 'received by the shop' },
    now,
  );
}

/** A cancelled pickup: the stop leaves the manifest, and a report made offline becomes a visible conflict. */
export async function cancelReturnShipment(trx: Kysely<Database>, shipmentId: number | null, now: number): Promise<string | null> {
  const current = shipmentId === null ? null : await findShipmentByIdIfAny(trx, shipmentId);
  if (!current || current.status === 'Expired' || current.status === 'Delivered') return null;
  await applyTrackingEvent(
    trx,
    current,
    { status: 'Expired', occurredAt: now, place: current.origin, actor: { type: 'customer', id: null }, note: 'return cancelled' },
    now,
  );
  return current.trackingNo;
}
