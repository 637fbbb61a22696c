import { restockAcceptedUnits } from '../stock/return-restock';
import type { Kysely } from 'kysely';
import type { OpsReturnDetail } from '../../../shared/api/return-views';
import type { ReceiveReturnRequest } from '../../../shared/api/returns';
import { canReceive } from '../../../shared/returns/return-arrival';
import { refundBreakdown } from '../../../shared/returns/refund-breakdown';
import { AppError, badRequest, conflict } from '../../app-error';
import type { Database } from '../../db/schema';
import type { PaymentProvider } from '../payments/payment-provider';
import { findShipmentById, findShipmentByIdIfAny } from '../tracking/shipment-repository';
import { requireOrder } from '../orders/order-repository';
import { findRefundByKey } from '../refunds/refund-repository';
import { claimRefund, payRefund, settleRefund } from '../refunds/refund-service';
import { enqueueWebhookEvent } from '../webhooks/webhook-outbox';
import { lockOrder } from '../../db/row-lock';
import { insertReturnEvent, listReturnLines, moveReturn, recordInspectedLine, requireReturn, type ReturnRequest } from './return-repository';
import { scheduleCollection } from './return-service';
import { receiveReturnShipment } from './return-shipments';
import { loadSettlementBasis } from './settlement-basis';
import { buildOpsReturnDetail } from './return-view';

type Staff = { id: number };

/** Staff decide a return the rules left to a person. */
export async function reviewReturn(
  db: Kysely<Database>,
  returnNo: string,
  input: { decision: 'approve' | 'reject'; note: string },
  staff: Staff,
  now: number,
): Promise<OpsReturnDetail> {
  const ret = await requireReturn(db, returnNo);
  if (ret.status !== 'needs_review' && ret.status !== 'requested') throw conflict('not_awaiting_review', `Return ${returnNo} is ${ret.status}, not waiting for review`);
  const actor = { type: 'staff' as const, id: staff.id };
  const decided = await db.transaction().execute(async (trx) => {
    if (input.decision === 'reject') {
      return moveReturn(trx, ret, 'rejected', { at: now, actor, note: input.note, set: { decision_note: input.note } });
    }
    const approved = await moveReturn(trx, ret, 'approved', { at: now, actor, note: input.note || null, set: { decision_note: input.note || null } });
    return scheduleCollection(trx, approved, await findShipmentById(trx, ret.shipmentId), now);
  });
  return buildOpsReturnDetail(db, decided);
}

/**
 * The parcel is back: staff count what they accept for a refund and what came back damaged.
 * The settlement is the same arithmetic as the quote, over the accepted units.
 */
export async function receiveReturn(
  db: Kysely<Database>,
  returnNo: string,
  input: Required<Pick<ReceiveReturnRequest, 'items'>> & Pick<ReceiveReturnRequest, 'override'> & { note: string },
  staff: Staff,
  now: number,
): Promise<OpsReturnDetail> {
  const ret = await requireReturn(db, returnNo);
  const verdict = canReceive(ret, ret.returnShipmentId === null ? null : await findShipmentByIdIfAny(db, ret.returnShipmentId));
  if (verdict === 'not_awaiting_receipt') {
    throw conflict('not_awaiting_receipt', `Return ${returnNo} is ${ret.status}; only a collected or dropped-off return can be received`);
  }
  const override = verdict === 'arrived' ? null : (input.override ?? null);
  if (verdict !== 'arrived' && !override) {
    throw conflict(
      'return_not_arrived',
      verdict === 'in_transit'
        ? `Return ${returnNo} is still on its way to the shop; receive it once it is delivered back, or give a reason to override`
        : `Nothing records return ${returnNo} being handed in at a drop-off point; give a reason to receive it anyway`,
    );
  }
  const lines = await listReturnLines(db, ret.id);
  const counted = new Map(input.items.map((i) => [i.orderItemId, i]));
  if (counted.size !== input.items.length) throw badRequest('duplicate_item', 'Each item may appear once');
  if (counted.size !== lines.length || lines.some((l) => !counted.has(l.orderItemId))) {
    throw badRequest('items_mismatch', 'Count every item of the return, and only those');
  }
  for (const line of lines) {
    const c = counted.get(line.orderItemId)!;
    if (c.acceptedQuantity + c.damagedQuantity > line.quantity) {
      throw badRequest('quantity_exceeded', `Accepted and damaged units of item ${line.orderItemId} exceed the ${line.quantity} returned`);
    }
  }
  const received = await db.transaction().execute(async (trx) => {
    // Read again inside the transaction: what the inspection form previewed, now settled.
    const basis = await loadSettlementBasis(trx, ret);
    const accepted = lines.map((l) => ({ orderItemId: l.orderItemId, quantity: counted.get(l.orderItemId)!.acceptedQuantity }));
    const settlement = refundBreakdown({ ...basis, items: accepted.filter((a) => a.quantity > 0) });
    for (const line of lines) await recordInspectedLine(trx, line.id, counted.get(line.orderItemId)!);
    await receiveReturnShipment(trx, ret.returnShipmentId, staff, now);
    const moved = await moveReturn(trx, ret, 'received', {
      at: now,
      actor: { type: 'staff', id: staff.id },
      note: input.note || null,
      set: { settlement: JSON.stringify(settlement) },
    });
    await restockAcceptedUnits(trx, ret.id, accepted, { type: 'staff', id: staff.id }, now);
    if (override) {
      // Recorded as what it is: received on staff's word, before anything saw the parcel arrive.
      await insertReturnEvent(trx, { returnId: ret.id, status: 'received', at: now, actor: { type: 'staff', id: staff.id }, fact: 'received_without_arrival', note: override.reason });
    }
    // Nothing accepted, nothing to pay: the return is done.
    if (settlement.totalFen === 0) return moveReturn(trx, moved, 'closed', { at: now, actor: { type: 'system', id: null }, fact: 'nothing_to_refund' });
    return moved;
  });
  return buildOpsReturnDetail(db, received);
}

const refundKey = (ret: ReturnRequest) => `return:${ret.returnNo}`;

/**
 * Pays the settled refund once, however often it is asked for: claim → pay → settle (see
 * refund-service). The return is read once, under the order's lock, and moved by whoever
 * settles the payment.
 */
export async function refundReturn(
  db: Kysely<Database>,
  payments: PaymentProvider,
  returnNo: string,
  staff: Staff,
  now: number,
): Promise<OpsReturnDetail> {
  const { orderId } = await requireReturn(db, returnNo);
  const claimed = await db.transaction().execute(async (trx) => {
    await lockOrder(trx, orderId);
    const [ret, order] = await Promise.all([requireReturn(trx, returnNo), requireOrder(trx, orderId)]);
    const existing = await findRefundByKey(trx, refundKey(ret));
    if (existing) return { ret, refund: existing, orderNo: order.orderNo };
    if (ret.status !== 'received' || !ret.settlement) {
      throw conflict('not_ready_for_refund', `Return ${returnNo} is ${ret.status}; it is refunded after it is received and inspected`);
    }
    const request = { orderId, returnId: ret.id, claimId: null, idempotencyKey: refundKey(ret), wantedFen: ret.settlement.totalFen, requestedBy: staff.id };
    try {
      return { ret, refund: await claimRefund(trx, request, now), orderNo: order.orderNo };
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'nothing_to_refund')) throw err;
      // Everything the order paid has gone back already (a claim, say): the return ends here
      // rather than waiting for money that will never be owed.
      return { ret: await moveReturn(trx, ret, 'closed', { at: now, actor: { type: 'system', id: null }, fact: 'nothing_to_refund' }), refund: null, orderNo: order.orderNo };
    }
  });
  const { ret, refund } = claimed;
  if (refund === null || refund.status === 'succeeded') return buildOpsReturnDetail(db, ret);
  const receipt = await payRefund(payments, refund, claimed.orderNo);
  const refunded = await db.transaction().execute(async (trx) => {
    if (!(await settleRefund(trx, refund, receipt, payments.name, now))) return null;
    await enqueueWebhookEvent(trx, 'return.refunded', { returnNo, orderNo: claimed.orderNo, amountFen: refund.amountFen, refundedAt: now }, now);
    return moveReturn(trx, ret, 'refunded', { at: now, actor: { type: 'staff', id: staff.id } });
  });
  // Another press settled it meanwhile: show the return as that press left it.
  return buildOpsReturnDetail(db, refunded ?? (await requireReturn(db, returnNo)));
}
