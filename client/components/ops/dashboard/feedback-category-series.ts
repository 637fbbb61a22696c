import type { FeedbackCategoryDayRow } from '../../../../shared/api/ops-analytics';

/**
 * Feedback categories by day, turned into a few lines a chart can hold: the `limit` most
 * frequent categories of the range, each with a count for every day (0 where none).
 */
export function topCategorySeries(
  rows: readonly FeedbackCategoryDayRow[],
  days: readonly string[],
  limit: number,
): { category: string; total: number; values: number[] }[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.category, (totals.get(row.category) ?? 0) + row.count);
  const top = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  return top.map(([category, total]) => {
    const values = days.map(() => 0);
    for (const row of rows) {
      const i = dayIndex.get(row.day);
      if (row.category === category && i !== undefined) values[i] = (values[i] ?? 0) + row.count;
    }
    return { category, total, values };
  });
}
