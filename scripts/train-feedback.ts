/**
 * `npm run train`: trains the feedback model from the base set in the repository, plus the
 * staff's corrections in DATABASE_URL when it is set, and writes the committed model file
 * only if the new model scores no worse on the held-out set than the one there now.
 */
import { createDb } from '../server/db/create-db';
import { loadFeedbackModelFile } from '../server/domain/feedback/feedback-model-holder';
import { retrainFeedbackModel, writeModelFile } from '../server/domain/feedback/feedback-retraining';
import { MODEL_FILE } from '../server/domain/feedback/feedback-training-data';
import { correctionsForTraining } from '../server/domain/feedback/feedback-model-store';

let current = null;
try {
  current = loadFeedbackModelFile(MODEL_FILE);
} catch (err) {
  console.log(`${(err as Error).message}: any model that trains will replace it.`);
}
const handle = process.env.DATABASE_URL ? createDb(process.env.DATABASE_URL) : null;
const corrections = handle ? await correctionsForTraining(handle.db) : [];
await handle?.close();
const outcome = await retrainFeedbackModel({ corrections, current, adopt: (model) => writeModelFile(MODEL_FILE, model), log: (line) => console.log(line) });
console.log(outcome.adopted ? `Wrote ${MODEL_FILE}; servers use it from their next start (or staff's next retrain).` : 'No change.');
