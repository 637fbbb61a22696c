import { ApiError } from '../../api/api-error';

/** What to tell staff when a call failed: the message key under ops.error. */
export type OpsErrorKind = 'unreachable' | 'signed_out' | 'forbidden' | 'not_found' | 'conflict' | 'invalid' | 'generic';

export function opsErrorKind(error: unknown): OpsErrorKind {
  if (!(error instanceof ApiError)) return 'generic';
  if (error.unreachable) return 'unreachable';
  switch (error.status) {
    case 400:
    case 422:
      return 'invalid';
    case 401:
      return 'signed_out';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    // Someone else moved it first; the page reloads it and says so.
    case 409:
      return 'conflict';
    default:
      return 'generic';
  }
}
