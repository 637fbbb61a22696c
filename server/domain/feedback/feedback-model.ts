import { z } from 'zod';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../../shared/feedback/feedback-categories';
import { sigmoid } from './logistic-regression';

/** Figures a model was judged by, kept in its file so a retrain can be compared with it. */
export const modelScoresSchema = z.object({
  macroF1: z.number().min(0).max(1),
  exactMatch: z.number().min(0).max(1),
  perCategory: z.record(z.string(), z.number().min(0).max(1)),
});
export type ModelScores = z.infer<typeof modelScoresSchema>;

/**
 * The model file (server/domain/feedback/model/feedback-model.json), as `npm run train`
 * writes it: the features it knows, and per category a bias, a weight per feature (quantised
 * to a byte: the model's decisions on the held-out set are the same as with full floats) and
 * the threshold chosen on cross-validation.
 */
export const feedbackModelFileSchema = z.object({
  format: z.literal(1),
  trainedAt: z.number().int(),
  examples: z.number().int().nonnegative(),
  corrections: z.number().int().nonnegative(),
  features: z.array(z.string()),
  categories: z.array(
    z.object({
      category: z.enum(FEEDBACK_CATEGORIES),
      bias: z.number(),
      threshold: z.number().gt(0).lt(1),
      /** A weight per feature, as signed bytes (base64) times `scale`: a 52 k-feature model in ~1 MB. */
      scale: z.number().positive(),
      weights: z.string(),
    }),
  ),
  crossValidation: modelScoresSchema,
  heldOut: modelScoresSchema,
});
export type FeedbackModelFile = z.infer<typeof feedbackModelFileSchema>;

export class FeedbackModelError extends Error {}

/** A loaded model: scores a comment's features per category and decides which are likely. */
export interface FeedbackModel {
  file: FeedbackModelFile;
  /** Each category's probability, in FEEDBACK_CATEGORIES order. */
  probabilities(features: readonly string[]): Map<FeedbackCategory, number>;
  thresholds: Map<FeedbackCategory, number>;
}

/** Checks a parsed model file and makes it usable; throws FeedbackModelError saying what is wrong. */
export function feedbackModelFrom(raw: unknown): FeedbackModel {
  const parsed = feedbackModelFileSchema.safeParse(raw);
  if (!parsed.success) throw new FeedbackModelError(`The feedback model file is not valid: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const file = parsed.data;
  const index = new Map(file.features.map((f, i) => [f, i]));
  // Dense weight rows per category: scoring one comment touches ~100 features, each one lookup.
  const rows = file.categories.map((c) => {
    const bytes = Buffer.from(c.weights, 'base64');
    if (bytes.length !== file.features.length) throw new FeedbackModelError(`The feedback model file is not valid: ${c.category} has ${bytes.length} weights for ${file.features.length} features`);
    const quantised = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const row = Float64Array.from(quantised, (q) => q * c.scale);
    return { category: c.category, bias: c.bias, row };
  });
  const missing = FEEDBACK_CATEGORIES.filter((c) => !rows.some((r) => r.category === c));
  if (missing.length > 0) throw new FeedbackModelError(`The feedback model file is not valid: no weights for ${missing.join(', ')}`);
  return {
    file,
    thresholds: new Map(file.categories.map((c) => [c.category, c.threshold])),
    probabilities(features) {
      const known = features.flatMap((f) => {
        const i = index.get(f);
        return i === undefined ? [] : [i];
      });
      return new Map(rows.map((r) => {
        let z = r.bias;
        for (const i of known) z += r.row[i]!;
        return [r.category, sigmoid(z)];
      }));
    },
  };
}

/**
 * The categories a model finds likely: each at or above its threshold; when none is, the one
 * nearest its threshold — which is `other` when the comment is about none of the fourteen.
 * So `other` is never filed beside a real category.
 */
export function likelyCategories(probabilities: ReadonlyMap<FeedbackCategory, number>, thresholds: ReadonlyMap<FeedbackCategory, number>): FeedbackCategory[] {
  const likely = FEEDBACK_CATEGORIES.filter((c) => c !== 'other' && (probabilities.get(c) ?? 0) >= (thresholds.get(c) ?? 1));
  if (likely.length > 0) return likely;
  let best: FeedbackCategory = 'other';
  let bestRatio = -1;
  for (const c of FEEDBACK_CATEGORIES) {
    const ratio = (probabilities.get(c) ?? 0) / (thresholds.get(c) ?? 1);
    if (ratio > bestRatio) {
      bestRatio = ratio;
      best = c;
    }
  }
  return [best];
}

/** A weight row as the file keeps it: signed bytes and the scale that brings them back. */
export function quantiseWeights(row: ArrayLike<number>): { scale: number; weights: string } {
  let max = 0;
  for (let i = 0; i < row.length; i++) max = Math.max(max, Math.abs(row[i]!));
  const scale = max === 0 ? 1 : max / 127;
  const bytes = Int8Array.from(row, (w) => Math.round(w / scale));
  return { scale, weights: Buffer.from(bytes.buffer).toString('base64') };
}
