import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { listCorrectedFeedback } from './feedback-corrections-repository';
import { parseJsonColumn } from '../../db/json-column';
import { feedbackModelFileSchema, type FeedbackModelFile } from './feedback-model';
import type { TrainingExample } from './feedback-training';

/** Staff corrections as training examples (the latest per feedback). */
export async function correctionsForTraining(db: Kysely<Database>): Promise<TrainingExample[]> {
  return (await listCorrectedFeedback(db)).map((c) => ({ text: c.text, csat: c.csat, nps: c.nps, labels: c.labels }));
}

export async function saveRetrainedModel(db: Kysely<Database>, model: FeedbackModelFile, staffId: number | null): Promise<number> {
  const row = await db
    .insertInto('feedback_models')
    .values({ created_at: model.trainedAt, staff_id: staffId, examples: model.examples, corrections: model.corrections, held_out_macro_f1: model.heldOut.macroF1, body: JSON.stringify(model) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The newest retrained model's id, to tell whether this instance has it already. */
export async function newestRetrainedModelId(db: Kysely<Database>): Promise<number | null> {
  const row = await db.selectFrom('feedback_models').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

export async function loadRetrainedModel(db: Kysely<Database>, id: number): Promise<{ id: number; body: unknown } | null> {
  const row = await db.selectFrom('feedback_models').select(['id', 'body']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, body: parseJsonColumn(feedbackModelFileSchema, row.body, `feedback_models.body #${row.id}`) } : null;
}
