import type { FeedbackRequest, FeedbackView } from '../../shared/api/feedback';
import { api } from './api-client';
import { ApiError, okResponse } from './api-error';

/**
 * The verified customer's feedback on a delivered parcel. Rides on the verified-parcel cookie
 * like returns: 403 without it. One per parcel (409 on a second POST), PUT edits it for 24 h.
 */

/** Their feedback, or null when they have not given any yet (404). */
export async function fetchFeedback(trackingNo: string): Promise<FeedbackView | null> {
  try {
    const response = await okResponse(() => api.feedback.$get({ query: { trackingNo } }));
    return (await response.json()) as FeedbackView;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export async function submitFeedback(request: FeedbackRequest): Promise<FeedbackView> {
  const response = await okResponse(() => api.feedback.$post({ json: request }));
  return (await response.json()) as FeedbackView;
}

/** 409 `feedback_locked` after the 24 h. */
export async function editFeedback(request: FeedbackRequest): Promise<FeedbackView> {
  const response = await okResponse(() => api.feedback.$put({ json: request }));
  return (await response.json()) as FeedbackView;
}
