import { readFileSync } from 'node:fs';
import { feedbackModelFrom, FeedbackModelError, type FeedbackModel } from './feedback-model';
import { MODEL_FILE } from './feedback-training-data';

/**
 * The model this process files feedback with: read from the committed file on first use,
 * replaced when staff retrain and a better one is adopted. A file that is missing or broken
 * leaves the rules working alone, and says why (feedbackModelProblem) — it never stops
 * feedback from being taken.
 */
let current: FeedbackModel | null | undefined;
let problem: string | null = null;

/** Reads and checks a model file; throws FeedbackModelError saying what is wrong with it. */
export function loadFeedbackModelFile(path: string): FeedbackModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new FeedbackModelError(`Cannot read the feedback model file ${path}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new FeedbackModelError(`The feedback model file ${path} is not JSON`);
  }
  return feedbackModelFrom(raw);
}

export function currentFeedbackModel(): FeedbackModel | null {
  if (current === undefined) {
    try {
      current = loadFeedbackModelFile(MODEL_FILE);
    } catch (err) {
      current = null;
      problem = `${err instanceof Error ? err.message : String(err)}; feedback is classified by the rules alone`;
    }
  }
  return current;
}

/** Why the model is not in use, or null when it is. */
export function feedbackModelProblem(): string | null {
  currentFeedbackModel();
  return problem;
}

/** Puts a model in use (after a retrain) or none (tests of the rules alone). */
export function useFeedbackModel(model: FeedbackModel | null): void {
  current = model;
  problem = model ? null : 'no feedback model in use; feedback is classified by the rules alone';
}
