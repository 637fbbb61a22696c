import { z } from 'zod';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../feedback/feedback-categories';
import { QUICK_TAGS, type QuickTag } from '../feedback/quick-tags';

/**
 * Feedback (customer) and follow-up (staff) requests and views. The server validates with the
 * schemas; the client imports only the types (zod stays out of the customer's download).
 */

const text = (max: number) => z.string().trim().max(max).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, 'must not contain control characters');
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');

export const MAX_FEEDBACK_COMMENT = 1000;

/** `POST /api/feedback` and `PUT /api/feedback` (the same fields; PUT replaces them). */
export const feedbackRequestSchema = z.strictObject({
  trackingNo: z.string().min(1).max(32),
  csat: z.number().int().min(1).max(5),
  nps: z.number().int().min(0).max(10).nullable().default(null),
  tags: z
    .array(z.enum(QUICK_TAGS))
    .max(QUICK_TAGS.length)
    .default([])
    .refine((tags) => new Set(tags).size === tags.length, 'tags must not repeat'),
  comment: text(MAX_FEEDBACK_COMMENT).default(''),
  photoId: uuid.nullable().default(null),
});
export type FeedbackRequest = z.input<typeof feedbackRequestSchema>;

export const feedbackQuerySchema = z.strictObject({ trackingNo: z.string().min(1).max(32) });

/** One category the classifier found, with what made it fire. */
export interface FeedbackCategoryView {
  category: FeedbackCategory;
  evidence: FeedbackEvidence[];
}

/** A phrase found in the comment or a tag (`phrase`), or something the shipment's own record shows (`fact`). */
export type FeedbackEvidence =
  | { kind: 'phrase'; text: string }
  | { kind: 'tag'; tag: QuickTag }
  | { kind: 'fact'; fact: ShipmentFactCode; detail?: string }
  /** Praise read from a top score with nothing complained of. */
  | { kind: 'score'; csat: number }
  /** `other`: nothing else matched. */
  | { kind: 'none' }
  /** The trained model found it likely (`score`: its probability, 0–1). */
  | { kind: 'model'; score: number }
  /** A staff member set this feedback's categories by hand (`at`: when). */
  | { kind: 'staff'; staffId: number; at: number };

export type ShipmentFactCode = 'damaged_exception' | 'late' | 'failed_attempt' | 'missing_contents_exception';

/** The shop's answer to a call-back, when it chose to show one. */
export interface ShopResponseView {
  note: string;
  respondedAt: number;
}

/** `GET /api/feedback?trackingNo=` and the answer to POST/PUT: the verified customer's own feedback. */
export interface FeedbackView {
  trackingNo: string;
  csat: number;
  nps: number | null;
  tags: QuickTag[];
  comment: string;
  photoId: string | null;
  /** Internal: staff read these; the customer UI does not show them. */
  categories: FeedbackCategoryView[];
  createdAt: number;
  updatedAt: number;
  /** Until then PUT may change it (24 h after it was first given). */
  editableUntil: number;
  shopResponse: ShopResponseView | null;
}

export const FOLLOW_UP_KINDS = ['negative_feedback', 'exception_overdue'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const FOLLOW_UP_STATUSES = ['open', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const FOLLOW_UP_OUTCOMES = ['resolved', 'refund_offered', 'resend_offered', 'no_answer', 'other'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** `GET /api/ops/follow-ups?status=&due=` */
export const followUpListQuerySchema = z.strictObject({
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  /** `overdue`: open and past due; `today`: open and due before the end of the shop's today. */
  due: z.enum(['overdue', 'today']).optional(),
});
export type FollowUpListQuery = z.input<typeof followUpListQuerySchema>;

/** `POST /api/ops/follow-ups/:id/outcome` */
export const followUpOutcomeRequestSchema = z.strictObject({
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  /** For staff: what was said and agreed. */
  outcomeNote: text(1000).default(''),
  /** Shown to the customer as the shop's response; empty shows nothing. */
  customerNote: text(500).default(''),
});
export type FollowUpOutcomeRequest = z.input<typeof followUpOutcomeRequestSchema>;

/**
 * `PUT /api/ops/feedback/:id/categories`: the corrected set. Only the shape is checked here;
 * which sets are allowed is checkCategoryCorrection's rule (shared with the editor), so each
 * refusal has its own code. The bound only keeps a silly body from being read further.
 */
export const feedbackCategoryCorrectionSchema = z.strictObject({
  categories: z.array(z.string().max(64)).max(64),
});
export type FeedbackCategoryCorrection = z.input<typeof feedbackCategoryCorrectionSchema>;

/** Who set a feedback's categories by hand, and when; null while they are the classifier's. */
export interface FeedbackCorrectionMark {
  staffId: number;
  /** Null if the account is gone. */
  staffName: string | null;
  at: number;
}

/** The answer to a correction: the feedback's categories as now stored. */
export interface FeedbackCategoriesView {
  feedbackId: number;
  categories: FeedbackCategory[];
  correctedBy: FeedbackCorrectionMark | null;
}

export interface FollowUpFeedbackSummary {
  /** For a correction of its categories. */
  id: number;
  csat: number;
  nps: number | null;
  comment: string;
  tags: QuickTag[];
  categories: FeedbackCategory[];
  correctedBy: FeedbackCorrectionMark | null;
}

/** One customer call-back for staff. */
export interface FollowUpView {
  id: number;
  kind: FollowUpKind;
  status: FollowUpStatus;
  dueAt: number;
  /** Open and past due. */
  overdue: boolean;
  createdAt: number;
  shipment: { trackingNo: string; status: string };
  /** The recipient: name masked, phone in full for the call-back. */
  customer: { name: string; phone: string };
  feedback: FollowUpFeedbackSummary | null;
  /** For `exception_overdue`: the exception's reason code and since when it is open. */
  exception: { reasonCode: string | null; since: number } | null;
  outcome: FollowUpOutcome | null;
  outcomeNote: string | null;
  customerNote: string | null;
  resolvedAt: number | null;
}

export interface FollowUpList {
  followUps: FollowUpView[];
  now: number;
}

/**
 * `GET /api/ops/feedback?category=&csat=&corrected=&cursor=&limit=`: every feedback, newest
 * first. `cursor` is the id of the last feedback of the page before; the next page starts
 * after it (keyset, so a feedback arriving meanwhile neither repeats nor hides one).
 */
export const feedbackListQuerySchema = z.strictObject({
  category: z.enum(FEEDBACK_CATEGORIES).optional(),
  csat: z.coerce.number().int().min(1).max(5).optional(),
  corrected: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  cursor: z.string().regex(/^[1-9]\d{0,9}$/, 'a feedback id').transform(Number).pipe(z.number().max(2_147_483_647)).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type FeedbackListQuery = z.input<typeof feedbackListQuerySchema>;

/** One category of a listed feedback, with the kinds of evidence behind it (rules, model, staff…). */
export interface FeedbackListCategory {
  category: FeedbackCategory;
  evidenceKinds: FeedbackEvidence['kind'][];
}

/** One feedback in the staff list. */
export interface FeedbackListItem {
  id: number;
  trackingNo: string;
  orderNo: string;
  createdAt: number;
  updatedAt: number;
  csat: number;
  nps: number | null;
  tags: QuickTag[];
  comment: string;
  hasPhoto: boolean;
  categories: FeedbackListCategory[];
  correctedBy: FeedbackCorrectionMark | null;
  /** A call-back for it is still to be made (on the queues page). */
  callBackOpen: boolean;
}

export interface FeedbackList {
  feedback: FeedbackListItem[];
  /** The cursor for the next page; null when this was the last. */
  nextCursor: number | null;
}
