import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../../shared/feedback/feedback-categories';
import type { QuickTag } from '../../../shared/feedback/quick-tags';
import { classifyFeedback, type ShipmentFacts } from './feedback-classifier';

/** One hand-labelled example of server/domain/feedback/training/base-curated.json. */
export interface LabelledFeedback {
  text: string;
  csat: number;
  nps?: number;
  tags?: QuickTag[];
  facts?: ShipmentFacts;
  labels: FeedbackCategory[];
}

export interface CategoryScore {
  category: FeedbackCategory;
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  perCategory: CategoryScore[];
  macroF1: number;
  misses: { text: string; expected: FeedbackCategory[]; got: FeedbackCategory[] }[];
}

/** Multi-label scoring: each (example, category) pair is a yes/no decision. Macro-F1 weighs every category alike. */
export function evaluateClassifier(examples: readonly LabelledFeedback[]): Evaluation {
  const counts = new Map(FEEDBACK_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Evaluation['misses'] = [];
  for (const ex of examples) {
    const got = classifyFeedback({ comment: ex.text, csat: ex.csat, nps: ex.nps ?? null, tags: ex.tags, facts: ex.facts }).map((c) => c.category);
    for (const category of FEEDBACK_CATEGORIES) {
      const want = ex.labels.includes(category);
      const has = got.includes(category);
      const n = counts.get(category)!;
      if (want && has) n.tp++;
      else if (has) n.fp++;
      else if (want) n.fn++;
    }
    if (got.length !== ex.labels.length || got.some((c) => !ex.labels.includes(c))) misses.push({ text: ex.text, expected: ex.labels, got });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const perCategory = FEEDBACK_CATEGORIES.map((category) => {
    const { tp, fp, fn } = counts.get(category)!;
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { category, support: tp + fn, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
  });
  const macroF1 = perCategory.reduce((s, c) => s + c.f1, 0) / perCategory.length;
  return { perCategory, macroF1, misses };
}
