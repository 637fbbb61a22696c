import { sql, type Kysely, type Selectable } from 'kysely';
import type { FollowUpKind, FollowUpOutcome, FollowUpStatus } from '../../../shared/api/feedback';
import type { QuickTag } from '../../../shared/feedback/quick-tags';
import type { Database } from '../../db/schema';
import type { FollowUpTable } from '../../db/schema-feedback';
import { parseQuickTags } from './feedback-repository';

export interface FollowUp {
  id: number;
  kind: FollowUpKind;
  shipmentId: number;
  feedbackId: number | null;
  status: FollowUpStatus;
  dueAt: number;
  outcome: FollowUpOutcome | null;
  outcomeNote: string | null;
  /** What the customer is shown as the shop's response. */
  customerNote: string | null;
  resolvedBy: number | null;
  resolvedAt: number | null;
  createdAt: number;
}

export function toFollowUp(row: Selectable<FollowUpTable>): FollowUp {
  return {
    id: row.id,
    kind: row.kind as FollowUpKind,
    shipmentId: row.shipment_id,
    feedbackId: row.feedback_id,
    status: row.status as FollowUpStatus,
    dueAt: Number(row.due_at),
    outcome: row.outcome as FollowUpOutcome | null,
    outcomeNote: row.outcome_note,
    customerNote: row.customer_note,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at === null ? null : Number(row.resolved_at),
    createdAt: Number(row.created_at),
  };
}

export type NewFollowUp = Pick<FollowUp, 'kind' | 'shipmentId' | 'feedbackId' | 'dueAt' | 'createdAt'>;

/** Inserts follow-ups, all open. */
export async function insertOpenFollowUps(db: Kysely<Database>, followUps: readonly NewFollowUp[]): Promise<void> {
  if (followUps.length === 0) return;
  await db
    .insertInto('follow_ups')
    .values(
      followUps.map((f) => ({
        kind: f.kind,
        shipment_id: f.shipmentId,
        feedback_id: f.feedbackId,
        status: 'open',
        due_at: f.dueAt,
        created_at: f.createdAt,
      })),
    )
    .execute();
}

export async function hasOpenFollowUp(db: Kysely<Database>, shipmentId: number): Promise<boolean> {
  const open = await db.selectFrom('follow_ups').select('id').where('shipment_id', '=', shipmentId).where('status', '=', 'open').executeTakeFirst();
  return open !== undefined;
}

export async function findFollowUpById(db: Kysely<Database>, id: number): Promise<FollowUp | null> {
  const row = await db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toFollowUp(row) : null;
}

/**
 * Parcels in Exception with no event since before `cutoff`, oldest first, that have no open
 * follow-up and got no `exception_overdue` one since the exception began. Cheap on every call:
 * the shipments (status, updated_at) index narrows to old exceptions; the NOT EXISTS probes
 * follow_ups (shipment_id, status).
 */
export async function findExceptionsWithoutFollowUp(db: Kysely<Database>, cutoff: number, limit: number): Promise<{ shipmentId: number; lastEventAt: number }[]> {
  const rows = await db
    .selectFrom('shipments as s')
    .select(['s.id', 's.updated_at'])
    .where('s.status', '=', 'Exception')
    .where('s.updated_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('follow_ups as f')
            .select('f.id')
            .whereRef('f.shipment_id', '=', 's.id')
            .where((eb) => eb.or([eb('f.status', '=', 'open'), eb.and([eb('f.kind', '=', 'exception_overdue'), eb('f.created_at', '>=', eb.ref('s.updated_at'))])])),
        ),
      ),
    )
    .orderBy('s.updated_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ shipmentId: r.id, lastEventAt: Number(r.updated_at) }));
}

/**
 * Records the outcome, guarded on status so two staff pressing at once record one outcome, not
 * two; returns false when the follow-up was no longer open.
 */
export async function completeFollowUp(
  db: Kysely<Database>,
  id: number,
  outcome: Pick<FollowUp, 'outcome' | 'outcomeNote' | 'customerNote' | 'resolvedBy' | 'resolvedAt'>,
): Promise<boolean> {
  const result = await db
    .updateTable('follow_ups')
    .set({
      status: 'done',
      outcome: outcome.outcome,
      outcome_note: outcome.outcomeNote,
      customer_note: outcome.customerNote,
      resolved_by: outcome.resolvedBy,
      resolved_at: outcome.resolvedAt,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) !== 0;
}

/** The shipment's most recently resolved follow-up that left a note for the customer. */
export async function findLatestCustomerNote(db: Kysely<Database>, shipmentId: number): Promise<FollowUp | null> {
  const row = await db
    .selectFrom('follow_ups')
    .selectAll()
    .where('shipment_id', '=', shipmentId)
    .where('status', '=', 'done')
    .where('customer_note', 'is not', null)
    .orderBy('resolved_at', 'desc')
    .executeTakeFirst();
  return row ? toFollowUp(row) : null;
}

/** One line of the staff follow-up list: the follow-up with what the desk shows beside it. */
export interface FollowUpListing {
  followUp: FollowUp;
  shipment: { trackingNo: string; status: string; updatedAt: number };
  recipient: { name: string; phone: string };
  /** The feedback that opened it, without its categories (see feedbackCategorySummaries). */
  feedback: { id: number; csat: number; nps: number | null; comment: string; tags: QuickTag[] } | null;
}

export interface FollowUpListFilter {
  id?: number;
  status?: FollowUpStatus;
  /** Only those due before this time. */
  dueBefore?: number;
}

/** The staff list's read: open ones first, then done ones; each by due time (earliest first). */
export async function listFollowUpListings(db: Kysely<Database>, filter: FollowUpListFilter, limit: number): Promise<FollowUpListing[]> {
  let q = db
    .selectFrom('follow_ups as f')
    .innerJoin('shipments as s', 's.id', 'f.shipment_id')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .leftJoin('feedback as fb', 'fb.id', 'f.feedback_id')
    .selectAll('f')
    .select(['s.tracking_no', 's.status as shipment_status', 's.updated_at as shipment_updated_at', 'o.recipient_name', 'o.recipient_phone', 'fb.csat', 'fb.nps', 'fb.comment', 'fb.tags']);
  if (filter.id !== undefined) q = q.where('f.id', '=', filter.id);
  if (filter.status) q = q.where('f.status', '=', filter.status);
  if (filter.dueBefore !== undefined) q = q.where('f.due_at', '<', filter.dueBefore);
  const rows = await q.orderBy(sql`case when f.status = 'open' then 0 else 1 end`).orderBy('f.due_at').orderBy('f.id').limit(limit).execute();
  return rows.map((r) => ({
    followUp: toFollowUp(r),
    shipment: { trackingNo: r.tracking_no, status: r.shipment_status, updatedAt: Number(r.shipment_updated_at) },
    recipient: { name: r.recipient_name, phone: r.recipient_phone },
    feedback:
      r.feedback_id !== null && r.csat !== null
        ? { id: r.feedback_id, csat: r.csat, nps: r.nps, comment: r.comment ?? '', tags: r.tags === null ? [] : parseQuickTags(r.tags, `feedback.tags #${r.feedback_id}`) }
        : null,
  }));
}
