import { renameSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { feedbackFeatures } from './feedback-features';
import { likelyCategories, type FeedbackModel, type FeedbackModelFile, type ModelScores } from './feedback-model';
import { loadBaseSet, loadHeldOutSet } from './feedback-training-data';
import { scoreDecisions, trainFeedbackModel, type TrainingExample, type TrainingSettings } from './feedback-training';

export interface RetrainOutcome {
  adopted: boolean;
  reason: 'adopted' | 'no_better';
  examples: number;
  corrections: number;
  candidate: { crossValidation: ModelScores; heldOut: ModelScores };
  /** The model in use before, scored on the same held-out set now; null when there was none. */
  previous: ModelScores | null;
  model: FeedbackModelFile;
}

/**
 * Trains a new model from the base set plus staff corrections and adopts it only if it scores
 * no worse (macro-F1) on the held-out set than the model in use, scored on the same set today.
 * The held-out set is never trained on, so this is the honest comparison: corrections that
 * teach the model something wrong cannot quietly make it worse. `adopt` keeps the new model
 * (the CLI writes the committed file; the server stores it in the database).
 */
export async function retrainFeedbackModel(options: {
  corrections?: TrainingExample[];
  /** The model in use now; null when there is none (any model that trains is adopted). */
  current: FeedbackModel | null;
  adopt: (model: FeedbackModelFile) => Promise<void> | void;
  now?: number;
  log?: (line: string) => void;
  /** Train in a worker thread so a server keeps answering meanwhile (training takes seconds). */
  inWorker?: boolean;
  /** The repository's sets unless given (tests give small ones). */
  base?: TrainingExample[];
  heldOut?: TrainingExample[];
  settings?: TrainingSettings;
}): Promise<RetrainOutcome> {
  const log = options.log ?? (() => {});
  const corrections = options.corrections ?? [];
  const base = options.base ?? loadBaseSet();
  const heldOut = options.heldOut ?? loadHeldOutSet();
  log(`Training on ${base.length} base examples and ${corrections.length} staff corrections; judging on ${heldOut.length} held-out examples…`);
  const context = { now: options.now ?? Date.now(), corrections: corrections.length };
  const examples = [...base, ...corrections];
  const model = options.inWorker ? await trainInWorker(examples, heldOut, context) : trainFeedbackModel(examples, heldOut, context, options.settings);
  const previous = options.current ? scoreOnHeldOut(options.current, heldOut) : null;
  const adopted = previous === null || model.heldOut.macroF1 >= previous.macroF1;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  log(`Cross-validation: macro-F1 ${pct(model.crossValidation.macroF1)}, exact ${pct(model.crossValidation.exactMatch)}`);
  log(`Held out:         macro-F1 ${pct(model.heldOut.macroF1)}, exact ${pct(model.heldOut.exactMatch)}${previous ? ` (the model in use: ${pct(previous.macroF1)})` : ''}`);
  if (adopted) await options.adopt(model);
  else log('Kept the model in use: the new one scores worse on the held-out set.');
  return { adopted, reason: adopted ? 'adopted' : 'no_better', examples: examples.length, corrections: corrections.length, candidate: { crossValidation: model.crossValidation, heldOut: model.heldOut }, previous, model };
}

/** Writes a model file whole, then renames it into place: a reader never sees half a file. */
export function writeModelFile(path: string, model: FeedbackModelFile): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(model)}\n`);
  renameSync(`${path}.tmp`, path);
}

function scoreOnHeldOut(model: FeedbackModel, heldOut: readonly TrainingExample[]): ModelScores {
  return scoreDecisions(heldOut, heldOut.map((e) => likelyCategories(model.probabilities(feedbackFeatures({ comment: e.text, csat: e.csat, nps: e.nps ?? null })), model.thresholds)));
}

function trainInWorker(examples: TrainingExample[], heldOut: TrainingExample[], context: { now: number; corrections: number }): Promise<FeedbackModelFile> {
  return new Promise((resolve, reject) => {
    // The worker is TypeScript like the rest: tsx's loader is registered in it before it is imported.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./feedback-training-worker.ts', import.meta.url).href)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { examples, heldOut, context } });
    worker.once('message', (file: FeedbackModelFile) => resolve(file));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`feedback training stopped with exit code ${code}`));
    });
  });
}
