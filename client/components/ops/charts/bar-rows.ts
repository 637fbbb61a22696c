/** A row of a bar chart: one value per series (median and p90, say), each with its words. */
export interface BarRow {
  key: string;
  label: string;
  values: readonly (number | null)[];
  texts: readonly string[];
  /** Drawn in the warning colour: the row the page's callout talks about. */
  highlight?: boolean;
}

/** A bar's length as a percent of the longest in the chart; a value is never drawn thinner than a hairline. */
export function barPercent(value: number | null, max: number): number {
  if (value === null || value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(100, (value / max) * 100));
}

export function barMax(rows: readonly BarRow[]): number {
  return rows.reduce((max, row) => row.values.reduce<number>((m, v) => (v !== null && v > m ? v : m), max), 0);
}
