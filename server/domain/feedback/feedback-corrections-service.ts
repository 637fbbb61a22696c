import type { Kysely } from 'kysely';
import type { FeedbackCategoriesView, FeedbackCorrectionMark, FeedbackEvidence } from '../../../shared/api/feedback';
import { checkCategoryCorrection, MAX_CORRECTED_CATEGORIES, type CategoryCorrectionProblem } from '../../../shared/feedback/category-correction';
import type { FeedbackCategory } from '../../../shared/feedback/feedback-categories';
import { badRequest, notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import { findFeedbackById, loadCategoriesOf, writeCategories } from './feedback-repository';
import { findStaffNames, insertFeedbackCorrection } from './feedback-corrections-repository';

const PROBLEM_MESSAGES: Record<CategoryCorrectionProblem, string> = {
  no_categories: 'Give at least one category',
  unknown_category: 'Every category must be one of the feedback taxonomy’s codes',
  duplicate_category: 'A category may be given only once',
  too_many_categories: `Give at most ${MAX_CORRECTED_CATEGORIES} categories`,
  other_not_alone: '“other” means none of the others: give it on its own',
};

/** A feedback's categories as the call-back list and a correction's answer show them. */
export interface FeedbackCategorySummary {
  categories: FeedbackCategory[];
  correctedBy: FeedbackCorrectionMark | null;
}

/**
 * Staff set a feedback's categories by hand. In one transaction: the correction is kept (with
 * the set it replaced and who made it), and the feedback's categories become the corrected set,
 * each with `staff` evidence. The call-back list and the dashboard read those categories, so
 * both show the correction at once. The same set again is recorded too: a second person agreeing
 * is worth keeping in the history.
 */
export async function correctFeedbackCategories(db: Kysely<Database>, feedbackId: number, codes: readonly string[], staffId: number, now: number): Promise<FeedbackCategoriesView> {
  const check = checkCategoryCorrection(codes);
  if (!check.ok) throw badRequest(check.problem, PROBLEM_MESSAGES[check.problem]);
  await db.transaction().execute(async (trx) => {
    const feedback = await findFeedbackById(trx, feedbackId, { lock: true });
    if (!feedback) throw notFound('feedback_not_found', `No feedback ${feedbackId}`);
    const previous = ((await loadCategoriesOf(trx, [feedbackId])).get(feedbackId) ?? []).map((c) => c.category);
    await insertFeedbackCorrection(trx, { feedbackId, categories: check.categories, previous, staffId, createdAt: now });
    const evidence: FeedbackEvidence[] = [{ kind: 'staff', staffId, at: now }];
    await writeCategories(trx, feedback, check.categories.map((category) => ({ category, evidence })));
  });
  const summary = (await feedbackCategorySummaries(db, [feedbackId])).get(feedbackId);
  return { feedbackId, categories: summary?.categories ?? [], correctedBy: summary?.correctedBy ?? null };
}

/** The stored categories of each feedback, and who corrected them if staff did (read from their evidence). */
export async function feedbackCategorySummaries(db: Kysely<Database>, feedbackIds: readonly number[]): Promise<Map<number, FeedbackCategorySummary>> {
  const stored = await loadCategoriesOf(db, feedbackIds);
  const staffMarks = new Map<number, { staffId: number; at: number }>();
  for (const [feedbackId, categories] of stored) {
    const mark = categories.flatMap((c) => c.evidence).find((e) => e.kind === 'staff');
    if (mark?.kind === 'staff') staffMarks.set(feedbackId, { staffId: mark.staffId, at: mark.at });
  }
  const names = await findStaffNames(db, [...staffMarks.values()].map((m) => m.staffId));
  const summaries = new Map<number, FeedbackCategorySummary>();
  for (const [feedbackId, categories] of stored) {
    const mark = staffMarks.get(feedbackId);
    summaries.set(feedbackId, {
      categories: categories.map((c) => c.category),
      correctedBy: mark ? { staffId: mark.staffId, staffName: names.get(mark.staffId) ?? null, at: mark.at } : null,
    });
  }
  return summaries;
}
