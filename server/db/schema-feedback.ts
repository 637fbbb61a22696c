import type { Generated } from 'kysely';

/** Feedback and follow-ups. */
export interface FeedbackTables {
  feedback: FeedbackTable;
  feedback_categories: FeedbackCategoryTable;
  follow_ups: FollowUpTable;
  feedback_corrections: FeedbackCorrectionTable;
}

export interface FeedbackTable {
  id: Generated<number>;
  /** Unique: one feedback per shipment. */
  shipment_id: number;
  order_id: number;
  csat: number;
  nps: number | null;
  /** JSON string[] of quick-tag codes. */
  tags: string;
  /** '' when none. */
  comment: string;
  /** A customer_uploads id. */
  photo_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface FeedbackCategoryTable {
  id: Generated<number>;
  feedback_id: number;
  category: string;
  /** JSON FeedbackEvidence[]. */
  evidence: string;
  /** The feedback's created_at, for grouping by day. */
  created_at: number;
}

export interface FollowUpTable {
  id: Generated<number>;
  kind: string;
  shipment_id: number;
  feedback_id: number | null;
  status: string;
  due_at: number;
  outcome: string | null;
  outcome_note: string | null;
  /** What the customer is shown as the shop's response. */
  customer_note: string | null;
  resolved_by: number | null;
  resolved_at: number | null;
  created_at: number;
}

/** One staff correction of a feedback's categories; every one is kept, the latest counts. */
export interface FeedbackCorrectionTable {
  id: Generated<number>;
  feedback_id: number;
  /** JSON FeedbackCategory[]: the corrected set. */
  categories: string;
  /** JSON FeedbackCategory[]: the set it replaced. */
  previous: string;
  staff_id: number;
  created_at: number;
}
