import type { OpsClaimView, OpsReturnDetail, OpsReturnList } from '../../shared/api/return-views';
import type { ReceiveReturnRequest } from '../../shared/api/returns';
import type { RefundInput } from '../../shared/returns/refund-breakdown';
import { api } from './api-client';
import { okResponse } from './api-error';

/** The refund arithmetic's input without the returned units: inspection supplies those. */
export type SettlementBasis = Omit<RefundInput, 'items'>;

/**
 * The ops face's calls (staff only: 401 without a session, 403 for a courier's). Each throws
 * an ApiError on a 4xx; 409 means the return or claim moved on meanwhile.
 */

/** `query` as built by listRequestQuery: status (comma list), reason, q, from, to, limit, offset. */
export async function listOpsReturns(query: Record<string, string>): Promise<OpsReturnList> {
  const response = await okResponse(() => api.ops.returns.$get({ query }));
  return response.json();
}

export async function fetchOpsReturn(returnNo: string): Promise<OpsReturnDetail> {
  const response = await okResponse(() => api.ops.returns[':returnNo'].$get({ param: { returnNo } }));
  return response.json();
}

/** What the settlement of a return on its way back is computed from (409 once it has been received). */
export async function fetchSettlementBasis(returnNo: string): Promise<SettlementBasis> {
  const response = await okResponse(() => api.ops.returns[':returnNo']['settlement-basis'].$get({ param: { returnNo } }));
  return response.json();
}

/** A rejection needs a note (400 otherwise); 409 once it is no longer waiting for review. */
export async function reviewReturn(returnNo: string, decision: 'approve' | 'reject', note: string): Promise<OpsReturnDetail> {
  const response = await okResponse(() =>
    api.ops.returns[':returnNo'].review.$post({ param: { returnNo }, json: { decision, note } }),
  );
  return response.json();
}

export async function receiveReturn(returnNo: string, body: ReceiveReturnRequest): Promise<OpsReturnDetail> {
  const response = await okResponse(() => api.ops.returns[':returnNo'].receive.$post({ param: { returnNo }, json: body }));
  return response.json();
}

/** Idempotent on the server: a retry or a second press answers with the one refund. */
export async function refundReturn(returnNo: string): Promise<OpsReturnDetail> {
  const response = await okResponse(() => api.ops.returns[':returnNo'].refund.$post({ param: { returnNo } }));
  return response.json();
}

export async function listOpsClaims(status?: 'open'): Promise<OpsClaimView[]> {
  const response = await okResponse(() => api.ops.claims.$get({ query: status ? { status } : {} }));
  return (await response.json()).claims;
}

export type ClaimDecision = 'refund' | 'resend' | 'reject';

export async function decideClaim(claimNo: string, decision: ClaimDecision, note: string): Promise<OpsClaimView> {
  const response = await okResponse(() =>
    api.ops.claims[':claimNo'].decide.$post({ param: { claimNo }, json: { decision, note } }),
  );
  return response.json();
}
