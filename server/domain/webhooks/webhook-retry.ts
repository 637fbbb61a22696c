/**
 * When a delivery the shop did not take is tried again: soon at first (a deploy, a blip),
 * then further apart (a server down for hours); after seven tries over about a day and a half
 * it is marked failed, for staff to see and send again by hand.
 */
const MINUTE = 60_000;
export const WEBHOOK_RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 360 * MINUTE, 1440 * MINUTE] as const;
export const MAX_WEBHOOK_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;

/** The wait after the `attemptsMade`-th failed try (1-based), or null: no more tries. */
export function webhookRetryDelayMs(attemptsMade: number): number | null {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 1) throw new RangeError(`attemptsMade must be a positive integer, got ${attemptsMade}`);
  return WEBHOOK_RETRY_DELAYS_MS[attemptsMade - 1] ?? null;
}
