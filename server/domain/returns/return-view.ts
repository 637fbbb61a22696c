import type { Kysely } from 'kysely';
import type { OpsReturnDetail, RefundView, ReturnEventFact, ReturnView } from '../../../shared/api/return-views';
import { canReceive } from '../../../shared/returns/return-arrival';
import { CANCELLABLE_RETURN_STATUSES, type ReturnStatus } from '../../../shared/returns/return-status';
import type { Database } from '../../db/schema';
import type { ReturnRequest } from './return-repository';

const STAFF_ONLY_FACTS: ReturnEventFact[] = ['received_without_arrival'];

/** A return as its customer sees it: items, the promised and the settled refund, its history. */
export async function buildReturnView(db: Kysely<Database>, ret: ReturnRequest, audience: 'customer' | 'staff' = 'customer'): Promise<ReturnView> {
  const [items, events, refund, shipment, returnShipment, order] = await Promise.all([
    db
      .selectFrom('return_items as ri')
      .innerJoin('order_items as oi', 'oi.id', 'ri.order_item_id')
      .innerJoin('products as p', 'p.id', 'oi.product_id')
      .select(['ri.order_item_id', 'p.sku', 'p.name', 'ri.quantity', 'ri.accepted_quantity', 'ri.damaged_quantity'])
      .where('ri.return_id', '=', ret.id)
      .orderBy('ri.id')
      .execute(),
    db
      .selectFrom('return_events')
      .select(['status', 'occurred_at', 'actor_type', 'note', 'fact', 'reason_code'])
      .where('return_id', '=', ret.id)
      // A staff override's reason is the desk's business, not the customer's.
      .$if(audience === 'customer', (q) => q.where((eb) => eb.or([eb('fact', 'is', null), eb('fact', 'not in', STAFF_ONLY_FACTS)])))
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db.selectFrom('refunds').select(['amount_fen', 'status', 'completed_at', 'provider_reference', 'arrival_min_days', 'arrival_max_days']).where('return_id', '=', ret.id).executeTakeFirst(),
    db.selectFrom('shipments').select('tracking_no').where('id', '=', ret.shipmentId).executeTakeFirstOrThrow(),
    ret.returnShipmentId === null
      ? Promise.resolve(undefined)
      : db.selectFrom('shipments').select('tracking_no').where('id', '=', ret.returnShipmentId).executeTakeFirst(),
    db.selectFrom('orders').select('order_no').where('id', '=', ret.orderId).executeTakeFirstOrThrow(),
  ]);
  return {
    returnNo: ret.returnNo,
    trackingNo: shipment.tracking_no,
    orderNo: order.order_no,
    status: ret.status,
    reasonCode: ret.reasonCode,
    reasonDetail: ret.reasonDetail,
    condition: ret.condition,
    method: ret.method,
    pickupSlot: ret.pickupSlot,
    dropoffCode: ret.status === 'awaiting_dropoff' ? ret.dropoffCode : null,
    returnTrackingNo: returnShipment?.tracking_no ?? null,
    items: items.map((i) => ({
      orderItemId: i.order_item_id,
      sku: i.sku,
      name: i.name,
      quantity: i.quantity,
      acceptedQuantity: i.accepted_quantity,
      damagedQuantity: i.damaged_quantity,
    })),
    quote: ret.quote,
    settlement: ret.settlement,
    refund: refund ? toRefundView(refund) : null,
    photoUrls: ret.photoIds.map((id) => `/api/uploads/${id}`),
    note: ret.note,
    decisionNote: ret.decisionNote,
    canCancel: CANCELLABLE_RETURN_STATUSES.includes(ret.status),
    createdAt: ret.createdAt,
    events: events.map((e) => ({
      status: e.status as ReturnStatus,
      occurredAt: e.occurred_at,
      actor: e.actor_type as ReturnView['events'][number]['actor'],
      note: e.note,
      fact: e.fact as ReturnEventFact | null,
      reasonCode: e.reason_code,
    })),
  };
}

function toRefundView(row: {
  amount_fen: number;
  status: string;
  completed_at: number | null;
  provider_reference: string | null;
  arrival_min_days: number | null;
  arrival_max_days: number | null;
}): RefundView {
  return {
    amountFen: row.amount_fen,
    status: row.status === 'succeeded' ? 'succeeded' : 'pending',
    completedAt: row.completed_at,
    reference: row.provider_reference,
    usualArrival:
      row.arrival_min_days === null || row.arrival_max_days === null ? null : { minWorkingDays: row.arrival_min_days, maxWorkingDays: row.arrival_max_days },
  };
}

/** The same return with what staff need to decide: who, where, why it waits for a person. */
export async function buildOpsReturnDetail(db: Kysely<Database>, ret: ReturnRequest): Promise<OpsReturnDetail> {
  const [view, order, returnShipment, refunded] = await Promise.all([
    buildReturnView(db, ret, 'staff'),
    db
      .selectFrom('orders')
      .select(['recipient_name', 'recipient_phone', 'province', 'city', 'district', 'street', 'paid_total_fen'])
      .where('id', '=', ret.orderId)
      .executeTakeFirstOrThrow(),
    ret.returnShipmentId === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom('shipments as s')
          .leftJoin('couriers as c', 'c.id', 's.courier_id')
          .select(['s.tracking_no', 's.status', 'c.name'])
          .where('s.id', '=', ret.returnShipmentId)
          .executeTakeFirst(),
    db
      .selectFrom('refunds')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('fen'))
      .where('order_id', '=', ret.orderId)
      .where('status', '=', 'succeeded')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    ...view,
    // Staff see the drop-off code whatever the status, to match a parcel at the desk.
    dropoffCode: ret.dropoffCode,
    customer: { name: order.recipient_name, phone: order.recipient_phone },
    address: { province: order.province, city: order.city, district: order.district, street: order.street },
    reviewReasons: ret.reviewReasons,
    returnShipment: returnShipment ? { trackingNo: returnShipment.tracking_no, status: returnShipment.status, courierName: returnShipment.name } : null,
    receipt: canReceive(ret, returnShipment ?? null),
    orderPaidFen: order.paid_total_fen,
    orderRefundedFen: Number(refunded.fen),
  };
}
