import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../../shared/feedback/feedback-categories';
import type { Database } from '../../db/schema';
import type { FeedbackCorrectionTable } from '../../db/schema-feedback';
import { parseJsonColumn } from '../../db/json-column';

/** Staff corrections of a feedback's categories: every one kept, the latest per feedback counts. */

const storedCategoriesSchema = z.array(z.enum(FEEDBACK_CATEGORIES));

export interface FeedbackCorrection {
  id: number;
  feedbackId: number;
  categories: FeedbackCategory[];
  previous: FeedbackCategory[];
  staffId: number;
  createdAt: number;
}

export function toFeedbackCorrection(row: Selectable<FeedbackCorrectionTable>): FeedbackCorrection {
  return {
    id: row.id,
    feedbackId: row.feedback_id,
    categories: parseJsonColumn(storedCategoriesSchema, row.categories, `feedback_corrections.categories #${row.id}`),
    previous: parseJsonColumn(storedCategoriesSchema, row.previous, `feedback_corrections.previous #${row.id}`),
    staffId: row.staff_id,
    createdAt: Number(row.created_at),
  };
}

export async function insertFeedbackCorrection(db: Kysely<Database>, correction: Omit<FeedbackCorrection, 'id'>): Promise<FeedbackCorrection> {
  const row = await db
    .insertInto('feedback_corrections')
    .values({
      feedback_id: correction.feedbackId,
      categories: JSON.stringify(correction.categories),
      previous: JSON.stringify(correction.previous),
      staff_id: correction.staffId,
      created_at: correction.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFeedbackCorrection(row);
}

/** A feedback's corrections, oldest first: its history. */
export async function listFeedbackCorrections(db: Kysely<Database>, feedbackId: number): Promise<FeedbackCorrection[]> {
  const rows = await db.selectFrom('feedback_corrections').selectAll().where('feedback_id', '=', feedbackId).orderBy('id').execute();
  return rows.map(toFeedbackCorrection);
}

/** The names of staff accounts by id (for "corrected by"); a missing account is simply absent. */
export async function findStaffNames(db: Kysely<Database>, staffIds: readonly number[]): Promise<Map<number, string>> {
  if (staffIds.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', [...new Set(staffIds)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** One labelled example for training: what the customer wrote and what staff said it is about. */
export interface CorrectedFeedback {
  feedbackId: number;
  text: string;
  csat: number;
  nps: number | null;
  labels: FeedbackCategory[];
}

/**
 * Training data from staff: the latest correction of each feedback with the feedback's comment,
 * by feedback id. Left out: feedback with no comment (nothing to learn words from), and feedback
 * the customer edited after its latest correction (its 24 h edit window): the labels were given
 * for words that are no longer there, and the edit re-classified it anyway.
 */
export async function listCorrectedFeedback(db: Kysely<Database>): Promise<CorrectedFeedback[]> {
  const rows = await db
    .selectFrom('feedback_corrections as c')
    .innerJoin('feedback as f', 'f.id', 'c.feedback_id')
    .select(['c.id', 'c.feedback_id', 'c.categories', 'f.comment', 'f.csat', 'f.nps'])
    .where('c.id', '=', (eb) => eb.selectFrom('feedback_corrections as latest').select((l) => l.fn.max('latest.id').as('id')).whereRef('latest.feedback_id', '=', 'c.feedback_id'))
    .where('f.comment', '<>', '')
    .whereRef('c.created_at', '>=', 'f.updated_at')
    .orderBy('c.feedback_id')
    .execute();
  return rows.map((r) => ({
    feedbackId: r.feedback_id,
    text: r.comment,
    csat: r.csat,
    nps: r.nps,
    labels: parseJsonColumn(storedCategoriesSchema, r.categories, `feedback_corrections.categories #${r.id}`),
  }));
}
