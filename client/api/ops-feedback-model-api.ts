import type { FeedbackModelStatus, RetrainResult } from '../../shared/api/feedback-model';
import { api } from './api-client';
import { okResponse } from './api-error';

/** The feedback classifier's model (staff only): how the one in use scores, and retraining it. */
export async function fetchFeedbackModel(): Promise<FeedbackModelStatus> {
  return (await okResponse(() => api.ops['feedback-model'].$get())).json();
}

/** Takes tens of seconds: the server trains in a worker thread and answers when it is done. */
export async function retrainFeedbackModel(): Promise<RetrainResult> {
  return (await okResponse(() => api.ops['feedback-model'].retrain.$post())).json();
}
