import { randomInt } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ClaimView, OpsClaimView } from '../../../shared/api/return-views';
import type { ClaimKind } from '../../../shared/api/returns';
import type { ParcelClaimState } from '../../../shared/returns/return-eligibility';
import { LIVE_RETURN_STATUSES } from '../../../shared/returns/return-status';
import { conflict, notFound } from '../../app-error';
import type { Database, ParcelClaimTable } from '../../db/schema';

export type ClaimStatus = 'open' | 'refunded' | 'resent' | 'rejected';

/** A lost-parcel claim, as the rules see it. */
export interface ParcelClaim {
  id: number;
  claimNo: string;
  orderId: number;
  shipmentId: number;
  kind: ClaimKind;
  status: ClaimStatus;
}

export function toParcelClaim(row: Pick<Selectable<ParcelClaimTable>, 'id' | 'claim_no' | 'order_id' | 'shipment_id' | 'kind' | 'status'>): ParcelClaim {
  return {
    id: row.id,
    claimNo: row.claim_no,
    orderId: row.order_id,
    shipmentId: row.shipment_id,
    kind: row.kind as ClaimKind,
    status: row.status as ClaimStatus,
  };
}

/** `CL` + 12 digits: knowing one claim says nothing of another. */
export const newClaimNo = () => `CL${Array.from({ length: 12 }, () => randomInt(10)).join('')}`;

const isClaimNo = (claimNo: string) => /^CL\d{12}$/.test(claimNo);

export async function findClaimByNo(db: Kysely<Database>, claimNo: string): Promise<ParcelClaim | null> {
  if (!isClaimNo(claimNo)) return null;
  const row = await db.selectFrom('parcel_claims').selectAll().where('claim_no', '=', claimNo).executeTakeFirst();
  return row ? toParcelClaim(row) : null;
}

export async function findClaimById(db: Kysely<Database>, id: number): Promise<ParcelClaim> {
  return toParcelClaim(await db.selectFrom('parcel_claims').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

/** Whether the parcel has any claim at all (a rejected one too: a parcel is claimed once). */
export async function parcelHasClaim(db: Kysely<Database>, shipmentId: number): Promise<boolean> {
  return (await db.selectFrom('parcel_claims').select('id').where('shipment_id', '=', shipmentId).executeTakeFirst()) !== undefined;
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

/** Inserts an open claim; false when the parcel's open-claim index let another one in first. */
export async function insertOpenClaim(
  db: Kysely<Database>,
  claim: { claimNo: string; orderId: number; shipmentId: number; kind: ClaimKind; note: string | null; createdAt: number },
): Promise<boolean> {
  const inserted = await db
    .insertInto('parcel_claims')
    .values({
      claim_no: claim.claimNo,
      order_id: claim.orderId,
      shipment_id: claim.shipmentId,
      kind: claim.kind,
      status: 'open',
      note: claim.note,
      decision_note: null,
      resend_shipment_id: null,
      created_at: claim.createdAt,
      decided_at: null,
      decided_by: null,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Decides an open claim, guarded on its still being open: of two decisions at once, one wins. */
export async function decideOpenClaim(
  db: Kysely<Database>,
  claimId: number,
  decision: { status: Exclude<ClaimStatus, 'open'>; note: string | null; at: number; by: number; resendShipmentId?: number },
): Promise<void> {
  const moved = await db
    .updateTable('parcel_claims')
    .set({
      status: decision.status,
      decision_note: decision.note,
      decided_at: decision.at,
      decided_by: decision.by,
      ...(decision.resendShipmentId === undefined ? {} : { resend_shipment_id: decision.resendShipmentId }),
    })
    .where('id', '=', claimId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw conflict('claim_already_decided', 'This claim has already been decided');
}

type ClaimViewRow = Selectable<ParcelClaimTable> & { tracking_no: string; resend_tracking_no: string | null; refund_fen: number | null };

function claimViewQuery(db: Kysely<Database>) {
  return db
    .selectFrom('parcel_claims as c')
    .innerJoin('shipments as s', 's.id', 'c.shipment_id')
    .leftJoin('shipments as r', 'r.id', 'c.resend_shipment_id')
    .leftJoin('refunds as f', 'f.claim_id', 'c.id')
    .selectAll('c')
    .select(['s.tracking_no', 'r.tracking_no as resend_tracking_no', 'f.amount_fen as refund_fen']);
}

function toClaimView(row: ClaimViewRow): ClaimView {
  return {
    claimNo: row.claim_no,
    trackingNo: row.tracking_no,
    kind: row.kind as ClaimKind,
    status: row.status as ClaimStatus,
    note: row.note,
    decisionNote: row.decision_note,
    refundFen: row.refund_fen,
    resendTrackingNo: row.resend_tracking_no,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}

export async function listClaimsForOrder(db: Kysely<Database>, orderId: number): Promise<ClaimView[]> {
  const rows = await claimViewQuery(db).where('c.order_id', '=', orderId).orderBy('c.created_at', 'desc').execute();
  return rows.map(toClaimView);
}

export async function requireClaimView(db: Kysely<Database>, claimNo: string): Promise<ClaimView> {
  const row = await claimViewQuery(db).where('c.claim_no', '=', claimNo).executeTakeFirst();
  if (!row) throw notFound('claim_not_found', `No claim ${claimNo.slice(0, 20)}`);
  return toClaimView(row);
}

export async function listOpsClaims(db: Kysely<Database>, filter: { status?: string; claimNo?: string }): Promise<OpsClaimView[]> {
  const rows = await claimViewQuery(db)
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
  const [claim] = isClaimNo(claimNo) ? await listOpsClaims(db, { claimNo }) : [];
  if (!claim) throw notFound('claim_not_found', `No claim ${claimNo.slice(0, 20)}`);
  return claim;
}

/**
 * Whether items of the parcel are in a return that still counts (not rejected or cancelled).
 * Read here rather than through returns/, which asks claims the other way round: the two
 * folders must not import each other.
 */
export async function parcelBeingReturned(db: Kysely<Database>, shipmentId: number): Promise<boolean> {
  const row = await db.selectFrom('return_requests').select('id').where('shipment_id', '=', shipmentId).where('status', 'in', LIVE_RETURN_STATUSES).executeTakeFirst();
  return row !== undefined;
}
