import type { AttemptChoiceRequest } from '../../shared/api/attempt-choice';
import type { VerifiedTrackingDetails } from '../../shared/api/tracking-view';
import { api } from './api-client';
import { okResponse } from './api-error';

/**
 * The verified customer's choice after a failed attempt. A module of its own so it travels in
 * the chunk that uses it, not in the tracking page's first load.
 * 401 unless verified; 409 once the parcel has moved on; 422 for a choice not on offer.
 */
export async function sendAttemptChoice(trackingNo: string, choice: AttemptChoiceRequest): Promise<VerifiedTrackingDetails> {
  const response = await okResponse(() => api.track[':trackingNo']['attempt-choice'].$post({ param: { trackingNo }, json: choice }));
  return response.json();
}
