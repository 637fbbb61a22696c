import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { feedbackFeatures } from './feedback-features';
import { feedbackModelFrom, likelyCategories, type FeedbackModelFile, type ModelScores } from './feedback-model';
import { loadBaseSet, loadHeldOutSet, MODEL_FILE } from './feedback-training-data';
import { scoreDecisions, trainFeedbackModel, type TrainingExample } from './feedback-training';

export interface RetrainOutcome {
  adopted: boolean;
  reason: 'adopted' | 'no_better';
  examples: number;
  corrections: number;
  candidate: { crossValidation: ModelScores; heldOut: ModelScores };
  /** The model in use before, scored on the same held-out set now; null when there was none (or it would not load). */
  previous: ModelScores | null;
  model: FeedbackModelFile;
}

/**
 * Trains a new model from the base set plus staff corrections and puts it in `modelPath` only
 * if it scores no worse (macro-F1) on the held-out set than the model there now, scored on the
 * same set today. The held-out set is never trained on, so this is the honest comparison: a
 * correction that teaches the model something wrong cannot quietly make it worse.
 */
export async function retrainFeedbackModel(options: {
  corrections?: TrainingExample[];
  modelPath?: string;
  now?: number;
  log?: (line: string) => void;
  /** Train in a worker thread so a server keeps answering meanwhile (training takes seconds). */
  inWorker?: boolean;
}): Promise<RetrainOutcome> {
  const modelPath = options.modelPath ?? MODEL_FILE;
  const log = options.log ?? (() => {});
  const corrections = options.corrections ?? [];
  const base = loadBaseSet();
  const heldOut = loadHeldOutSet();
  log(`Training on ${base.length} base examples and ${corrections.length} staff corrections; judging on ${heldOut.length} held-out examples…`);
  const context = { now: options.now ?? Date.now(), corrections: corrections.length };
  const examples = [...base, ...corrections];
  const model = options.inWorker ? await trainInWorker(examples, heldOut, context) : trainFeedbackModel(examples, heldOut, context);
  const previous = scoreCurrentModel(modelPath, heldOut);
  const adopted = previous === null || model.heldOut.macroF1 >= previous.macroF1;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  log(`Cross-validation: macro-F1 ${pct(model.crossValidation.macroF1)}, exact ${pct(model.crossValidation.exactMatch)}`);
  log(`Held out:         macro-F1 ${pct(model.heldOut.macroF1)}, exact ${pct(model.heldOut.exactMatch)}${previous ? ` (the model in use: ${pct(previous.macroF1)})` : ''}`);
  if (adopted) {
    // Written whole then renamed: a server reading it never sees half a file.
    writeFileSync(`${modelPath}.tmp`, `${JSON.stringify(model)}\n`);
    renameSync(`${modelPath}.tmp`, modelPath);
    log(`Wrote ${modelPath}`);
  } else {
    log('Kept the model in use: the new one scores worse on the held-out set.');
  }
  return { adopted, reason: adopted ? 'adopted' : 'no_better', examples: examples.length, corrections: corrections.length, candidate: { crossValidation: model.crossValidation, heldOut: model.heldOut }, previous, model };
}

function scoreCurrentModel(modelPath: string, heldOut: readonly TrainingExample[]): ModelScores | null {
  if (!existsSync(modelPath)) return null;
  try {
    const model = feedbackModelFrom(JSON.parse(readFileSync(modelPath, 'utf8')));
    return scoreDecisions(heldOut, heldOut.map((e) => likelyCategories(model.probabilities(feedbackFeatures({ comment: e.text, csat: e.csat, nps: e.nps ?? null })), model.thresholds)));
  } catch {
    return null; // a broken file is replaced by any model that trains
  }
}

function trainInWorker(examples: TrainingExample[], heldOut: TrainingExample[], context: { now: number; corrections: number }): Promise<FeedbackModelFile> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./feedback-training-worker.ts', import.meta.url), { workerData: { examples, heldOut, context }, execArgv: ['--import', 'tsx'] });
    worker.once('message', (file: FeedbackModelFile) => resolve(file));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`feedback training stopped with exit code ${code}`));
    });
  });
}
