import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../shared/feedback/feedback-categories';
import { classifyWithModel } from '../../server/domain/feedback/combined-classification';
import { loadFeedbackModelFile } from '../../server/domain/feedback/feedback-model-holder';
import type { FeedbackModel, ModelScores } from '../../server/domain/feedback/feedback-model';
import { loadBaseSet, loadHeldOutSet, MODEL_FILE } from '../../server/domain/feedback/feedback-training-data';
import { scoreDecisions, trainFeedbackModel, type TrainingExample } from '../../server/domain/feedback/feedback-training';
import { line } from './bench-support';

const TARGET_MACRO_F1 = 0.85;
const TARGET_CATEGORY_F1 = 0.7;

/**
 * The feedback classifier as the server runs it (the committed model with the rules) on the
 * held-out set, which was never trained or tuned on; k-fold cross-validation of a fresh
 * training run on the base set beside it; the rules alone for comparison; and the time to
 * classify one comment.
 */
export async function benchFeedbackClassifier(): Promise<void> {
  const base = loadBaseSet();
  const heldOut = loadHeldOutSet();
  const model = loadFeedbackModelFile(MODEL_FILE);
  console.log(`\nFeedback classifier: ${base.length} base examples to train on, ${heldOut.length} held out (server/domain/feedback/training/held-out)`);

  const shipped = judge(heldOut, model);
  const rulesAlone = judge(heldOut, null);
  const fresh = trainFeedbackModel(base, heldOut, { now: Date.now(), corrections: 0 });
  const weakest = FEEDBACK_CATEGORIES.reduce((a, b) => (shipped.perCategory[a]! <= shipped.perCategory[b]! ? a : b));
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  line('held out: macro-F1 (model + rules)', pct(shipped.macroF1), `≥ ${TARGET_MACRO_F1 * 100} %`, shipped.macroF1 >= TARGET_MACRO_F1);
  line('held out: exact match', pct(shipped.exactMatch), '', null);
  line('held out: weakest category F1', `${weakest} ${shipped.perCategory[weakest]!.toFixed(2)}`, `every ≥ ${TARGET_CATEGORY_F1}`, shipped.perCategory[weakest]! >= TARGET_CATEGORY_F1);
  line('cross-validation (5-fold): macro-F1', pct(fresh.crossValidation.macroF1), '', null);
  line('cross-validation (5-fold): exact match', pct(fresh.crossValidation.exactMatch), '', null);
  line('held out, the rules alone: macro-F1', pct(rulesAlone.macroF1), '', null);
  line('held out, the rules alone: exact match', pct(rulesAlone.exactMatch), '', null);
  console.log(`  ${'category'.padEnd(24)}${'support'.padStart(8)}${'F1 model+rules'.padStart(16)}${'F1 rules'.padStart(10)}`);
  for (const c of FEEDBACK_CATEGORIES) {
    const support = heldOut.filter((e) => e.labels.includes(c)).length;
    console.log(`  ${c.padEnd(24)}${String(support).padStart(8)}${shipped.perCategory[c]!.toFixed(2).padStart(16)}${rulesAlone.perCategory[c]!.toFixed(2).padStart(10)}`);
  }

  // Warm, then timed: every held-out comment five times.
  for (const e of heldOut) classify(e, model);
  const started = performance.now();
  for (let round = 0; round < 5; round++) for (const e of heldOut) classify(e, model);
  const perComment = (performance.now() - started) / (5 * heldOut.length);
  line('classifying one comment (model + rules)', `${(perComment * 1000).toFixed(0)} µs`, '< 1 ms', perComment < 1);
}

const classify = (e: TrainingExample, model: FeedbackModel | null): FeedbackCategory[] =>
  classifyWithModel({ comment: e.text, csat: e.csat, nps: e.nps ?? null }, model).map((c) => c.category);

function judge(examples: readonly TrainingExample[], model: FeedbackModel | null): ModelScores {
  return scoreDecisions(examples, examples.map((e) => classify(e, model)));
}
