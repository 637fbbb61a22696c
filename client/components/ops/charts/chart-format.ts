import { formatFen } from '../ops-money';

/**
 * How a dashboard figure is written: counts with grouping, rates as whole percents (one
 * decimal under 10 %, where a point matters), durations in the largest unit that keeps a
 * small number, money in yuan. Null is a figure with nothing to measure: an em dash, never 0.
 */
export type FigureKind = 'count' | 'rate' | 'per100' | 'fen' | 'score' | 'nps' | 'duration';

export function formatFigure(value: number | null | undefined, kind: FigureKind, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (kind) {
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'rate': {
      const percent = value * 100;
      const digits = Math.abs(percent) < 10 && percent !== 0 ? 1 : 0;
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(percent)}%`;
    }
    case 'per100':
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'fen':
      return formatFen(Math.round(value));
    case 'score':
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case 'nps':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(value);
    case 'duration':
      return formatDuration(value, locale);
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "35 min", "4.2 hr", "2.5 days" (zh: "35分钟", "4.2小时", "2.5天"): Intl's own unit words. */
export function formatDuration(ms: number, locale: string): string {
  const unit = (value: number, name: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: name === 'day' ? 'long' : 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  if (ms < HOUR) return unit(Math.max(0, Math.round(ms / MINUTE)), 'minute');
  if (ms < 2 * DAY) return unit(ms / HOUR, 'hour');
  return unit(ms / DAY, 'day');
}
