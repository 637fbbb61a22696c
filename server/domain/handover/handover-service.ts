import type { Kysely } from 'kysely';
import type { HandoverQueue, HandoverResult, handoverSchema } from '../../../shared/api/warehouse';
import { COLLECTION_SUB_STATUS } from '../../../shared/tracking/shipment-state-machine';
import { isValidTrackingNo, normalizeTrackingNo } from '../../../shared/tracking/tracking-number';
import type { z } from 'zod';
import { badRequest, notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import { listActiveCouriers } from '../auth/account-repository';
import { findCouriersServing, type ServiceArea } from '../areas/courier-area-repository';
import { findCarrierByCode, listCarriers } from '../carriers/carrier-repository';
import type { Warehouse } from '../catalog/warehouse-repository';
import { ensureRoundOrdered } from '../courier/courier-route';
import { requireCourier } from '../ops-desk/courier-stops';
import { findShipmentById } from '../tracking/shipment-repository';
import { applyTrackingEvent } from '../tracking/tracking-service';
import { chooseCourier } from './courier-choice';
import { claimPackedParcel, countOpenStops, findHandoverParcel, listPackedParcels } from './handover-repository';
import { markOrderFactsChanged } from '../orders/order-facts-changed';

type HandoverRequest = z.output<typeof handoverSchema>;
type ParcelResult = HandoverResult['results'][number];

/** The queue shows this many parcels at most (a day's packing is far fewer). */
export const HANDOVER_QUEUE_LIMIT = 500;

/** The courier serving a district with the fewest open stops now; null when nobody serves it. */
export async function courierForArea(db: Kysely<Database>, area: ServiceArea): Promise<number | null> {
  const ids = await findCouriersServing(db, area);
  if (ids.length <= 1) return ids[0] ?? null;
  const open = await countOpenStops(db, ids);
  return chooseCourier(ids.map((id) => ({ id, openStops: open.get(id) ?? 0 })));
}

/** GET /api/warehouse/handover: the packed parcels of this warehouse, with who should take each. */
export async function loadHandoverQueue(db: Kysely<Database>, warehouse: Pick<Warehouse, 'id'>): Promise<HandoverQueue> {
  const [parcels, couriers, carriers] = await Promise.all([listPackedParcels(db, warehouse.id, HANDOVER_QUEUE_LIMIT), listActiveCouriers(db), listCarriers(db)]);
  const names = new Map(couriers.map((c) => [c.id, c.name]));
  // One choice per district, not per parcel: a queue is mostly a few districts.
  const byArea = new Map<string, number | null>();
  for (const p of parcels) {
    const key = `${p.destination.city}\u0000${p.destination.district}`;
    if (!byArea.has(key)) byArea.set(key, await courierForArea(db, p.destination));
  }
  return {
    parcels: parcels.map((p) => {
      const id = byArea.get(`${p.destination.city}\u0000${p.destination.district}`) ?? null;
      return { trackingNo: p.trackingNo, orderNo: p.orderNo, destination: p.destination, weightGrams: p.weightGrams, suggestedCourier: id === null ? null : { id, name: names.get(id) ?? '' } };
    }),
    couriers: couriers.map((c) => ({ id: c.id, name: c.name })),
    carriers: carriers.filter((c) => c.active).map((c) => ({ code: c.code, name: c.name })),
  };
}

type Recipient = { kind: 'courier'; courier: { id: number; name: string } | null } | { kind: 'carrier'; carrier: { id: number; code: string } };

/** Who the request hands to, checked once before any parcel moves: unknown 404, inactive 400. */
async function resolveRecipient(db: Kysely<Database>, to: HandoverRequest['to']): Promise<Recipient> {
  if (to.kind === 'carrier') {
    const carrier = await findCarrierByCode(db, to.carrierCode);
    if (!carrier) throw notFound('carrier_not_found', `No carrier ${to.carrierCode}`);
    if (!carrier.active) throw badRequest('carrier_inactive', `Carrier ${to.carrierCode} is not active`);
    return { kind: 'carrier', carrier: { id: carrier.id, code: carrier.code } };
  }
  if (to.courierId === undefined) return { kind: 'courier', courier: null };
  const courier = await requireCourier(db, to.courierId);
  if (!courier.active) throw badRequest('courier_inactive', `${courier.name} is not an active courier`);
  return { kind: 'courier', courier: { id: courier.id, name: courier.name } };
}

/**
 * POST /api/warehouse/handover: each parcel in its own transaction with its guard inside
 * (claimPackedParcel), so every scan stands on its own like the physical act it records: a
 * parcel refused or raced does not undo the others, and a retry after a failure half-way finds
 * the ones already gone `already_handed_over`. One InTransit_002 (collected) event per parcel,
 * at the warehouse's city, by the courier or carrier who took it.
 */
export async function handOverParcels(
  db: Kysely<Database>,
  warehouse: Pick<Warehouse, 'id' | 'address'>,
  request: HandoverRequest,
  options: { now: number; timeZone: string },
): Promise<{ response: HandoverResult; changedTrackingNos: string[] }> {
  const recipient = await resolveRecipient(db, request.to);
  const names = new Map((await listActiveCouriers(db)).map((c) => [c.id, c.name]));
  const results: ParcelResult[] = [];
  const changed: string[] = [];
  const couriersToOrder = new Set<number>();
  for (const raw of request.trackingNos) {
    const result = await handOverOne(db, warehouse, normalizeTrackingNo(raw), recipient, options.now);
    if (result.outcome === 'handed_over') {
      changed.push(result.trackingNo);
      if (result.courier) couriersToOrder.add(result.courier.id);
    }
    results.push(result.courier ? { ...result, courier: { id: result.courier.id, name: names.get(result.courier.id) ?? result.courier.name } } : result);
  }
  // The new stops join their couriers' rounds in route order now, not at the next manifest read.
  for (const courierId of couriersToOrder) await ensureRoundOrdered(db, courierId, options);
  return { response: { results }, changedTrackingNos: changed };
}

async function handOverOne(db: Kysely<Database>, warehouse: Pick<Warehouse, 'id' | 'address'>, trackingNo: string, recipient: Recipient, now: number): Promise<ParcelResult> {
  const answer = (outcome: ParcelResult['outcome'], courier: ParcelResult['courier'] = null, carrierCode: string | null = null): ParcelResult => ({ trackingNo, outcome, courier, carrierCode });
  if (!isValidTrackingNo(trackingNo)) return answer('not_found');
  return db.transaction().execute(async (trx) => {
    const parcel = await findHandoverParcel(trx, trackingNo);
    // Another warehouse's parcel is answered as unknown: a worker learns nothing of it.
    if (!parcel || parcel.warehouseId !== warehouse.id || parcel.leg !== 'delivery') return answer('not_found');
    if (parcel.handedOverAt !== null || (parcel.status !== 'InfoReceived' && parcel.status !== 'Pending')) return answer('already_handed_over');
    let courierId: number | null = null;
    if (recipient.kind === 'courier') {
      courierId = recipient.courier?.id ?? (await courierForArea(trx, parcel.destination));
      if (courierId === null) return answer('no_courier_for_area');
    }
    const carrierCode = recipient.kind === 'carrier' ? recipient.carrier.code : null;
    if (!(await claimPackedParcel(trx, { shipmentId: parcel.shipmentId, warehouseId: warehouse.id }, { courierId, carrierCode }, now))) {
      return answer('already_handed_over');
    }
    const shipment = await findShipmentById(trx, parcel.shipmentId);
    // Order → ship time ends at the hand-over: the order's figures are folded again.
    await markOrderFactsChanged(trx, shipment.orderId);
    await applyTrackingEvent(
      trx,
      shipment,
      {
        status: 'InTransit',
        subStatus: COLLECTION_SUB_STATUS,
        occurredAt: now,
        place: { province: warehouse.address.province, city: warehouse.address.city },
        actor: recipient.kind === 'carrier' ? { type: 'carrier', id: recipient.carrier.id } : { type: 'courier', id: courierId },
      },
      now,
    );
    return answer('handed_over', courierId === null ? null : { id: courierId, name: '' }, carrierCode);
  });
}
