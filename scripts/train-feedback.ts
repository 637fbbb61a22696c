/**
 * `npm run train`: trains the feedback model from the base set in the repository plus the
 * staff's corrections in DATABASE_URL (when set), and writes it to the model file only if it
 * scores no worse on the held-out set than the model already there.
 */
import { retrainFeedbackModel } from '../server/domain/feedback/feedback-retraining';

const outcome = await retrainFeedbackModel({ log: (line) => console.log(line) });
console.log(outcome.adopted ? 'The new model is in use from the next start.' : 'No change.');
