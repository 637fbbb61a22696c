/** One line of a chart over shop days: a value per day (null where there was nothing to measure). */
export interface TimeSeriesLine {
  key: string;
  label: string;
  values: readonly (number | null)[];
}

/** Seconds since the epoch at UTC midnight of a YYYY-MM-DD: uPlot's time axis counts in seconds. */
export function dayToSeconds(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

/**
 * The y range a chart draws: from zero (a bar of exceptions or a rate starting anywhere else
 * exaggerates a wobble), up to the highest value with a little headroom, or the fixed top for
 * rates. An empty chart still gets an axis.
 */
export function yRange(lines: readonly TimeSeriesLine[], fixed?: { min: number; max: number }): [number, number] {
  if (fixed) return [fixed.min, fixed.max];
  let max = 0;
  let min = 0;
  for (const line of lines) {
    for (const v of line.values) {
      if (v === null) continue;
      if (v > max) max = v;
      if (v < min) min = v;
    }
  }
  if (max === 0 && min === 0) return [0, 1];
  return [min < 0 ? min * 1.1 : 0, max > 0 ? max * 1.1 : 0];
}

/**
 * Index of the day the legend shows when nothing is pointed at: the last day on which some
 * line has a figure other than zero (today, barely begun, reads "订单 0" as if nothing came),
 * else the last day with any figure, or null for a chart with none.
 */
export function latestDayWithFigure(lines: readonly TimeSeriesLine[]): number | null {
  const days = Math.max(0, ...lines.map((line) => line.values.length));
  const lastWhere = (has: (v: number | null) => boolean) => {
    for (let i = days - 1; i >= 0; i--) if (lines.some((line) => has(line.values[i] ?? null))) return i;
    return null;
  };
  return lastWhere((v) => v !== null && v !== 0) ?? lastWhere((v) => v !== null);
}
