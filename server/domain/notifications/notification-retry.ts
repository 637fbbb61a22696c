/**
 * When a message that could not be sent is tried again: soon at first (a gateway blip), then
 * further apart (a gateway down for hours), and after six tries in about nine hours it is
 * marked failed for staff to see, rather than tried for ever or reaching the customer a day late.
 */
const MINUTE = 60_000;
export const RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 360 * MINUTE] as const;
export const MAX_SEND_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The wait after the `attemptsMade`-th failed try (1-based), or null: no more tries. */
export function retryDelayMs(attemptsMade: number): number | null {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 1) throw new RangeError(`attemptsMade must be a positive integer, got ${attemptsMade}`);
  return RETRY_DELAYS_MS[attemptsMade - 1] ?? null;
}
