import type { FeedbackCategoriesView, FeedbackList } from '../../shared/api/feedback';
import type { FeedbackCategory } from '../../shared/feedback/feedback-categories';
import { api } from './api-client';
import { okResponse } from './api-error';

/** Staff set a feedback's categories by hand; the answer is the categories as now stored. */
export async function correctFeedbackCategories(feedbackId: number, categories: readonly FeedbackCategory[]): Promise<FeedbackCategoriesView> {
  return (await okResponse(() => api.ops.feedback[':id'].categories.$put({ param: { id: String(feedbackId) }, json: { categories: [...categories] } }))).json();
}

/** What the staff feedback list is narrowed by, as the query string carries it. */
export interface FeedbackListRequest {
  category?: FeedbackCategory;
  corrected?: 'true' | 'false';
  /** The last feedback id of the page before. */
  cursor?: string;
  limit?: string;
}

/** Every feedback (staff only), newest first, a page at a time. */
export async function listFeedback(query: FeedbackListRequest): Promise<FeedbackList> {
  return (await okResponse(() => api.ops.feedback.$get({ query }))).json();
}
