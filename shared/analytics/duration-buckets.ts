import { nearestRankIndex } from './nearest-rank';

/**
 * Log-scale duration buckets for the roll-ups: 16 per doubling from 1 s up to beyond a year,
 * so each bucket is 4.4 % wide. A percentile read from them is the geometric middle of the
 * bucket holding the nearest-rank value: within ±2.2 % of the exact figure (and exact to the
 * bucket for anything under a second, reported as 0). Bucket 0 holds everything below 1 s
 * (negative durations too, from clocks that disagree).
 *
 * Lower bounds are integers computed once here and written to the analytics_buckets table, so
 * SQL and JS put a duration in the same bucket without floating-point logarithms in SQL.
 */
export const BUCKETS_PER_DOUBLING = 16;
const LONGEST_MS = 400 * 86_400_000;

export const BUCKET_LOWER_BOUNDS: readonly number[] = (() => {
  const bounds = [Number.MIN_SAFE_INTEGER];
  for (let k = 0; ; k++) {
    const lo = Math.round(1000 * 2 ** (k / BUCKETS_PER_DOUBLING));
    if (lo > LONGEST_MS) break;
    bounds.push(lo);
  }
  return bounds;
})();

/** The bucket of a duration: the last whose lower bound is ≤ ms. */
export function bucketOf(ms: number): number {
  let lo = 0;
  let hi = BUCKET_LOWER_BOUNDS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (BUCKET_LOWER_BOUNDS[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The figure a bucket stands for: its geometric middle, 0 for bucket 0. */
export function bucketValue(bucket: number): number {
  if (bucket <= 0) return 0;
  const lo = BUCKET_LOWER_BOUNDS[bucket]!;
  const hi = BUCKET_LOWER_BOUNDS[bucket + 1] ?? lo * 2 ** (1 / BUCKETS_PER_DOUBLING);
  return Math.round(Math.sqrt(lo * hi));
}

/** Nearest-rank p-th percentile of a histogram (bucket → count), as its bucket's value; null when empty. */
export function histogramPercentile(histogram: ReadonlyMap<number, number>, p: number): number | null {
  const buckets = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const rank = nearestRankIndex(p, total) + 1;
  let seen = 0;
  for (const [bucket, n] of buckets) {
    seen += n;
    if (seen >= rank) return bucketValue(bucket);
  }
  return bucketValue(buckets[buckets.length - 1]![0]);
}

/** Percentile of raw values the way the roll-ups give it: for checking roll-ups against the formulas. */
export function bucketedPercentile(values: readonly number[], p: number): number | null {
  const histogram = new Map<number, number>();
  for (const v of values) histogram.set(bucketOf(v), (histogram.get(bucketOf(v)) ?? 0) + 1);
  return histogramPercentile(histogram, p);
}
