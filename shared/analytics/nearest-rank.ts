/**
 * Nearest-rank percentile: the p-th percentile of n values sorted ascending is the value at
 * 1-based rank ceil(p × n / 100). Always one of the values (no interpolation), so SQL can
 * pick the same row with ROW_NUMBER() and integer arithmetic: rank = (p × n + 99) / 100.
 */
export function nearestRankIndex(p: number, n: number): number {
  return Math.floor((p * n + 99) / 100) - 1;
}

/** p-th percentile (0 < p ≤ 100) of `values` by nearest rank; null for no values. */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, nearestRankIndex(p, sorted.length))]!;
}
