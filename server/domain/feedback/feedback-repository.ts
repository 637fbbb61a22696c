import { PostgresAdapter, type Kysely, type Selectable } from 'kysely';
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

/**
 * One feedback by id. With `lock`, its row stays locked until the transaction ends (PostgreSQL;
 * SQLite's one writer already is alone), so a staff correction and the customer's own edit of
 * the same feedback run one after the other and never leave both sets of categories behind.
 */
export async function findFeedbackById(db: Kysely<Database>, id: number, options: { lock?: boolean } = {}): Promise<Feedback | null> {
  let query = db.selectFrom('feedback').selectAll().where('id', '=', id);
  if (options.lock && db.getExecutor().adapter instanceof PostgresAdapter) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toFeedback(row) : null;
}

/** What the customer answers, on a first answer and on an edit. */
export type FeedbackAnswers = Pick<Feedback, 'csat' | 'nps' | 'tags' | 'comment' | 'photoId'>;

/** Stores a shipment's first feedback; the unique index on shipment_id refuses a second. */
export async function insertFeedback(db: Kysely<Database>, shipment: { id: number; orderId: number }, answers: FeedbackAnswers, now: number): Promise<Feedback> {
  const row = await db
    .insertInto('feedback')
    .values({
      shipment_id: shipment.id,
      order_id: shipment.orderId,
      csat: answers.csat,
      nps: answers.nps,
      tags: JSON.stringify(answers.tags),
      comment: answers.comment,
      photo_id: answers.photoId,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFeedback(row);
}

export async function updateFeedbackAnswers(db: Kysely<Database>, id: number, answers: FeedbackAnswers, now: number): Promise<Feedback> {
  const row = await db
    .updateTable('feedback')
    .set({ csat: answers.csat, nps: answers.nps, tags: JSON.stringify(answers.tags), comment: answers.comment, photo_id: answers.photoId, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFeedback(row);
}

export async function loadCategories(db: Kysely<Database>, feedbackId: number): Promise<ClassifiedCategory[]> {
  const rows = await db.selectFrom('feedback_categories').select(['category', 'evidence']).where('feedback_id', '=', feedbackId).orderBy('id').execute();
  return rows.map((r) => ({ category: r.category as FeedbackCategory, evidence: parseJsonColumn(storedEvidenceSchema, r.evidence, `feedback_categories.evidence of feedback #${feedbackId}`) }));
}

/** The categories of each of `feedbackIds` with their evidence, in the order they were stored. */
export async function loadCategoriesOf(db: Kysely<Database>, feedbackIds: readonly number[]): Promise<Map<number, ClassifiedCategory[]>> {
  const byFeedback = new Map<number, ClassifiedCategory[]>();
  if (feedbackIds.length === 0) return byFeedback;
  const rows = await db.selectFrom('feedback_categories').select(['feedback_id', 'category', 'evidence']).where('feedback_id', 'in', [...feedbackIds]).orderBy('id').execute();
  for (const r of rows) {
    const found = { category: r.category as FeedbackCategory, evidence: parseJsonColumn(storedEvidenceSchema, r.evidence, `feedback_categories.evidence of feedback #${r.feedback_id}`) };
    byFeedback.set(r.feedback_id, [...(byFeedback.get(r.feedback_id) ?? []), found]);
  }
  return byFeedback;
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
