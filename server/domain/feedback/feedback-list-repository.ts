import type { Kysely } from 'kysely';
import type { FeedbackCategory } from '../../../shared/feedback/feedback-categories';
import type { Database } from '../../db/schema';
import { toFeedback, type Feedback } from './feedback-repository';

/** What narrows the staff feedback list; each is optional. */
export interface FeedbackListFilter {
  category?: FeedbackCategory;
  csat?: number;
  /** Whether staff set its categories by hand (and the customer has not edited it since). */
  corrected?: boolean;
  /** Only feedback older than this one in the list's order (created_at, then id, both descending). */
  after?: { createdAt: number; id: number };
}

/** One row of the list: the feedback with what the list shows beside it. */
export interface FeedbackListRow {
  feedback: Feedback;
  trackingNo: string;
  orderNo: string;
  callBackOpen: boolean;
}

export async function findFeedbackCreatedAt(db: Kysely<Database>, id: number): Promise<number | null> {
  const row = await db.selectFrom('feedback').select('created_at').where('id', '=', id).executeTakeFirst();
  return row ? Number(row.created_at) : null;
}

/**
 * Newest first, at most `limit`. With a category the walk starts in feedback_categories along
 * its (category, created_at, feedback_id) index, one row per feedback and category, so paging a
 * rare category reads only its own rows; without one it walks feedback's created_at index.
 * "Corrected" is a correction no older than the customer's last edit: an edit re-classifies the
 * feedback and drops the staff's categories (the same rule training data follows).
 */
export async function listFeedbackRows(db: Kysely<Database>, filter: FeedbackListFilter, limit: number): Promise<FeedbackListRow[]> {
  const rows = await feedbackListQuery(db, filter, limit).execute();
  return rows.map((r) => ({
    feedback: toFeedback(r),
    trackingNo: r.tracking_no,
    orderNo: r.order_no,
    // SQLite answers 0/1, PostgreSQL true/false.
    callBackOpen: Boolean(r.call_back_open),
  }));
}

/** The list's query, unrun: its plan is tested to walk the indexes named above. */
export function feedbackListQuery(db: Kysely<Database>, filter: FeedbackListFilter, limit: number) {
  const { category, after } = filter;
  // The column the order and the cursor are read from: the index being walked.
  const created = category ? 'fc.created_at' : 'fb.created_at';
  const id = category ? 'fc.feedback_id' : 'fb.id';
  let q = category
    ? db.selectFrom('feedback_categories as fc').innerJoin('feedback as fb', 'fb.id', 'fc.feedback_id').where('fc.category', '=', category)
    : db.selectFrom('feedback as fb');
  if (filter.csat !== undefined) q = q.where('fb.csat', '=', filter.csat);
  if (filter.corrected !== undefined) {
    q = q.where(({ exists, not, selectFrom }) => {
      const correction = exists(selectFrom('feedback_corrections as c').select('c.id').whereRef('c.feedback_id', '=', 'fb.id').whereRef('c.created_at', '>=', 'fb.updated_at'));
      return filter.corrected ? correction : not(correction);
    });
  }
  if (after) q = q.where((eb) => eb.or([eb(created, '<', after.createdAt), eb.and([eb(created, '=', after.createdAt), eb(id, '<', after.id)])]));
  return q
    .innerJoin('shipments as s', 's.id', 'fb.shipment_id')
    .innerJoin('orders as o', 'o.id', 'fb.order_id')
    .selectAll('fb')
    .select(['s.tracking_no', 'o.order_no'])
    // Through follow_ups' (shipment_id, status) index: a feedback has one shipment.
    .select(({ exists, selectFrom }) =>
      exists(selectFrom('follow_ups as fu').select('fu.id').whereRef('fu.shipment_id', '=', 'fb.shipment_id').where('fu.status', '=', 'open').whereRef('fu.feedback_id', '=', 'fb.id')).as('call_back_open'),
    )
    .orderBy(created, 'desc')
    .orderBy(id, 'desc')
    .limit(limit);
}
