import type { Kysely } from 'kysely';
import type { PackingView, PackOrderRequest, PackResult, ShippingLabel } from '../../../shared/api/warehouse';
import { packDifferences } from '../../../shared/fulfilment/pick-rules';
import { promisedDays, sortCode, trackingUrl } from '../../../shared/fulfilment/parcel-rules';
import { startOfShopDay } from '../../../shared/time/shop-day';
import { conflict, notFound } from '../../app-error';
import { lockOrder } from '../../db/row-lock';
import type { Database } from '../../db/schema';
import type { Warehouse } from '../catalog/warehouse-repository';
import { enqueueOrderNotification } from '../notifications/notification-outbox';
import { moveStock } from '../stock/stock-ledger';
import { maskPhone } from '../tracking/masking';
import { newTrackingNo } from '../tracking/new-tracking-number';
import { findShipmentById } from '../tracking/shipment-repository';
import { applyTrackingEvent } from '../tracking/tracking-service';
import {
  findOrderForPacking,
  findOrderLinesIn,
  findOrderWarehouseIds,
  findPackedShipment,
  findWaveIdsOfOrder,
  insertPackedShipment,
  markOrderShipped,
  type OrderForPacking,
} from './packing-repository';
import { findOrderPickLines, findPackedShipments, findWaveLines, findOrdersPackedIn, setWaveStatus } from './wave-repository';
import type { OrderPickState } from './wave-view';

const DAY = 86_400_000;

export interface PackingContext {
  warehouse: Warehouse;
  staffId: number;
  now: number;
  timeZone: string;
  publicUrl: string;
}

async function requireOrderHere(db: Kysely<Database>, orderNo: string, warehouse: Warehouse) {
  const order = await findOrderForPacking(db, orderNo);
  const lines = order ? await findOrderLinesIn(db, order.id, warehouse.id) : [];
  // An order with nothing from this warehouse does not exist for its workers.
  if (!order || lines.length === 0) throw notFound('order_not_found', `No order ${orderNo} ships from ${warehouse.code}`);
  return { order, lines };
}

/** Where the order stands in this warehouse: picked lines make it ready, a parcel packed. */
async function packingState(db: Kysely<Database>, order: OrderForPacking, lines: { orderItemId: number; quantity: number }[], warehouse: Warehouse): Promise<OrderPickState> {
  if (order.status === 'cancelled') return 'cancelled';
  if ((await findOrdersPackedIn(db, [order.id], warehouse.id)).has(order.id)) return 'packed';
  if (order.heldAt !== null) return 'held';
  // Ready when every line shipping from here was picked in full (a line re-allocated away is no longer here).
  const pickLines = await findOrderPickLines(db, order.id, warehouse.id);
  const picked = lines.every((l) => pickLines.some((p) => p.orderItemId === l.orderItemId && p.pickedQuantity === l.quantity));
  return picked ? 'ready_to_pack' : 'picking';
}

export async function loadPackingView(db: Kysely<Database>, warehouse: Warehouse, orderNo: string): Promise<PackingView> {
  const { order, lines } = await requireOrderHere(db, orderNo, warehouse);
  const weights = lines.map((l) => (l.weightGrams === null ? null : l.weightGrams * l.quantity));
  const shipments = (await findPackedShipments(db, order.id)).filter((s) => s.warehouseId === warehouse.id);
  return {
    orderNo,
    state: await packingState(db, order, lines, warehouse),
    lines: lines.map((l) => ({ sku: l.sku, name: l.name, barcode: l.barcode, quantity: l.quantity })),
    expectedWeightGrams: weights.some((w) => w === null) ? null : weights.reduce((a, b) => a! + b!, 0),
    shipments: shipments.map((s) => ({ trackingNo: s.trackingNo })),
  };
}

/**
 * Packs the order's part from this warehouse, in the caller's transaction with the order
 * locked: the box is checked against the picked lines, the parcel is made and booked
 * (InfoReceived), its units leave the ledger as a shipment, the order is `shipped` once every
 * warehouse of it has packed, and the customer's SMS is queued. A second press finds the
 * parcel already there (409 already_packed): never two parcels.
 */
export async function packOrder(trx: Kysely<Database>, orderNo: string, request: PackOrderRequest, ctx: PackingContext): Promise<PackResult> {
  const { order: found } = await requireOrderHere(trx, orderNo, ctx.warehouse);
  await lockOrder(trx, found.id);
  const { order, lines } = await requireOrderHere(trx, orderNo, ctx.warehouse);
  const state = await packingState(trx, order, lines, ctx.warehouse);
  if (state === 'packed') throw conflict('already_packed', 'This order is already packed here');
  if (state === 'cancelled') throw conflict('order_cancelled', 'The order was cancelled: put its items back');
  if (state === 'held') throw conflict('order_held', 'The order is held after a short pick; it must not ship');
  if (state !== 'ready_to_pack' || order.status !== 'paid') throw conflict('not_picked', 'Not every line of this order has been picked yet');
  const differences = packDifferences(lines, request.lines);
  if (differences.length > 0) throw conflict('lines_mismatch', 'The box does not hold what was picked for this order', { differences });

  const origin = { province: ctx.warehouse.address.province, city: ctx.warehouse.address.city };
  const destination = { province: order.address.province, city: order.address.city };
  const promisedBy = startOfShopDay(ctx.now + (promisedDays(origin, destination) + 1) * DAY, ctx.timeZone) - 1;
  const trackingNo = await newTrackingNo(trx);
  const shipmentId = await insertPackedShipment(trx, { trackingNo, orderId: order.id, warehouseId: ctx.warehouse.id, origin, destination, promisedBy, weightGrams: request.weightGrams, packedBy: ctx.staffId, at: ctx.now });
  const booked = await applyTrackingEvent(trx, await findShipmentById(trx, shipmentId), { status: 'InfoReceived', occurredAt: ctx.now, place: origin, actor: { type: 'staff', id: ctx.staffId }, note: 'packed' }, ctx.now);
  for (const line of lines) {
    await moveStock(trx, { warehouseId: ctx.warehouse.id, productId: line.productId, kind: 'shipment', quantity: line.quantity, orderId: order.id, actor: { type: 'staff', id: ctx.staffId } }, ctx.now);
  }

  const packedFrom = new Set((await findPackedShipments(trx, order.id)).map((s) => s.warehouseId));
  const everywhere = (await findOrderWarehouseIds(trx, order.id)).every((id) => packedFrom.has(id));
  if (everywhere) {
    await markOrderShipped(trx, order.id, ctx.now);
    await enqueueOrderNotification(trx, { orderId: order.id, orderNo, recipientPhone: order.recipient.phone, event: 'order_shipped', params: { trackingNo }, at: ctx.now });
  }
  await closePackedWaves(trx, order.id, ctx);
  return { shipment: { trackingNo, status: booked.shipment.status }, label: await loadLabel(trx, ctx.warehouse, trackingNo, ctx.publicUrl), orderStatus: everywhere ? 'shipped' : order.status };
}

/** A picked wave whose every order is packed, held or cancelled is done. */
async function closePackedWaves(trx: Kysely<Database>, orderId: number, ctx: PackingContext): Promise<void> {
  for (const waveId of await findWaveIdsOfOrder(trx, orderId, ctx.warehouse.id)) {
    const lines = await findWaveLines(trx, [waveId]);
    const packed = await findOrdersPackedIn(trx, [...new Set(lines.map((l) => l.orderId))], ctx.warehouse.id);
    const done = lines.every((l) => packed.has(l.orderId) || l.orderStatus === 'cancelled' || l.heldAt !== null);
    if (done && lines.every((l) => l.quantity === l.pickedQuantity + l.shortQuantity || l.orderStatus === 'cancelled' || l.heldAt !== null)) await setWaveStatus(trx, waveId, 'packed', ctx.now);
  }
}

/** What the 100 × 150 mm label prints for a parcel packed in this warehouse (404 for any other). */
export async function loadLabel(db: Kysely<Database>, warehouse: Warehouse, trackingNo: string, publicUrl: string): Promise<ShippingLabel> {
  const shipment = await findPackedShipment(db, trackingNo, warehouse.id);
  if (!shipment) throw notFound('shipment_not_found', `No parcel ${trackingNo} packed in ${warehouse.code}`);
  const order = (await findOrderForPacking(db, shipment.order_no))!;
  const lines = await findOrderLinesIn(db, order.id, warehouse.id);
  return {
    trackingNo,
    orderNo: order.orderNo,
    trackingUrl: trackingUrl(publicUrl, trackingNo),
    sender: { name: warehouse.name['zh-CN'], phone: '', ...warehouse.address },
    recipient: { name: order.recipient.name, phone: maskPhone(order.recipient.phone), ...order.address },
    weightGrams: shipment.weight_grams,
    sortCode: sortCode(order.address.city, order.address.district),
    packedAt: shipment.created_at,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
  };
}
