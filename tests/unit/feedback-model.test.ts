import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../shared/feedback/feedback-categories';
import { classifyWithModel } from '../../server/domain/feedback/combined-classification';
import { classifyFeedback } from '../../server/domain/feedback/feedback-classifier';
import { feedbackModelFrom, FeedbackModelError, likelyCategories, quantiseWeights, type FeedbackModel } from '../../server/domain/feedback/feedback-model';
import { loadFeedbackModelFile } from '../../server/domain/feedback/feedback-model-holder';
import { chooseThresholds, scoreDecisions, trainFeedbackModel, type TrainingExample } from '../../server/domain/feedback/feedback-training';
import { predictProbabilities, trainOneVsRest } from '../../server/domain/feedback/logistic-regression';
import { retrainFeedbackModel } from '../../server/domain/feedback/feedback-retraining';

const cats = (entries: Array<[FeedbackCategory, number]>) => new Map(entries);
const everyAt = (t: number) => new Map(FEEDBACK_CATEGORIES.map((c) => [c, t]));

describe('one-vs-rest logistic regression', () => {
  it('learns a tiny separable set exactly', () => {
    // Feature 0 means "late", 1 means "broken", 2 is noise every example has.
    const examples = [
      { features: [0, 2], labels: new Set(['late']) },
      { features: [1, 2], labels: new Set(['broken']) },
      { features: [0, 1, 2], labels: new Set(['late', 'broken']) },
      { features: [2], labels: new Set<string>() },
    ];
    const model = trainOneVsRest(examples, 3, ['late', 'broken'], { epochs: 200, learningRate: 0.5, l2: 0, seed: 3 });
    for (const ex of examples) {
      const [late, broken] = predictProbabilities(model, ex.features);
      expect(late! > 0.5).toBe(ex.labels.has('late'));
      expect(broken! > 0.5).toBe(ex.labels.has('broken'));
    }
  });

  it('gives the same weights for the same examples and seed', () => {
    const examples = [{ features: [0], labels: new Set(['a']) }, { features: [1], labels: new Set<string>() }];
    const a = trainOneVsRest(examples, 2, ['a'], { epochs: 5, learningRate: 0.3, l2: 1e-4, seed: 9 });
    const b = trainOneVsRest(examples, 2, ['a'], { epochs: 5, learningRate: 0.3, l2: 1e-4, seed: 9 });
    expect([...a.weights[0]!]).toEqual([...b.weights[0]!]);
  });
});

describe('which categories are likely', () => {
  it.each([
    ['each at or above its threshold', cats([['delivery_late', 0.7], ['packaging', 0.41], ['praise', 0.2]]), ['delivery_late', 'packaging']],
    ['other is never beside a category that passed', cats([['delivery_late', 0.6], ['other', 0.9]]), ['delivery_late']],
    ['none passed: the one nearest its threshold', cats([['defective', 0.35], ['other', 0.3]]), ['defective']],
    ['none passed and other is nearest: other', cats([['defective', 0.1], ['other', 0.39]]), ['other']],
  ] as const)('%s', (_, probabilities, expected) => {
    expect(likelyCategories(probabilities, everyAt(0.4))).toEqual(expected);
  });
});

describe('thresholds chosen on cross-validation', () => {
  it('picks the threshold with the best F1 per category', () => {
    const examples: TrainingExample[] = [
      { text: 'a', csat: 1, labels: ['delivery_late'] },
      { text: 'b', csat: 1, labels: ['delivery_late'] },
      { text: 'c', csat: 1, labels: ['praise'] },
      { text: 'd', csat: 1, labels: ['praise'] },
    ];
    // Late scores 0.8 and 0.6 for the late ones, 0.3 and 0.25 for the others: any threshold in (0.3, 0.6] is perfect.
    const scores = [0.8, 0.6, 0.3, 0.25].map((late) => cats([['delivery_late', late]]));
    const t = chooseThresholds(examples, scores).get('delivery_late')!;
    expect(t).toBeGreaterThan(0.3);
    expect(t).toBeLessThanOrEqual(0.6);
  });

  it('scores macro-F1 over every category alike, and exact matches', () => {
    const truth: Array<{ labels: FeedbackCategory[] }> = [{ labels: ['delivery_late'] }, { labels: ['praise', 'delivery_late'] }, { labels: ['other'] }];
    const said: FeedbackCategory[][] = [['delivery_late'], ['praise'], ['other']];
    const scores = scoreDecisions(truth, said);
    expect(scores.exactMatch).toBeCloseTo(2 / 3);
    expect(scores.perCategory.delivery_late).toBeCloseTo(2 / 3); // tp 1, fn 1
    expect(scores.perCategory.praise).toBe(1);
    expect(scores.perCategory.packaging).toBe(1); // nobody's and never said
    expect(scores.macroF1).toBeCloseTo((2 / 3 + 14) / 15);
  });
});

describe('training the feedback model', () => {
  const tiny: TrainingExample[] = [
    ...['物流太慢了', '等了好久才到', 'took forever to arrive', 'so slow delivery', '慢死了', 'very late'].map((text) => ({ text, csat: 2, labels: ['delivery_late' as const] })),
    ...['盒子压扁了东西碎了', '碎了', 'arrived smashed', 'broken in the post', '摔坏了', 'crushed box, cracked'].map((text) => ({ text, csat: 1, labels: ['damaged_in_transit' as const] })),
    ...['很好很满意', '五星好评', 'great service', 'love it, thanks', '快递小哥很棒', 'perfect'].map((text) => ({ text, csat: 5, labels: ['praise' as const] })),
  ];

  it('writes a file that loads and files its own examples', () => {
    const file = trainFeedbackModel(tiny, tiny, { now: 1, corrections: 0 }, { folds: 2, seed: 1, optimiser: { epochs: 60, learningRate: 0.3, l2: 0, seed: 1 } });
    expect(file.examples).toBe(tiny.length);
    expect(file.heldOut.macroF1).toBe(1);
    const model = feedbackModelFrom(JSON.parse(JSON.stringify(file)));
    for (const ex of tiny) expect(classifyWithModel({ comment: ex.text, csat: ex.csat }, model).map((c) => c.category)).toEqual(ex.labels);
  });

  const quick = { folds: 2, seed: 1, optimiser: { epochs: 60, learningRate: 0.3, l2: 0, seed: 1 } };

  it('adopts a retrained model that scores no worse on the held-out set', async () => {
    const current = feedbackModelFrom(trainFeedbackModel(tiny, tiny, { now: 1, corrections: 0 }, quick));
    const adopted: unknown[] = [];
    const outcome = await retrainFeedbackModel({ base: tiny, heldOut: tiny, settings: quick, current, adopt: (m) => void adopted.push(m), corrections: [{ text: '慢得要命', csat: 1, labels: ['delivery_late'] }] });
    expect(outcome.adopted).toBe(true);
    expect(outcome.corrections).toBe(1);
    expect(outcome.previous!.macroF1).toBe(1);
    expect(adopted).toHaveLength(1);
  });

  it('keeps the model in use when corrections make the new one worse', async () => {
    const current = feedbackModelFrom(trainFeedbackModel(tiny, tiny, { now: 1, corrections: 0 }, quick));
    // Corrections that call every slow delivery praise, many times over.
    const wrong = tiny.filter((e) => e.labels[0] === 'delivery_late').flatMap((e) => Array.from({ length: 5 }, () => ({ ...e, labels: ['praise' as const] })));
    const adopted: unknown[] = [];
    const outcome = await retrainFeedbackModel({ base: tiny, heldOut: tiny, settings: quick, current, adopt: (m) => void adopted.push(m), corrections: wrong });
    expect(outcome.adopted).toBe(false);
    expect(outcome.candidate.heldOut.macroF1).toBeLessThan(outcome.previous!.macroF1);
    expect(adopted).toEqual([]);
  });

  it('keeps weights to a byte each and brings them back within half a step', () => {
    const row = [0, 1.27, -0.635, 0.01];
    const { scale, weights } = quantiseWeights(row);
    const back = [...new Int8Array(Buffer.from(weights, 'base64'))].map((q) => q * scale);
    row.forEach((w, i) => expect(Math.abs(back[i]! - w)).toBeLessThanOrEqual(scale / 2 + 1e-12));
  });
});

describe('a model file that fails to load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-model-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it.each([
    ['missing', join(dir, 'nowhere.json'), /Cannot read the feedback model file/],
    ['not JSON', write('half.json', '{"format": 1, "feat'), /is not JSON/],
    ['the wrong shape', write('shape.json', JSON.stringify({ format: 2 })), /not valid: format/],
    ['weights not matching the features', write('short.json', JSON.stringify({
      format: 1, trainedAt: 0, examples: 0, corrections: 0, features: ['w:a', 'w:b'],
      categories: FEEDBACK_CATEGORIES.map((category) => ({ category, bias: 0, threshold: 0.5, scale: 1, weights: Buffer.from([1]).toString('base64') })),
      crossValidation: { macroF1: 0, exactMatch: 0, perCategory: {} }, heldOut: { macroF1: 0, exactMatch: 0, perCategory: {} },
    })), /has 1 weights for 2 features/],
  ])('%s: a clear error', (_, path, message) => {
    expect(() => loadFeedbackModelFile(path)).toThrow(FeedbackModelError);
    expect(() => loadFeedbackModelFile(path)).toThrow(message);
  });

  it('leaves the rules working alone', () => {
    const input = { comment: '快递员态度很差，还把包裹扔在地上', csat: 1 };
    expect(classifyWithModel(input, null)).toEqual(classifyFeedback(input));
  });
});

describe('the model and the rules together', () => {
  // A stand-in model that finds whatever it is told likely, so the combination is seen alone.
  const saying = (likely: FeedbackCategory[]): FeedbackModel => ({
    file: {} as FeedbackModel['file'],
    thresholds: everyAt(0.5),
    probabilities: () => new Map(FEEDBACK_CATEGORIES.map((c) => [c, likely.includes(c) ? 0.9 : 0.1])),
  });

  it.each([
    ['the words are the model\'s', { comment: 'whatever', csat: 2 }, ['wrong_place'], ['wrong_place']],
    ['a failed attempt on the record adds its category', { comment: 'meh', csat: 2, facts: { failedAttempts: 2 } }, ['other'], ['failed_attempt']],
    ['a pressed tag adds its category beside the words\'', { comment: 'slow', csat: 2, tags: ['rude_courier' as const] }, ['delivery_late'], ['delivery_late', 'courier_behaviour']],
    ['no comment: the rules alone (tags and scores)', { comment: '  ', csat: 5, tags: ['fast_delivery' as const] }, ['defective'], ['praise']],
  ])('%s', (_, input, likely, expected) => {
    expect(classifyWithModel(input, saying(likely as FeedbackCategory[])).map((c) => c.category)).toEqual(expected);
  });

  it('keeps the model\'s probability and the rules\' phrases as evidence', () => {
    const [late] = classifyWithModel({ comment: '物流太慢了', csat: 2 }, saying(['delivery_late']));
    expect(late!.evidence[0]).toEqual({ kind: 'model', score: 0.9 });
    expect(late!.evidence.some((e) => e.kind === 'phrase')).toBe(true);
  });
});
