import type { FeedbackCategoriesView } from '../../shared/api/feedback';
import type { FeedbackCategory } from '../../shared/feedback/feedback-categories';
import { api } from './api-client';
import { okResponse } from './api-error';

/** Staff set a feedback's categories by hand; the answer is the categories as now stored. */
export async function correctFeedbackCategories(feedbackId: number, categories: readonly FeedbackCategory[]): Promise<FeedbackCategoriesView> {
  return (await okResponse(() => api.ops.feedback[':id'].categories.$put({ param: { id: String(feedbackId) }, json: { categories: [...categories] } }))).json();
}
