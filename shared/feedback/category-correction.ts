import { FEEDBACK_CATEGORIES, isFeedbackCategory, type FeedbackCategory } from './feedback-categories';

/**
 * Which sets of categories staff may give a feedback by hand: one to four distinct codes of the
 * taxonomy, and `other` only on its own (it means "none of the others", as the classifier uses
 * it). One pure rule for both sides: the ops editor says what is wrong before sending, the
 * server refuses the same sets with the same codes. No zod here: the ops bundle imports it.
 */

/** More than this many and the call-back no longer says what the customer is mainly unhappy about. */
export const MAX_CORRECTED_CATEGORIES = 4;

export const CATEGORY_CORRECTION_PROBLEMS = ['no_categories', 'unknown_category', 'duplicate_category', 'too_many_categories', 'other_not_alone'] as const;
export type CategoryCorrectionProblem = (typeof CATEGORY_CORRECTION_PROBLEMS)[number];

export type CategoryCorrectionCheck = { ok: true; categories: FeedbackCategory[] } | { ok: false; problem: CategoryCorrectionProblem };

/** The set in the taxonomy's order, so the same choice is stored the same way whatever order it was ticked in. */
export function checkCategoryCorrection(codes: readonly string[]): CategoryCorrectionCheck {
  if (codes.length === 0) return { ok: false, problem: 'no_categories' };
  if (!codes.every(isFeedbackCategory)) return { ok: false, problem: 'unknown_category' };
  if (new Set(codes).size !== codes.length) return { ok: false, problem: 'duplicate_category' };
  if (codes.length > MAX_CORRECTED_CATEGORIES) return { ok: false, problem: 'too_many_categories' };
  if (codes.length > 1 && codes.includes('other')) return { ok: false, problem: 'other_not_alone' };
  return { ok: true, categories: FEEDBACK_CATEGORIES.filter((c) => codes.includes(c)) };
}
