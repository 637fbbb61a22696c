/** Retry waits: 2 s, 4 s, 8 s … doubling up to 5 minutes, each moved by up to ±20 %. */
export const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 5 * 60_000;
const JITTER = 0.2;

/**
 * How long to wait after the `failures`-th failure in a row. The jitter spreads out a depot
 * full of phones that all lost the same cell tower, so they do not all retry on the same second.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** exponent);
  const jittered = base * (1 - JITTER + 2 * JITTER * random());
  return Math.round(Math.min(MAX_RETRY_MS, jittered));
}
