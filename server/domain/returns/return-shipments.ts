import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newTrackingNo } from '../tracking/new-tracking-number';
import { applyTrackingEvent } from '../tracking/tracking-service';
import { findShipmentByTrackingNo, type Shipment } from '../tracking/shipment-repository';
import type { ReturnRequest } from './return-repository';

/**
 * The courier leg of a pickup return: a shipment going from the customer back to the shop,
 * on a courier's manifest as a pickup stop and reported through the same offline outbox.
 * Given to the courier who delivered the parcel (they know the address), or else to an
 * active courier in the customer's city.
 */
export async function createReturnShipment(
  trx: Kysely<Database>,
  ret: Pick<ReturnRequest, 'id' | 'orderId' | 'pickupSlot'>,
  outbound: Shipment,
  now: number,
): Promise<Shipment> {
  const order = await trx.selectFrom('orders').select(['province', 'city']).where('id', '=', ret.orderId).executeTakeFirstOrThrow();
  const courierId = await pickupCourier(trx, outbound.courierId, order.city);
  const trackingNo = await newTrackingNo(trx);
  await trx
    .insertInto('shipments')
    .values({
      tracking_no: trackingNo,
      order_id: ret.orderId,
      courier_id: courierId,
      status: 'Pending',
      sub_status: 'Pending_001',
      version: 1,
      origin_province: order.province,
      origin_city: order.city,
      destination_province: outbound.origin.province,
      destination_city: outbound.origin.city,
      promised_by: ret.pickupSlot?.end ?? null,
      delivered_at: null,
      created_at: now,
      updated_at: now,
      route_position: null,
      arrived_at: null,
      delivery_instructions: null,
      leg: 'return',
      return_id: ret.id,
    })
    .execute();
  const created = (await findShipmentByTrackingNo(trx, trackingNo))!;
  const booked = await applyTrackingEvent(
    trx,
    created,
    { status: 'InfoReceived', occurredAt: now, place: { province: order.province, city: order.city }, actor: { type: 'system', id: null }, note: 'return pickup booked' },
    now,
  );
  return booked.shipment;
}

async function pickupCourier(trx: Kysely<Database>, deliveredBy: number | null, city: string): Promise<number | null> {
  const couriers = await trx.selectFrom('couriers').select(['id', 'city']).where('active', '=', 1).orderBy('id').execute();
  return (couriers.find((c) => c.id === deliveredBy) ?? couriers.find((c) => c.city === city))?.id ?? null;
}

/** The shop has the parcel: the return leg ends as delivered (to the shop). */
export async function receiveReturnShipment(trx: Kysely<Database>, shipmentId: number | null, actor: { id: number }, now: number): Promise<void> {
  const shipment = shipmentId === null ? undefined : await trx.selectFrom('shipments').select('tracking_no').where('id', '=', shipmentId).executeTakeFirst();
  if (!shipment) return;
  const current = (await findShipmentByTrackingNo(trx, shipment.tracking_no))!;
  if (current.status === 'Delivered') return;
  await applyTrackingEvent(
    trx,
    current,
    { status: 'Delivered', subStatus: 'Delivered_001', occurredAt: now, place: current.destination, actor: { type: 'staff', id: actor.id }, note: 'received by the shop' },
    now,
  );
}

/** A cancelled pickup: the stop leaves the manifest, and a report made offline becomes a visible conflict. */
export async function cancelReturnShipment(trx: Kysely<Database>, shipmentId: number | null, now: number): Promise<string | null> {
  const row = shipmentId === null ? undefined : await trx.selectFrom('shipments').select('tracking_no').where('id', '=', shipmentId).executeTakeFirst();
  if (!row) return null;
  const current = (await findShipmentByTrackingNo(trx, row.tracking_no))!;
  if (current.status === 'Expired' || current.status === 'Delivered') return null;
  await applyTrackingEvent(
    trx,
    current,
    { status: 'Expired', occurredAt: now, place: current.origin, actor: { type: 'customer', id: null }, note: 'return cancelled' },
    now,
  );
  return current.trackingNo;
}
