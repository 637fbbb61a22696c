import type { Kysely } from 'kysely';
import type { OpsClaimView } from '../../../shared/api/return-views';
import { conflict } from '../../app-error';
import { lockOrder } from '../../db/row-lock';
import type { Database } from '../../db/schema';
import type { PaymentProvider } from '../payments/payment-provider';
import { claimRefund, payRefund } from '../returns/refund-service';
import { newTrackingNo } from '../tracking/new-tracking-number';
import { findShipmentByTrackingNo } from '../tracking/shipment-repository';
import { applyTrackingEvent } from '../tracking/tracking-service';
import { findClaimRow, requireOpsClaim } from './claim-service';

type Decision = { decision: 'refund' | 'resend' | 'reject'; note: string };

/**
 * Staff settle a claim: refund what is left of the payment, send the order again as a new
 * parcel, or reject it with a reason. A refund decision repeated (or pressed twice) pays once.
 */
export async function decideClaim(
  db: Kysely<Database>,
  payments: PaymentProvider,
  claimNo: string,
  input: Decision,
  staff: { id: number },
  now: number,
): Promise<OpsClaimView> {
  const claim = await findClaimRow(db, claimNo);
  if (!claim) return requireOpsClaim(db, claimNo);
  const order = await db.selectFrom('orders').select(['order_no', 'paid_total_fen']).where('id', '=', claim.order_id).executeTakeFirstOrThrow();
  const decided = { decision_note: input.note || null, decided_at: now, decided_by: staff.id };

  if (input.decision === 'refund') {
    const refund = await db.transaction().execute(async (trx) => {
      await lockOrder(trx, claim.order_id);
      const existing = await trx.selectFrom('refunds').selectAll().where('claim_id', '=', claim.id).executeTakeFirst();
      if (existing) return existing;
      const current = await trx.selectFrom('parcel_claims').select('status').where('id', '=', claim.id).executeTakeFirstOrThrow();
      if (current.status !== 'open') throw conflict('claim_already_decided', 'This claim has already been decided');
      return claimRefund(
        trx,
        { orderId: claim.order_id, orderNo: order.order_no, returnId: null, claimId: claim.id, idempotencyKey: `claim:${claim.claim_no}`, wantedFen: order.paid_total_fen, requestedBy: staff.id },
        now,
      );
    });
    // The claim says "refunded" only once the money has gone: a provider that failed leaves it
    // open, with its pending refund, for the next press to finish.
    await payRefund(db, payments, refund, order.order_no, now, async (trx) => {
      await trx.updateTable('parcel_claims').set({ status: 'refunded', ...decided }).where('id', '=', claim.id).where('status', '=', 'open').execute();
    });
    return requireOpsClaim(db, claimNo);
  }

  await db.transaction().execute(async (trx) => {
    // In turn with a refund of the same claim (which locks the order too): one decision wins.
    await lockOrder(trx, claim.order_id);
    const refunding = await trx.selectFrom('refunds').select('id').where('claim_id', '=', claim.id).executeTakeFirst();
    if (refunding) throw conflict('claim_already_decided', 'This claim is being refunded');
    if (input.decision === 'reject') return moveOpenClaim(trx, claim.id, { status: 'rejected', ...decided });
    const resent = await resendParcel(trx, claim.shipment_id, staff, now);
    await moveOpenClaim(trx, claim.id, { status: 'resent', resend_shipment_id: resent, ...decided });
  });
  return requireOpsClaim(db, claimNo);
}

async function moveOpenClaim(
  trx: Kysely<Database>,
  claimId: number,
  set: { status: string; decision_note: string | null; decided_at: number; decided_by: number; resend_shipment_id?: number },
): Promise<void> {
  const moved = await trx.updateTable('parcel_claims').set(set).where('id', '=', claimId).where('status', '=', 'open').executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw conflict('claim_already_decided', 'This claim has already been decided');
}

/** A new parcel for the same order, on the same courier's manifest once it is dispatched. */
async function resendParcel(trx: Kysely<Database>, shipmentId: number, staff: { id: number }, now: number): Promise<number> {
  const lost = await trx.selectFrom('shipments').selectAll().where('id', '=', shipmentId).executeTakeFirstOrThrow();
  const trackingNo = await newTrackingNo(trx);
  const { leg: _leg, return_id: _returnId, id: _id, public_timeline: _timeline, ...copy } = lost;
  await trx
    .insertInto('shipments')
    .values({
      ...copy,
      tracking_no: trackingNo,
      status: 'Pending',
      sub_status: 'Pending_001',
      version: 1,
      // A fresh promise: the same lead time as the lost parcel had, from today.
      promised_by: lost.promised_by === null ? null : now + Math.max(0, lost.promised_by - lost.created_at),
      delivered_at: null,
      arrived_at: null,
      route_position: null,
      created_at: now,
      updated_at: now,
      leg: 'delivery',
      return_id: null,
    })
    .execute();
  const created = (await findShipmentByTrackingNo(trx, trackingNo))!;
  const booked = await applyTrackingEvent(
    trx,
    created,
    { status: 'InfoReceived', occurredAt: now, place: created.origin, actor: { type: 'staff', id: staff.id }, note: 'resent after a claim' },
    now,
  );
  return booked.shipment.id;
}
