import type { ApiError } from '../api/api-error';

/**
 * What a failed request means for the outbox:
 * - `pause`: the session is gone (or belongs to someone who is not a courier); wait for sign-in.
 * - `retry`: no answer, a timeout, an overloaded or broken server: keep everything, try later.
 * - `split`: the server refused the batch as a whole; send its reports one by one to find the bad one.
 * - `refuse`: the server refused this one report (or image) itself; keep it as a problem.
 */
export type SyncFailureAction = 'pause' | 'retry' | 'split' | 'refuse';

const SESSION_REFUSED = new Set([401, 403]);
/** Answers about the request's content. Anything else (404 from an old server, 409 on sync, 429) is not the report's fault. */
const BODY_REFUSED = new Set([400, 413, 415, 422]);

export function actionForSendFailure(error: Pick<ApiError, 'status'>, batchSize: number): SyncFailureAction {
  if (SESSION_REFUSED.has(error.status)) return 'pause';
  if (BODY_REFUSED.has(error.status)) return batchSize > 1 ? 'split' : 'refuse';
  return 'retry';
}

/** 409 on an upload means the phone's key already named other bytes: sending the same image again cannot help. */
export function actionForUploadFailure(error: Pick<ApiError, 'status'>): Exclude<SyncFailureAction, 'split'> {
  if (SESSION_REFUSED.has(error.status)) return 'pause';
  if (BODY_REFUSED.has(error.status) || error.status === 409) return 'refuse';
  return 'retry';
}
