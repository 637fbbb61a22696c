import type { ClaimView, ReturnOptions, ReturnQuote, ReturnView } from '../../shared/api/return-views';
import type { CreateClaimRequest, CreateReturnRequest, ReturnQuoteRequest } from '../../shared/api/returns';
import type { Refusal } from '../../shared/returns/return-eligibility';
import { api } from './api-client';
import { ApiError, okResponse } from './api-error';

/**
 * The customer's return and claim calls. Every one of them rides on the verified-parcel cookie
 * set by the tracking page: 401 `verification_required` without it, 403 for another order's; a
 * return asked for without it is 404, as if it did not exist (no hint to strangers).
 */

export async function fetchReturnOptions(trackingNo: string): Promise<ReturnOptions> {
  const response = await okResponse(() => api.returns.options.$get({ query: { trackingNo } }));
  return response.json();
}

/** The rules' answer for a draft: always 200 for a well-formed request, eligible or not. */
export async function fetchReturnQuote(request: ReturnQuoteRequest, signal?: AbortSignal): Promise<ReturnQuote> {
  const response = await okResponse(() => api.returns.quote.$post({ json: request }, { init: { signal } }));
  return response.json();
}

export async function createReturn(request: CreateReturnRequest): Promise<ReturnView> {
  const response = await okResponse(() => api.returns.$post({ json: request }));
  return response.json();
}

export async function fetchReturn(returnNo: string): Promise<ReturnView> {
  const response = await okResponse(() => api.returns[':returnNo'].$get({ param: { returnNo } }));
  return response.json();
}

/**
 * The tracking page's proof that a parcel is the customer's (last 4 digits of the recipient's
 * phone; 403 wrong digits, 404 no such parcel, 429 too many tries), asked from a return's page
 * opened without it. It sets the same session cookie. Called here rather than through
 * tracking-api.ts: sharing that module with the return page would split it out of the tracking
 * page's chunk, and the extra chunk would cost the first load (60 KB budget).
 */
export async function verifyParcelOfReturn(trackingNo: string, phoneLast4: string): Promise<void> {
  await okResponse(() => api.track[':trackingNo'].verify.$post({ param: { trackingNo }, json: { phoneLast4 } }));
}

/** 409 once the parcel has left the customer's hands. */
export async function cancelReturn(returnNo: string): Promise<ReturnView> {
  const response = await okResponse(() => api.returns[':returnNo'].cancel.$post({ param: { returnNo } }));
  return response.json();
}

export async function createClaim(request: CreateClaimRequest): Promise<ClaimView> {
  const response = await okResponse(() => api.claims.$post({ json: request }));
  return response.json();
}

/**
 * A return or feedback photo, already compressed on the phone, sent under the phone's own key
 * for it; the answer is the id the server made, which the return or feedback then names. A
 * retry after a lost answer, under the same key, gets the same id. Plain fetch: the typed
 * client has no raw-body call (client/api/courier-api.ts ties the route to the server's type).
 */
export async function uploadReturnPhoto(trackingNo: string, localKey: string, photo: Blob): Promise<{ id: string }> {
  const response = await okResponse(() =>
    fetch(`/api/uploads?trackingNo=${encodeURIComponent(trackingNo)}`, {
      method: 'POST',
      body: photo,
      headers: { 'Content-Type': photo.type || 'image/jpeg', 'Idempotency-Key': localKey },
      credentials: 'same-origin',
    }),
  );
  return (await response.json()) as { id: string };
}

/** The refusals in a 422 `return_not_eligible` (the rules changed between the preview and the submission). */
export function refusalsOf(error: unknown): Refusal[] {
  if (!(error instanceof ApiError) || error.code !== 'return_not_eligible') return [];
  const refusals = (error.details as { refusals?: unknown } | null)?.refusals;
  return Array.isArray(refusals) ? (refusals as Refusal[]) : [];
}
