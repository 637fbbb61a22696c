import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';
import { feedbackModelStatus, retrainFromStaff } from '../domain/feedback/feedback-model-service';

/** Staff's view of the feedback classifier's model, and the retrain button behind it. */
export function opsFeedbackModelRoutes({ db, clock }: AppDeps) {
  return new Hono()
    .get('/', async (c) => c.json(await feedbackModelStatus(db)))
    .post('/retrain', async (c) => c.json(await retrainFromStaff(db, c.var.user.id, clock())));
}
