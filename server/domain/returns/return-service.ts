import type { Kysely } from 'kysely';
import type { ReturnOptions, ReturnQuote, ReturnView } from '../../../shared/api/return-views';
import type { createReturnRequestSchema, returnQuoteRequestSchema } from '../../../shared/api/returns';
import { claimRefusalOf } from '../../../shared/returns/return-eligibility';
import { STATUTORY_EXCLUSIONS } from '../../../shared/returns/return-policy';
import { returnDetailProblem, type DetailProblem } from '../../../shared/returns/return-details';
import type { z } from 'zod';
import { badRequest, unprocessable, type AppError } from '../../app-error';
import type { Database } from '../../db/schema';
import { lockOrder, lockShipment } from '../../db/row-lock';
import { loadReturnPolicy } from '../settings/return-policy-repository';
import type { Shipment } from '../tracking/shipment-repository';
import { listClaimsForOrder, parcelClaimState } from '../claims/claim-repository';
import { claimableKind } from '../claims/claim-service';
import { loadOrderReturnContext, type OrderReturnContext } from './order-return-context';
import { decideReturn } from './return-decision';
import { newDropoffCode } from './return-numbers';
import { insertReturnEvent, insertReturnRequest, listOrderReturnSummaries, moveReturn, type ReturnRequest } from './return-repository';
import { createReturnShipment, cancelReturnShipment } from './return-shipments';
import { buildReturnView } from './return-view';
import { offeredPickupSlots } from './pickup-slots';
import { countOrderPhotos } from '../uploads/upload-repository';

export type QuoteInput = z.output<typeof returnQuoteRequestSchema>;
export type CreateInput = z.output<typeof createReturnRequestSchema>;

interface Facts {
  now: number;
  timeZone: string;
}

/** Delivered means handed to the customer: a parcel waiting in a locker is not yet theirs. */
const deliveredAt = (shipment: Shipment) => (shipment.status === 'Delivered' ? shipment.deliveredAt : null);

export async function loadReturnOptions(db: Kysely<Database>, shipment: Shipment, facts: Facts): Promise<ReturnOptions> {
  const [ctx, policy, returns, claims, parcelClaim] = await Promise.all([
    loadOrderReturnContext(db, shipment.orderId),
    loadReturnPolicy(db),
    listOrderReturnSummaries(db, shipment.orderId),
    listClaimsForOrder(db, shipment.orderId),
    parcelClaimState(db, shipment.id),
  ]);
  const returnBlockedBy = parcelClaim === null ? null : claimRefusalOf(parcelClaim);
  return {
    trackingNo: shipment.trackingNo,
    orderNo: ctx.orderNo,
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
    returns,
    claims,
    claimable: await claimableKind(db, shipment, { ...facts, policy }),
    returnBlockedBy,
  };
}

function checkChoiceShape(input: QuoteInput): void {
  if (new Set(input.items.map((i) => i.orderItemId)).size !== input.items.length) {
    throw badRequest('duplicate_item', 'Each item may appear once; say the quantity instead');
  }
}

const DETAIL_PROBLEMS: Record<DetailProblem, (input: QuoteInput) => AppError> = {
  detail_required: (i) => badRequest('reason_detail_required', `Choose what is wrong (a detail of ${i.reasonCode})`),
  detail_not_asked: () => badRequest('reason_detail_not_asked', 'A no-reason return takes no detail'),
  unknown_reason_detail: (i) => badRequest('unknown_reason_detail', `${(i.reasonDetail ?? '').slice(0, 40)} is not a detail of ${i.reasonCode}`),
  detail_not_for_category: (i) =>
    unprocessable('reason_detail_not_for_category', `${(i.reasonDetail ?? '').slice(0, 40)} does not fit the kind of item being returned`),
};

/** The detail must fit every item going back (no 开线 for oranges); a quote may come before it is chosen. */
function checkDetail(ctx: OrderReturnContext, input: QuoteInput, required: boolean): void {
  const chosen = new Set(input.items.map((i) => i.orderItemId));
  const categories = ctx.lines.filter((l) => chosen.has(l.orderItemId)).map((l) => l.category);
  const problem = returnDetailProblem(input.reasonCode, input.reasonDetail, categories, required);
  if (problem) throw DETAIL_PROBLEMS[problem](input);
}

async function quoteFor(db: Kysely<Database>, shipment: Shipment, input: QuoteInput, facts: Facts, photoCount: number, detailRequired: boolean) {
  checkChoiceShape(input);
  const [ctx, policy, parcelClaim] = await Promise.all([loadOrderReturnContext(db, shipment.orderId), loadReturnPolicy(db), parcelClaimState(db, shipment.id)]);
  checkDetail(ctx, input, detailRequired);
  const decision = decideReturn(
    ctx,
    { items: input.items, reasonCode: input.reasonCode, condition: input.condition, method: input.method, photoCount },
    { deliveredAt: deliveredAt(shipment), now: facts.now, timeZone: facts.timeZone, policy, parcelClaim },
  );
  return { ctx, decision };
}

/** The rules' answer before submitting. Photos count as given here; they are checked on create. */
export async function quoteReturn(db: Kysely<Database>, shipment: Shipment, input: QuoteInput, facts: Facts): Promise<ReturnQuote> {
  const { decision } = await quoteFor(db, shipment, input, facts, input.photoIds.length, false);
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
    const photoCount = await countOrderPhotos(trx, shipment.orderId, input.photoIds);
    // Photos count only if this order's customer uploaded them (no borrowing another's evidence).
    if (photoCount !== new Set(input.photoIds.map((id) => id.toLowerCase())).size) {
      throw badRequest('photo_not_uploaded', 'A photo this return refers to has not been uploaded');
    }
    const { decision } = await quoteFor(trx, shipment, input, facts, photoCount, true);
    if (!decision.eligibility.eligible || !decision.breakdown) {
      const first = decision.eligibility.refusals[0]!;
      throw unprocessable('return_not_eligible', first.message.en, { refusals: decision.eligibility.refusals });
    }
    const created = await insertReturnRequest(trx, {
      orderId: shipment.orderId,
      shipmentId: shipment.id,
      reasonCode: input.reasonCode,
      reasonDetail: input.reasonDetail,
      condition: input.condition,
      method: input.method,
      pickupSlot: slot ?? null,
      dropoffCode: input.method === 'dropoff' ? newDropoffCode() : null,
      note: input.note || null,
      photoIds: input.photoIds.map((id) => id.toLowerCase()),
      quote: decision.breakdown,
      reviewReasons: decision.reviewReasons,
      items: input.items,
      createdAt: facts.now,
    });
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
