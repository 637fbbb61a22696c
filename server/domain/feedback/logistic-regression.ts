/**
 * One-vs-rest logistic regression over sparse binary features, trained by AdaGrad with L2.
 * Pure and deterministic (a seeded shuffle): the same examples give the same weights, so a
 * retrain is reproducible and the training is tested on tables like the rules are.
 */

/** An example as the trainer needs it: indices of its features (each counts 1) and its labels. */
export interface SparseExample {
  features: readonly number[];
  labels: ReadonlySet<string>;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 strength per example step; keeps rare n-grams from memorising single comments. */
  l2: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 25, learningRate: 0.3, l2: 1e-5, seed: 7 };

/** One binary model per label: bias plus a weight per feature index. */
export interface LinearModel {
  labels: string[];
  bias: Float64Array;
  /** weights[label][feature] */
  weights: Float64Array[];
}

export function trainOneVsRest(examples: readonly SparseExample[], featureCount: number, labels: readonly string[], options: TrainingOptions = DEFAULT_TRAINING): LinearModel {
  const bias = new Float64Array(labels.length);
  const weights = labels.map(() => new Float64Array(featureCount));
  const order = examples.map((_, i) => i);
  const random = mulberry32(options.seed);
  labels.forEach((label, k) => {
    const w = weights[k]!;
    const g2 = new Float64Array(featureCount).fill(1e-8);
    let biasG2 = 1e-8;
    // Positives are rare per label (one comment in ten or fewer): weigh them up so the
    // model's scores are comparable across labels; thresholds are tuned afterwards anyway.
    const positives = examples.filter((e) => e.labels.has(label)).length;
    const positiveWeight = positives === 0 ? 1 : Math.min(10, (examples.length - positives) / positives);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random);
      for (const i of order) {
        const ex = examples[i]!;
        const y = ex.labels.has(label) ? 1 : 0;
        let z = bias[k]!;
        for (const f of ex.features) z += w[f]!;
        const gradient = (sigmoid(z) - y) * (y === 1 ? positiveWeight : 1);
        for (const f of ex.features) {
          const g = gradient + options.l2 * w[f]!;
          g2[f]! += g * g;
          w[f]! -= (options.learningRate * g) / Math.sqrt(g2[f]!);
        }
        biasG2 += gradient * gradient;
        bias[k]! -= (options.learningRate * gradient) / Math.sqrt(biasG2);
      }
    }
  });
  return { labels: [...labels], bias, weights };
}

/** Each label's probability for one example. */
export function predictProbabilities(model: LinearModel, features: readonly number[]): number[] {
  return model.labels.map((_, k) => {
    let z = model.bias[k]!;
    const w = model.weights[k]!;
    for (const f of features) z += w[f]!;
    return sigmoid(z);
  });
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function shuffle(items: number[], random: () => number) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** A small seeded generator, so training is reproducible run to run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
