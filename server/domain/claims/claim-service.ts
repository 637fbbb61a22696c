import type { Kysely } from 'kysely';
import type { ClaimView } from '../../../shared/api/return-views';
import type { ClaimKind } from '../../../shared/api/returns';
import type { ReturnPolicy } from '../../../shared/returns/return-policy';
import { shopDayNumber } from '../../../shared/time/shop-calendar';
import { conflict } from '../../app-error';
import { lockOrder } from '../../db/row-lock';
import type { Database } from '../../db/schema';
import type { Shipment } from '../tracking/shipment-repository';
import { latestEventReason } from '../tracking/tracking-event-repository';
import { insertOpenClaim, newClaimNo, parcelBeingReturned, parcelHasClaim, requireClaimView } from './claim-repository';

/**
 * Lost-parcel claims: a parcel the carrier lost, or one marked delivered that the customer
 * never got. No return is possible, so staff decide: refund what was paid, or send it again.
 */

type Facts = { now: number; timeZone: string; policy: ReturnPolicy };
type ClaimAnswer = { kind: ClaimKind; why: null } | { kind: null; why: 'claimed' | 'returning' | 'not_claimable' };

/**
 * Which claim the parcel allows now: lost in an exception, or "delivered" within the quality
 * window. Never beside a return of its items (that would pay twice), decided again inside the
 * transaction that creates the claim.
 */
export async function claimableKind(db: Kysely<Database>, shipment: Shipment, facts: Facts): Promise<ClaimKind | null> {
  return (await answerClaim(db, shipment, facts)).kind;
}

async function answerClaim(db: Kysely<Database>, shipment: Shipment, facts: Facts): Promise<ClaimAnswer> {
  if (shipment.leg !== 'delivery') return { kind: null, why: 'not_claimable' };
  const [claimed, returning] = await Promise.all([parcelHasClaim(db, shipment.id), parcelBeingReturned(db, shipment.id)]);
  if (claimed) return { kind: null, why: 'claimed' };
  // Sending items back says the parcel arrived (and a refunded return already paid for them).
  if (returning) return { kind: null, why: 'returning' };
  if (shipment.status === 'Exception') {
    return (await latestEventReason(db, shipment.id)) === 'lost' ? { kind: 'lost', why: null } : { kind: null, why: 'not_claimable' };
  }
  if (shipment.status === 'Delivered' && shipment.deliveredAt !== null) {
    const days = shopDayNumber(facts.now, facts.timeZone) - shopDayNumber(shipment.deliveredAt, facts.timeZone);
    return days <= facts.policy.qualityDays ? { kind: 'not_received', why: null } : { kind: null, why: 'not_claimable' };
  }
  return { kind: null, why: 'not_claimable' };
}

/**
 * Files a claim if the parcel allows it. One transaction holding the order's lock, the same
 * lock a return request takes, so a claim and a return of the parcel's items sent at once
 * cannot both pass.
 */
export async function createClaim(db: Kysely<Database>, shipment: Shipment, input: { kind: ClaimKind; note: string }, facts: Facts): Promise<ClaimView> {
  const claimNo = newClaimNo();
  await db.transaction().execute(async (trx) => {
    await lockOrder(trx, shipment.orderId);
    const answer = await answerClaim(trx, shipment, facts);
    if (answer.why === 'returning') {
      throw conflict('claim_excluded_by_return', 'Items of this parcel are being returned or were refunded by a return, so it cannot also be claimed');
    }
    if (answer.kind !== input.kind) {
      throw conflict(
        'claim_not_allowed',
        answer.kind === null
          ? 'This parcel cannot be claimed now (not lost, not delivered recently, or already claimed)'
          : `This parcel can only be claimed as ${answer.kind.replace('_', ' ')}`,
      );
    }
    const claim = { claimNo, orderId: shipment.orderId, shipmentId: shipment.id, kind: input.kind, note: input.note || null, createdAt: facts.now };
    // Two presses at once: the open-claim index lets one in.
    if (!(await insertOpenClaim(trx, claim))) throw conflict('claim_exists', 'This parcel already has a claim');
  });
  return requireClaimView(db, claimNo);
}
