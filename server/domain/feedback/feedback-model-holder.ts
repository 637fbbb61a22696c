import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { parseJsonColumn } from '../../db/json-column';
import type { Database } from '../../db/schema';
import { feedbackModelFrom, FeedbackModelError, type FeedbackModel } from './feedback-model';
import { loadRetrainedModel, newestRetrainedModelId } from './feedback-model-store';
import { MODEL_FILE } from './feedback-training-data';

/**
 * The model this process files feedback with: the committed file on first use, or the newest
 * model staff retrained (kept in the database, so every instance and every restart uses it;
 * syncRetrainedModel). A model that is missing or broken leaves the rules working alone, and
 * says why (feedbackModelProblem) — it never stops feedback from being taken.
 */
let current: FeedbackModel | null | undefined;
let problem: string | null = null;
/** The database row of the model in use; null while it is the committed file's. */
let retrainedId: number | null = null;

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
    raw = parseJsonColumn(z.unknown(), text, path);
  } catch {
    throw new FeedbackModelError(`The feedback model file ${path} is not JSON`);
  }
  // Checked here, with messages that say what is wrong with the file.
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
export function useFeedbackModel(model: FeedbackModel | null, fromRow: number | null = null): void {
  current = model;
  retrainedId = fromRow;
  problem = model ? null : 'no feedback model in use; feedback is classified by the rules alone';
}

/** Where the model in use came from: the committed file, or a retrain's database row. */
export function feedbackModelSource(): { retrainedId: number | null } {
  return { retrainedId };
}

/**
 * Takes up the newest retrained model in the database when this instance does not have it yet:
 * at start, and now and then, so a retrain on one instance reaches the others. A stored model
 * that will not load is reported and the one in use kept.
 */
export async function syncRetrainedModel(db: Kysely<Database>, onProblem: (message: string) => void): Promise<void> {
  const newest = await newestRetrainedModelId(db);
  if (newest === null || newest === retrainedId) return;
  const stored = await loadRetrainedModel(db, newest);
  if (!stored) return;
  try {
    useFeedbackModel(feedbackModelFrom(stored.body), stored.id);
  } catch (err) {
    // Not tried again until a newer one is stored.
    retrainedId = stored.id;
    onProblem(`Retrained feedback model #${stored.id} is not usable (${(err as Error).message}); keeping the model in use`);
  }
}
