import type { Kysely } from 'kysely';
import type { ClaimView, OpsClaimView } from '../../../shared/api/return-views';
import type { ClaimKind } from '../../../shared/api/returns';
import type { ReturnPolicy } from '../../../shared/returns/return-policy';
import type { ParcelClaimState } from '../../../shared/returns/return-eligibility';
import { LIVE_RETURN_STATUSES } from '../../../shared/returns/return-status';
import { shopDayNumber } from '../../../shared/time/shop-calendar';
import { conflict, notFound } from '../../app-error';
import type { Database, ParcelClaimTable } from '../../db/schema';
import { lockOrder } from '../../db/row-lock';
import type { Selectable } from 'kysely';
import type { Shipment } from '../tracking/shipment-repository';
import { newClaimNo } from '../returns/return-numbers';

/**
 * Lost-parcel claims: a parcel the carrier lost, or one marked delivered that the customer
 * never got. No return is possible, so staff decide: refund what was paid, or send it again.
 */

/**
 * Which claim the parcel allows now: lost in an exception, or "delivered" within the quality
 * window. Never beside a return of its items (that would pay twice), decided again inside the
 * transaction that creates the claim.
 */
export async function claimableKind(
  db: Kysely<Database>,
  shipment: Shipment,
  facts: { now: number; timeZone: string; policy: ReturnPolicy },
): Promise<ClaimKind | null> {
  return (await claimRefusal(db, shipment, facts)).kind;
}

type ClaimAnswer = { kind: ClaimKind; why: null } | { kind: null; why: 'claimed' | 'returning' | 'not_claimable' };

async function claimRefusal(
  db: Kysely<Database>,
  shipment: Shipment,
  facts: { now: number; timeZone: string; policy: ReturnPolicy },
): Promise<ClaimAnswer> {
  if (shipment.leg !== 'delivery') return { kind: null, why: 'not_claimable' };
  const [existing, returning] = await Promise.all([
    db.selectFrom('parcel_claims').select('id').where('shipment_id', '=', shipment.id).executeTakeFirst(),
    // Sending items back says the parcel arrived (and a refunded return already paid for them).
    db.selectFrom('return_requests').select('id').where('shipment_id', '=', shipment.id).where('status', 'in', LIVE_RETURN_STATUSES).executeTakeFirst(),
  ]);
  if (existing) return { kind: null, why: 'claimed' };
  if (returning) return { kind: null, why: 'returning' };
  if (shipment.status === 'Exception') {
    const last = await db
      .selectFrom('tracking_events')
      .select('reason_code')
      .where('shipment_id', '=', shipment.id)
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return last?.reason_code === 'lost' ? { kind: 'lost', why: null } : { kind: null, why: 'not_claimable' };
  }
  if (shipment.status === 'Delivered' && shipment.deliveredAt !== null) {
    const days = shopDayNumber(facts.now, facts.timeZone) - shopDayNumber(shipment.deliveredAt, facts.timeZone);
    return days <= facts.policy.qualityDays ? { kind: 'not_received', why: null } : { kind: null, why: 'not_claimable' };
  }
  return { kind: null, why: 'not_claimable' };
}

/** The parcel's claim that stands for its items (open, or made good by refund or resend); a rejected claim doesn't. */
export async function parcelClaimState(db: Kysely<Database>, shipmentId: number): Promise<ParcelClaimState | null> {
  const row = await db
    .selectFrom('parcel_claims')
    .select('status')
    .where('shipment_id', '=', shipmentId)
    .where('status', 'in', ['open', 'refunded', 'resent'])
    .executeTakeFirst();
  return (row?.status as ParcelClaimState | undefined) ?? null;
}

type ClaimRow = Selectable<ParcelClaimTable> & { tracking_no: string; resend_tracking_no: string | null; refund_fen: number | null };

function claimQuery(db: Kysely<Database>) {
  return db
    .selectFrom('parcel_claims as c')
    .innerJoin('shipments as s', 's.id', 'c.shipment_id')
    .leftJoin('shipments as r', 'r.id', 'c.resend_shipment_id')
    .leftJoin('refunds as f', 'f.claim_id', 'c.id')
    .selectAll('c')
    .select(['s.tracking_no', 'r.tracking_no as resend_tracking_no', 'f.amount_fen as refund_fen']);
}

export function toClaimView(row: ClaimRow): ClaimView {
  return {
    claimNo: row.claim_no,
    trackingNo: row.tracking_no,
    kind: row.kind as ClaimKind,
    status: row.status as ClaimView['status'],
    note: row.note,
    decisionNote: row.decision_note,
    refundFen: row.refund_fen,
    resendTrackingNo: row.resend_tracking_no,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}

export async function listClaimsForOrder(db: Kysely<Database>, orderId: number): Promise<ClaimView[]> {
  const rows = await claimQuery(db).where('c.order_id', '=', orderId).orderBy('c.created_at', 'desc').execute();
  return rows.map(toClaimView);
}

/**
 * Files a claim if the parcel allows it. One transaction holding the order's lock, the same
 * lock a return request takes, so a claim and a return of the parcel's items sent at once
 * cannot both pass.
 */
export async function createClaim(
  db: Kysely<Database>,
  shipment: Shipment,
  input: { kind: ClaimKind; note: string },
  facts: { now: number; timeZone: string; policy: ReturnPolicy },
): Promise<ClaimView> {
  const claimNo = newClaimNo();
  await db.transaction().execute(async (trx) => {
    await lockOrder(trx, shipment.orderId);
    const answer = await claimRefusal(trx, shipment, facts);
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
    const inserted = await trx
      .insertInto('parcel_claims')
      .values({
        claim_no: claimNo,
        order_id: shipment.orderId,
        shipment_id: shipment.id,
        kind: input.kind,
        status: 'open',
        note: input.note || null,
        decision_note: null,
        resend_shipment_id: null,
        created_at: facts.now,
        decided_at: null,
        decided_by: null,
      })
      // Two presses at once: the open-claim index lets one in.
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw conflict('claim_exists', 'This parcel already has a claim');
  });
  return requireClaimView(db, claimNo);
}

async function requireClaimView(db: Kysely<Database>, claimNo: string): Promise<ClaimView> {
  const row = await claimQuery(db).where('c.claim_no', '=', claimNo).executeTakeFirst();
  if (!row) throw notFound('claim_not_found', `No claim ${claimNo.slice(0, 20)}`);
  return toClaimView(row);
}

export async function findClaimRow(db: Kysely<Database>, claimNo: string) {
  return /^CL\d{12}$/.test(claimNo)
    ? db.selectFrom('parcel_claims').selectAll().where('claim_no', '=', claimNo).executeTakeFirst()
    : undefined;
}

export async function listOpsClaims(db: Kysely<Database>, filter: { status?: string; claimNo?: string }): Promise<OpsClaimView[]> {
  const rows = await claimQuery(db)
    .innerJoin('orders as o', 'o.id', 'c.order_id')
    .select(['o.order_no', 'o.recipient_name', 'o.paid_total_fen'])
    .select((eb) =>
      eb
        .selectFrom('refunds as x')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('x.amount_fen'), e.lit(0)).as('fen'))
        .whereRef('x.order_id', '=', 'c.order_id')
        .where('x.status', '=', 'succeeded')
        .as('refunded_fen'),
    )
    .$if(filter.status !== undefined, (q) => q.where('c.status', '=', filter.status!))
    .$if(filter.claimNo !== undefined, (q) => q.where('c.claim_no', '=', filter.claimNo!))
    .orderBy('c.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    ...toClaimView(r),
    orderNo: r.order_no,
    customerName: r.recipient_name,
    orderPaidFen: r.paid_total_fen,
    orderRefundedFen: Number(r.refunded_fen ?? 0),
  }));
}

export async function requireOpsClaim(db: Kysely<Database>, claimNo: string): Promise<OpsClaimView> {
  const [claim] = /^CL\d{12}$/.test(claimNo) ? await listOpsClaims(db, { claimNo }) : [];
  if (!claim) throw notFound('claim_not_found', `No claim ${claimNo.slice(0, 20)}`);
  return claim;
}
