import type { Kysely } from 'kysely';
import type { FeedbackModelStatus, RetrainResult } from '../../../shared/api/feedback-model';
import { conflict } from '../../app-error';
import type { Database } from '../../db/schema';
import { feedbackModelFrom } from './feedback-model';
import { currentFeedbackModel, feedbackModelProblem, feedbackModelSource, useFeedbackModel } from './feedback-model-holder';
import { correctionsForTraining, saveRetrainedModel } from './feedback-model-store';
import { retrainFeedbackModel } from './feedback-retraining';

let running: Promise<RetrainResult> | null = null;

/** What staff see of the model in use: how it was trained and how it scores. */
export async function feedbackModelStatus(db: Kysely<Database>): Promise<FeedbackModelStatus> {
  const model = currentFeedbackModel();
  const corrections = (await correctionsForTraining(db)).length;
  const retraining = running !== null;
  if (!model) return { inUse: null, problem: feedbackModelProblem(), correctionsAvailable: corrections, retraining };
  const f = model.file;
  return {
    inUse: { trainedAt: f.trainedAt, examples: f.examples, corrections: f.corrections, source: feedbackModelSource().retrainedId === null ? 'shipped' : 'retrained', crossValidation: f.crossValidation, heldOut: f.heldOut },
    problem: null,
    correctionsAvailable: corrections,
    retraining,
  };
}

/**
 * Staff's "retrain": the base set plus every correction so far, trained off the event loop;
 * kept (in the database, for every instance) and used at once only if it scores no worse on
 * the held-out set. One retrain at a time per instance.
 */
export async function retrainFromStaff(db: Kysely<Database>, staffId: number, now: number): Promise<RetrainResult> {
  if (running) throw conflict('retrain_running', 'The classifier is already being retrained; wait for it to finish');
  running = (async () => {
    const outcome = await retrainFeedbackModel({
      corrections: await correctionsForTraining(db),
      current: currentFeedbackModel(),
      now,
      inWorker: true,
      adopt: async (file) => {
        const id = await saveRetrainedModel(db, file, staffId);
        useFeedbackModel(feedbackModelFrom(file), id);
      },
    });
    return { adopted: outcome.adopted, examples: outcome.examples, corrections: outcome.corrections, candidate: outcome.candidate, previous: outcome.previous };
  })();
  try {
    return await running;
  } finally {
    running = null;
  }
}
