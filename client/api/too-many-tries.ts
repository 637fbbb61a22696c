import { ApiError } from './api-error';

/**
 * A 429 in a form's own words. `too_many_attempts`: this device (or its network) has had its
 * tries; `slowed_down`: the account or parcel is being guessed at from elsewhere and takes one
 * try at a time, which its owner should hear as protection, not as their own fault.
 */
export function tooManyTriesKey(error: ApiError, prefix: string): string {
  return error.code === 'slowed_down' ? `${prefix}.slowed_down` : `${prefix}.too_many_tries`;
}

/** Whole minutes until the server lets a try through (its Retry-After); 15, the longest wait, when it didn't say. */
export function minutesToWait(error: unknown): number {
  const seconds = error instanceof ApiError ? error.retryAfterSeconds : null;
  return seconds === null ? 15 : Math.max(1, Math.ceil(seconds / 60));
}
