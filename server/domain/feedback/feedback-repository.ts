import type { Kysely, Selectable } from 'kysely';
import type { FeedbackCategory } from '../../../shared/feedback/feedback-categories';
import type { QuickTag } from '../../../shared/feedback/quick-tags';
import type { Database } from '../../db/schema';
import { parseJsonColumn } from '../../db/json-column';
import { storedEvidenceSchema, storedQuickTagsSchema } from '../../../shared/feedback/stored-feedback-schemas';
import type { FeedbackTable } from '../../db/schema-feedback';
import type { ClassifiedCategory } from './feedback-classifier';

export interface Feedback {
  id: number;
  shipmentId: number;
  orderId: number;
  csat: number;
  nps: number | null;
  tags: QuickTag[];
  comment: string;
  photoId: string | null;
  createdAt: number;
  updatedAt: number;
}

/** The one reading of a feedback's tags column, also for queries that join it into a wider row (follow-ups). */
export const parseQuickTags = (text: string, where: string): QuickTag[] => parseJsonColumn(storedQuickTagsSchema, text, where);

export function toFeedback(row: Selectable<FeedbackTable>): Feedback {
  return {
    id: row.id,
    shipmentId: row.shipment_id,
    orderId: row.order_id,
    csat: row.csat,
    nps: row.nps,
    tags: parseQuickTags(row.tags, `feedback.tags #${row.id}`),
    comment: row.comment,
    photoId: row.photo_id,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export async function findFeedbackForShipment(db: Kysely<Database>, shipmentId: number): Promise<Feedback | null> {
  const row = await db.selectFrom('feedback').selectAll().where('shipment_id', '=', shipmentId).executeTakeFirst();
  return row ? toFeedback(row) : null;
}

export async function loadCategories(db: Kysely<Database>, feedbackId: number): Promise<ClassifiedCategory[]> {
  const rows = await db.selectFrom('feedback_categories').select(['category', 'evidence']).where('feedback_id', '=', feedbackId).orderBy('id').execute();
  return rows.map((r) => ({ category: r.category as FeedbackCategory, evidence: parseJsonColumn(storedEvidenceSchema, r.evidence, `feedback_categories.evidence of feedback #${feedbackId}`) }));
}

/** Replaces a feedback's categories: an edit re-classifies from scratch. */
export async function writeCategories(db: Kysely<Database>, feedback: { id: number; createdAt: number }, categories: readonly ClassifiedCategory[]): Promise<void> {
  await db.deleteFrom('feedback_categories').where('feedback_id', '=', feedback.id).execute();
  if (categories.length === 0) return;
  await db
    .insertInto('feedback_categories')
    .values(categories.map((c) => ({ feedback_id: feedback.id, category: c.category, evidence: JSON.stringify(c.evidence), created_at: feedback.createdAt })))
    .execute();
}
