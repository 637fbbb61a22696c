import type { BarRow } from './bar-rows';
import type { FigureColumn, FigureRow } from './figure-table';
import type { TimeSeriesLine } from './time-series';

/**
 * What a chart card draws, as data rather than as a slot: Vue's slot helpers would join the
 * runtime chunk every customer downloads (no customer page uses slots), for a first load that
 * has no room left (quality.md, 60 KB).
 */
export type ChartSpec =
  | {
    kind: 'time';
    days: readonly string[];
    lines: readonly TimeSeriesLine[];
    format: (value: number) => string;
    fixedRange?: { min: number; max: number };
  }
  | { kind: 'bars'; labelHeader: string; series: readonly { key: string; label: string }[]; rows: readonly BarRow[] };

/** The same figures as a table, behind "show the figures". */
export interface ChartTable {
  columns: readonly FigureColumn[];
  rows: readonly FigureRow[];
}
