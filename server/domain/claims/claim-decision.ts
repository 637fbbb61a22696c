import type { Kysely } from 'kysely';
import type { OpsClaimView } from '../../../shared/api/return-views';
import { conflict } from '../../app-error';
import { lockOrder } from '../../db/row-lock';
import type { Database } from '../../db/schema';
import { requireOrder } from '../orders/order-repository';
import type { PaymentProvider } from '../payments/payment-provider';
import { findRefundByKey } from '../refunds/refund-repository';
import { claimRefund, payRefund, settleRefund } from '../refunds/refund-service';
import { newTrackingNo } from '../tracking/new-tracking-number';
import { insertResentShipment } from '../tracking/shipment-repository';
import { applyTrackingEvent } from '../tracking/tracking-service';
import { decideOpenClaim, findClaimById, findClaimByNo, requireOpsClaim, type ParcelClaim } from './claim-repository';

type Decision = { decision: 'refund' | 'resend' | 'reject'; note: string };
type Staff = { id: number };

const refundKey = (claim: ParcelClaim) => `claim:${claim.claimNo}`;

/**
 * Staff settle a claim: refund what is left of the payment, send the order again as a new
 * parcel, or reject it with a reason. A refund decision repeated (or pressed twice) pays once.
 */
export async function decideClaim(
  db: Kysely<Database>,
  payments: PaymentProvider,
  claimNo: string,
  input: Decision,
  staff: Staff,
  now: number,
): Promise<OpsClaimView> {
  const claim = await findClaimByNo(db, claimNo);
  if (!claim) return requireOpsClaim(db, claimNo);
  if (input.decision === 'refund') await refundClaim(db, payments, claim, input.note, staff, now);
  else await resendOrReject(db, claim, input, staff, now);
  return requireOpsClaim(db, claimNo);
}

/** Claim → pay → settle (see refund-service); the claim reads "refunded" only once the money has gone. */
async function refundClaim(db: Kysely<Database>, payments: PaymentProvider, claim: ParcelClaim, note: string, staff: Staff, now: number): Promise<void> {
  const { refund, orderNo } = await db.transaction().execute(async (trx) => {
    await lockOrder(trx, claim.orderId);
    const order = await requireOrder(trx, claim.orderId);
    const existing = await findRefundByKey(trx, refundKey(claim));
    if (existing) return { refund: existing, orderNo: order.orderNo };
    if ((await findClaimById(trx, claim.id)).status !== 'open') throw conflict('claim_already_decided', 'This claim has already been decided');
    const request = { orderId: claim.orderId, returnId: null, claimId: claim.id, idempotencyKey: refundKey(claim), wantedFen: order.paidTotalFen, requestedBy: staff.id };
    return { refund: await claimRefund(trx, request, now), orderNo: order.orderNo };
  });
  if (refund.status === 'succeeded') return;
  // A provider that fails leaves the claim open with its pending refund, for the next press to finish.
  const receipt = await payRefund(payments, refund, orderNo);
  await db.transaction().execute(async (trx) => {
    if (await settleRefund(trx, refund, receipt, payments.name, now)) {
      await decideOpenClaim(trx, claim.id, { status: 'refunded', note: note || null, at: now, by: staff.id });
    }
  });
}

async function resendOrReject(db: Kysely<Database>, claim: ParcelClaim, input: Decision, staff: Staff, now: number): Promise<void> {
  const decided = { note: input.note || null, at: now, by: staff.id };
  await db.transaction().execute(async (trx) => {
    // In turn with a refund of the same claim (which locks the order too): one decision wins.
    await lockOrder(trx, claim.orderId);
    if (await findRefundByKey(trx, refundKey(claim))) throw conflict('claim_already_decided', 'This claim is being refunded');
    if (input.decision === 'reject') return decideOpenClaim(trx, claim.id, { status: 'rejected', ...decided });
    const resent = await resendParcel(trx, claim.shipmentId, staff, now);
    await decideOpenClaim(trx, claim.id, { status: 'resent', resendShipmentId: resent, ...decided });
  });
}

/** A new parcel for the same order, on the same courier's manifest once it is dispatched. */
async function resendParcel(trx: Kysely<Database>, shipmentId: number, staff: Staff, now: number): Promise<number> {
  const created = await insertResentShipment(trx, shipmentId, await newTrackingNo(trx), now);
  const booked = await applyTrackingEvent(
    trx,
    created,
    { status: 'InfoReceived', occurredAt: now, place: created.origin, actor: { type: 'staff', id: staff.id }, note: 'resent after a claim' },
    now,
  );
  return booked.shipment.id;
}
