import type { FeedbackEvidence } from '../../../shared/api/feedback';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../../shared/feedback/feedback-categories';
import { classifyFeedback, type ClassifiedCategory, type FeedbackInput } from './feedback-classifier';
import { feedbackFeatures } from './feedback-features';
import { likelyCategories, type FeedbackModel } from './feedback-model';

/**
 * Files feedback with the trained model and the rules together. Pure: the same input and
 * model give the same answer.
 *
 * - The words are the model's: it reads them better than the phrase lists (words no one listed,
 *   typos, two complaints in one). The rules' phrase hits — negation-aware — are among its
 *   features, so it has learned how far to trust each.
 * - What the model never sees stays the rules': the quick tags the customer pressed and the
 *   shipment's own record (an exception for damage, a failed attempt, lateness). Their
 *   categories are added with their evidence.
 * - No comment, or no model (missing or broken file): the rules alone, as before.
 * - `other` only when nothing else was found.
 */
export function classifyWithModel(input: FeedbackInput, model: FeedbackModel | null): ClassifiedCategory[] {
  const rules = classifyFeedback(input);
  if (!model || input.comment.trim() === '') return rules;
  const found = new Map<FeedbackCategory, FeedbackEvidence[]>();
  // The rules' phrase hits only depend on the words and the score, so one run serves both.
  const probabilities = model.probabilities(feedbackFeatures(input, rules));
  for (const category of likelyCategories(probabilities, model.thresholds)) {
    const phrases = rules.find((r) => r.category === category)?.evidence.filter((e) => e.kind === 'phrase') ?? [];
    found.set(category, [{ kind: 'model', score: Math.round(probabilities.get(category)! * 1000) / 1000 }, ...phrases]);
  }
  for (const rule of rules) {
    const beyondWords = rule.evidence.filter((e) => e.kind === 'tag' || e.kind === 'fact');
    if (beyondWords.length > 0) found.set(rule.category, [...(found.get(rule.category) ?? []), ...beyondWords]);
  }
  if (found.size > 1) found.delete('other');
  return FEEDBACK_CATEGORIES.filter((c) => found.has(c)).map((category) => ({ category, evidence: found.get(category)! }));
}
