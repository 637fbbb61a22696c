import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../../shared/feedback/feedback-categories';
import { feedbackFeatures } from './feedback-features';
import { feedbackModelFrom, likelyCategories, quantiseWeights, type FeedbackModelFile, type ModelScores } from './feedback-model';
import { DEFAULT_TRAINING, mulberry32, predictProbabilities, trainOneVsRest, type LinearModel, type TrainingOptions } from './logistic-regression';

/** A labelled comment: the base set, a held-out set, or a staff correction. */
export interface TrainingExample {
  text: string;
  csat: number;
  nps?: number | null;
  labels: FeedbackCategory[];
}

export interface TrainingSettings {
  folds: number;
  seed: number;
  optimiser: TrainingOptions;
}

// Chosen on cross-validation of the base set (learning rates 0.3 … 0.025, epochs 15 … 40, L2
// 1e-6 … 1e-4, features seen once or twice): CV macro-F1 0.80 → 0.88. Never on the held-out sets.
export const TRAINING_SETTINGS: TrainingSettings = { folds: 5, seed: 1, optimiser: { ...DEFAULT_TRAINING, learningRate: 0.025, epochs: 25 } };

const THRESHOLD_GRID = Array.from({ length: 37 }, (_, i) => 0.05 + i * 0.025);

interface Featured {
  example: TrainingExample;
  features: string[];
}

/**
 * Trains the model from labelled examples: per-category thresholds from k-fold
 * cross-validation (each example scored by a model that never saw it), then the final model
 * on everything, judged on the held-out examples it never saw. Pure: the same examples and
 * settings give the same file.
 */
export function trainFeedbackModel(
  examples: readonly TrainingExample[],
  heldOut: readonly TrainingExample[],
  context: { now: number; corrections: number },
  settings: TrainingSettings = TRAINING_SETTINGS,
): FeedbackModelFile {
  const featured = examples.map((example) => ({ example, features: feedbackFeatures({ comment: example.text, csat: example.csat, nps: example.nps ?? null }) }));
  const random = mulberry32(settings.seed);
  const foldOf = featured.map(() => Math.floor(random() * settings.folds));
  const outOfFold: Array<Map<FeedbackCategory, number>> = new Array(featured.length);
  for (let k = 0; k < settings.folds; k++) {
    const fitted = fit(featured.filter((_, i) => foldOf[i] !== k), settings.optimiser);
    featured.forEach((f, i) => {
      if (foldOf[i] === k) outOfFold[i] = fitted.probabilities(f.features);
    });
  }
  const thresholds = chooseThresholds(examples, outOfFold);
  const crossValidation = scoreDecisions(examples, outOfFold.map((p) => likelyCategories(p, thresholds)));

  const final = fit(featured, settings.optimiser);
  const file = modelFile(final, thresholds, { ...context, examples: examples.length });
  const model = feedbackModelFrom({ ...file, crossValidation, heldOut: crossValidation });
  const heldOutScores = scoreDecisions(heldOut, heldOut.map((e) => likelyCategories(model.probabilities(feedbackFeatures({ comment: e.text, csat: e.csat, nps: e.nps ?? null })), thresholds)));
  return { ...file, crossValidation, heldOut: heldOutScores };
}

/** Per category, the threshold with the best F1 over the out-of-fold scores (ties: the lower). */
export function chooseThresholds(examples: readonly TrainingExample[], scores: ReadonlyArray<ReadonlyMap<FeedbackCategory, number>>): Map<FeedbackCategory, number> {
  return new Map(FEEDBACK_CATEGORIES.map((category) => {
    let best = 0.5;
    let bestF1 = -1;
    for (const t of THRESHOLD_GRID) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      examples.forEach((e, i) => {
        const truth = e.labels.includes(category);
        const said = (scores[i]!.get(category) ?? 0) >= t;
        if (truth && said) tp++;
        else if (said) fp++;
        else if (truth) fn++;
      });
      const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
      if (f1 > bestF1) {
        bestF1 = f1;
        best = Math.round(t * 1000) / 1000;
      }
    }
    return [category, best];
  }));
}

/** Macro-F1 (every category weighs alike), exact-match share and each category's F1. */
export function scoreDecisions(examples: readonly Pick<TrainingExample, 'labels'>[], decisions: readonly FeedbackCategory[][]): ModelScores {
  const perCategory: Record<string, number> = {};
  for (const category of FEEDBACK_CATEGORIES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    examples.forEach((e, i) => {
      const truth = e.labels.includes(category);
      const said = decisions[i]!.includes(category);
      if (truth && said) tp++;
      else if (said) fp++;
      else if (truth) fn++;
    });
    // A category no example has and none was said: nothing to get wrong.
    perCategory[category] = tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
  }
  const exact = examples.filter((e, i) => e.labels.length === decisions[i]!.length && e.labels.every((l) => decisions[i]!.includes(l))).length;
  const values = Object.values(perCategory);
  return { macroF1: values.reduce((s, f) => s + f, 0) / values.length, exactMatch: examples.length === 0 ? 0 : exact / examples.length, perCategory };
}

interface Fitted {
  vocabulary: Map<string, number>;
  model: LinearModel;
  probabilities(features: readonly string[]): Map<FeedbackCategory, number>;
}

function fit(featured: readonly Featured[], options: TrainingOptions): Fitted {
  const vocabulary = new Map<string, number>();
  for (const f of featured) for (const name of f.features) if (!vocabulary.has(name)) vocabulary.set(name, vocabulary.size);
  const indices = (features: readonly string[]) => features.flatMap((name) => {
    const i = vocabulary.get(name);
    return i === undefined ? [] : [i];
  });
  const model = trainOneVsRest(featured.map((f) => ({ features: indices(f.features), labels: new Set(f.example.labels) })), vocabulary.size, FEEDBACK_CATEGORIES, options);
  return {
    vocabulary,
    model,
    probabilities: (features) => {
      const p = predictProbabilities(model, indices(features));
      return new Map(FEEDBACK_CATEGORIES.map((c, k) => [c, p[k]!]));
    },
  };
}

/** The file form: every feature seen, each category's weights quantised to a byte. */
function modelFile(fitted: Fitted, thresholds: Map<FeedbackCategory, number>, context: { now: number; corrections: number; examples: number }): Omit<FeedbackModelFile, 'crossValidation' | 'heldOut'> {
  const categories = FEEDBACK_CATEGORIES.map((category, k) => ({
    category,
    bias: fitted.model.bias[k]!,
    threshold: thresholds.get(category)!,
    ...quantiseWeights(fitted.model.weights[k]!),
  }));
  return { format: 1, trainedAt: context.now, examples: context.examples, corrections: context.corrections, features: [...fitted.vocabulary.keys()], categories };
}
