import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, MAX_RETRY_MS, retryDelayMs } from '../../client/offline/sync-backoff';

const middle = () => 0.5;

describe('retry back-off', () => {
  it('doubles from 2 s: 2, 4, 8, 16 … seconds', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, middle))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
  });

  it('is capped at 5 minutes, however long the failures go on', () => {
    expect(retryDelayMs(9, middle)).toBe(MAX_RETRY_MS);
    expect(retryDelayMs(50, middle)).toBe(MAX_RETRY_MS);
    expect(retryDelayMs(10_000, () => 1)).toBe(MAX_RETRY_MS);
  });

  it('moves each wait by at most ±20 % so phones that lost the same tower spread out', () => {
    expect(retryDelayMs(3, () => 0)).toBe(6_400);
    expect(retryDelayMs(3, () => 1)).toBe(9_600);
    for (let failures = 1; failures < 20; failures++) {
      for (const r of [0, 0.1, 0.37, 0.9, 0.999]) {
        const delay = retryDelayMs(failures, () => r);
        expect(delay).toBeGreaterThanOrEqual(FIRST_RETRY_MS * 0.8);
        expect(delay).toBeLessThanOrEqual(MAX_RETRY_MS);
      }
    }
  });

  it('treats a zero or negative count as the first failure', () => {
    expect(retryDelayMs(0, middle)).toBe(FIRST_RETRY_MS);
    expect(retryDelayMs(-3, middle)).toBe(FIRST_RETRY_MS);
  });
});
