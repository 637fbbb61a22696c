import type { Kysely } from 'kysely';
import type { ReturnOptions, ReturnQuote, ReturnView } from '../../../shared/api/return-views';
import type { createReturnRequestSchema, returnQuoteRequestSchema } from '../../../shared/api/returns';
import { claimRefusalOf } from '../../../shared/returns/return-eligibility';
import { STATUTORY_EXCLUSIONS } from '../../../shared/returns/return-policy';
import { findReturnReason } from '../../../shared/returns/return-reasons';
import type { z } from 'zod';
import { badRequest, unprocessable } from '../../app-error';
import type { Database } from '../../db/schema';
import { lockOrder, lockShipment } from '../../db/row-lock';
import { loadReturnPolicy } from '../settings/return-policy-repository';
import type { Shipment } from '../tracking/shipment-repository';
import { listClaimsForOrder, parcelClaimState } from '../claims/claim-repository';
import { claimableKind } from '../claims/claim-service';
import { loadOrderReturnContext } from './order-return-context';
import { decideReturn } from './return-decision';
import { newDropoffCode, newReturnNo } from './return-numbers';
import { insertReturnEvent, moveReturn, toReturnRequest, type ReturnRequest } from './return-repository';
import { createReturnShipment, cancelReturnShipment } from './return-shipments';
import { buildReturnView } from './return-view';
import { offeredPickupSlots } from './pickup-slots';

export type QuoteInput = z.output<typeof returnQuoteRequestSchema>;
export type CreateInput = z.output<typeof createReturnRequestSchema>;

interface Facts {
  now: number;
  timeZone: string;
}

/** Delivered means handed to the customer: a parcel waiting in a locker is not yet theirs. */
const deliveredAt = (shipment: Shipment) => (shipment.status === 'Delivered' ? shipment.deliveredAt : null);

export async function loadReturnOptions(db: Kysely<Database>, shipment: Shipment, facts: Facts): Promise<ReturnOptions> {
  const [ctx, policy, returns, claims, order, parcelClaim] = await Promise.all([
    loadOrderReturnContext(db, shipment.orderId),
    loadReturnPolicy(db),
    db
      .selectFrom('return_requests as r')
      .select(['r.return_no', 'r.status', 'r.reason_code', 'r.quote_fen', 'r.created_at', 'r.settlement'])
      .select((eb) => eb.selectFrom('return_items as ri').select((e) => e.fn.sum<number>('ri.quantity').as('n')).whereRef('ri.return_id', '=', 'r.id').as('item_count'))
      .where('r.order_id', '=', shipment.orderId)
      .orderBy('r.created_at', 'desc')
      .execute(),
    listClaimsForOrder(db, shipment.orderId),
    db.selectFrom('orders').select('order_no').where('id', '=', shipment.orderId).executeTakeFirstOrThrow(),
    parcelClaimState(db, shipment.id),
  ]);
  const returnBlockedBy = parcelClaim === null ? null : claimRefusalOf(parcelClaim);
  return {
    trackingNo: shipment.trackingNo,
    orderNo: order.order_no,
    orderPaid: ctx.paid,
    deliveredAt: deliveredAt(shipment),
    timeZone: facts.timeZone,
    items: ctx.lines.map((l) => ({
      orderItemId: l.orderItemId,
      sku: l.sku,
      name: l.name,
      category: l.category,
      delivered: l.quantity,
      returnable: returnBlockedBy ? 0 : Math.max(0, l.quantity - (ctx.alreadyReturned.get(l.orderItemId) ?? 0)),
      unitPriceFen: l.unitPriceFen,
    })),
    policy: {
      noReasonDays: policy.noReasonDays,
      qualityDays: policy.qualityDays,
      returnShippingFeeFen: policy.returnShippingFeeFen,
      exclusions: [...STATUTORY_EXCLUSIONS, ...policy.shopExclusions],
    },
    pickupSlots: offeredPickupSlots(facts.now, facts.timeZone),
    returns: returns.map((r) => ({
      returnNo: r.return_no,
      status: r.status as ReturnOptions['returns'][number]['status'],
      reasonCode: r.reason_code as ReturnOptions['returns'][number]['reasonCode'],
      itemCount: Number(r.item_count ?? 0),
      refundFen: r.settlement ? (JSON.parse(r.settlement) as { totalFen: number }).totalFen : r.quote_fen,
      createdAt: r.created_at,
    })),
    claims,
    claimable: await claimableKind(db, shipment, { ...facts, policy }),
    returnBlockedBy,
  };
}

function checkChoiceShape(input: QuoteInput): void {
  const reason = findReturnReason(input.reasonCode)!;
  if (!reason.details.some((d) => d.code === input.reasonDetail)) {
    throw badRequest('unknown_reason_detail', `${input.reasonDetail.slice(0, 40)} is not a detail of ${input.reasonCode}`);
  }
  if (new Set(input.items.map((i) => i.orderItemId)).size !== input.items.length) {
    throw badRequest('duplicate_item', 'Each item may appear once; say the quantity instead');
  }
}

async function quoteFor(db: Kysely<Database>, shipment: Shipment, input: QuoteInput, facts: Facts, photoCount: number) {
  checkChoiceShape(input);
  const [ctx, policy, parcelClaim] = await Promise.all([loadOrderReturnContext(db, shipment.orderId), loadReturnPolicy(db), parcelClaimState(db, shipment.id)]);
  const decision = decideReturn(
    ctx,
    { items: input.items, reasonCode: input.reasonCode, condition: input.condition, method: input.method, photoCount },
    { deliveredAt: deliveredAt(shipment), now: facts.now, timeZone: facts.timeZone, policy, parcelClaim },
  );
  return { ctx, decision };
}

/** The rules' answer before submitting. Photos count as given here; they are checked on create. */
export async function quoteReturn(db: Kysely<Database>, shipment: Shipment, input: QuoteInput, facts: Facts): Promise<ReturnQuote> {
  const { decision } = await quoteFor(db, shipment, input, facts, input.photoIds.length);
  return {
    eligible: decision.eligibility.eligible,
    refusals: decision.eligibility.refusals,
    lastDay: decision.eligibility.lastDay,
    breakdown: decision.breakdown,
    autoApprove: decision.eligibility.eligible && decision.reviewReasons.length === 0,
  };
}

/**
 * Creates a return if the rules allow it, deciding again on the server whatever the client
 * showed. In one transaction holding the order's lock (as claims do), so two requests at once
 * can't both take the last unit, nor a return and a claim both pay for the same parcel.
 */
export async function createReturn(db: Kysely<Database>, shipment: Shipment, input: CreateInput, facts: Facts): Promise<ReturnView> {
  const slot = input.method === 'pickup' ? offeredPickupSlots(facts.now, facts.timeZone).find((s) => s.start === input.pickupSlotStart) : null;
  if (input.method === 'pickup' && !slot) throw badRequest('invalid_pickup_slot', 'Choose one of the offered pickup times');
  const ret = await db.transaction().execute(async (trx) => {
    await lockOrder(trx, shipment.orderId);
    const photoCount = await countOwnPhotos(trx, shipment.orderId, input.photoIds);
    const { decision } = await quoteFor(trx, shipment, input, facts, photoCount);
    if (!decision.eligibility.eligible || !decision.breakdown) {
      const first = decision.eligibility.refusals[0]!;
      throw unprocessable('return_not_eligible', first.message.en, { refusals: decision.eligibility.refusals });
    }
    const inserted = await trx
      .insertInto('return_requests')
      .values({
        return_no: newReturnNo(),
        order_id: shipment.orderId,
        shipment_id: shipment.id,
        status: 'requested',
        reason_code: input.reasonCode,
        reason_detail: input.reasonDetail,
        item_condition: input.condition,
        method: input.method,
        pickup_slot_start: slot?.start ?? null,
        pickup_slot_end: slot?.end ?? null,
        dropoff_code: input.method === 'dropoff' ? newDropoffCode() : null,
        note: input.note || null,
        photo_ids: JSON.stringify(input.photoIds.map((id) => id.toLowerCase())),
        quote: JSON.stringify(decision.breakdown),
        quote_fen: decision.breakdown.totalFen,
        settlement: null,
        review_reasons: JSON.stringify(decision.reviewReasons),
        decision_note: null,
        return_shipment_id: null,
        version: 1,
        created_at: facts.now,
        updated_at: facts.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('return_items')
      .values(input.items.map((i) => ({ return_id: inserted.id, order_item_id: i.orderItemId, quantity: i.quantity, accepted_quantity: null, damaged_quantity: null })))
      .execute();
    const created = toReturnRequest(inserted);
    await insertReturnEvent(trx, { returnId: created.id, status: 'requested', at: facts.now, actor: { type: 'customer', id: null }, note: input.note || null });
    if (decision.reviewReasons.length > 0) {
      return moveReturn(trx, created, 'needs_review', { at: facts.now, actor: { type: 'system', id: null } });
    }
    const approved = await moveReturn(trx, created, 'approved', { at: facts.now, actor: { type: 'system', id: null }, fact: 'auto_approved' });
    return scheduleCollection(trx, approved, shipment, facts.now);
  });
  return buildReturnView(db, ret);
}

/** After approval: book the courier for a pickup, or wait for the customer at a drop-off point. */
export async function scheduleCollection(trx: Kysely<Database>, approved: ReturnRequest, outbound: Shipment, now: number): Promise<ReturnRequest> {
  if (approved.method === 'dropoff') return moveReturn(trx, approved, 'awaiting_dropoff', { at: now, actor: { type: 'system', id: null } });
  const leg = await createReturnShipment(trx, approved, outbound, now);
  return moveReturn(trx, approved, 'pickup_scheduled', { at: now, actor: { type: 'system', id: null }, set: { return_shipment_id: leg.id } });
}

/** Photos count only if this order's customer uploaded them (no borrowing another's evidence). */
async function countOwnPhotos(db: Kysely<Database>, orderId: number, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const lowered = [...new Set(ids.map((id) => id.toLowerCase()))];
  const rows = await db.selectFrom('customer_uploads').select('id').where('id', 'in', lowered).where('order_id', '=', orderId).execute();
  if (rows.length !== lowered.length) throw badRequest('photo_not_uploaded', 'A photo this return refers to has not been uploaded');
  return rows.length;
}

export async function cancelReturn(db: Kysely<Database>, ret: ReturnRequest, now: number): Promise<{ view: ReturnView; cancelledLeg: string | null }> {
  let cancelledLeg: string | null = null;
  const cancelled = await db.transaction().execute(async (trx) => {
    if (ret.returnShipmentId !== null) await lockShipment(trx, ret.returnShipmentId);
    const moved = await moveReturn(trx, ret, 'cancelled', { at: now, actor: { type: 'customer', id: null } });
    cancelledLeg = await cancelReturnShipment(trx, ret.returnShipmentId, now);
    return moved;
  });
  return { view: await buildReturnView(db, cancelled), cancelledLeg };
}
