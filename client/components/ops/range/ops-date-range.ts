import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/**
 * The span of shop days a console page looks at. It lives in the address bar (`range=7d`, or
 * `from=…&to=…` for a custom one), so a chart can be bookmarked or sent to a colleague and
 * moving between the dashboard, the process map and the couriers keeps the same span.
 */
export const RANGE_PRESETS = ['7d', '30d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export interface OpsDateRange {
  preset: RangePreset | 'custom';
  /** Shop days, YYYY-MM-DD, both inclusive. */
  from: string;
  to: string;
}

/** The span a page opens on: the demo data and a month-end review both cover about a month. */
export const DEFAULT_PRESET: RangePreset = '30d';
/** The server refuses longer spans; the form says so before asking. */
export const MAX_RANGE_DAYS = 366;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PRESET_DAYS: Record<RangePreset, number> = { '7d': 7, '30d': 30 };

const first = (value: LocationQuery[string] | undefined): string => {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one : '';
};

/** Day number since 1970-01-01 of a YYYY-MM-DD, or NaN when it is no calendar day. */
export function dayNumber(day: string): number {
  if (!DAY.test(day)) return Number.NaN;
  const time = Date.parse(`${day}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March; a real day prints back the same.
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day) return Number.NaN;
  return time / 86_400_000;
}

export function dayFromNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayFromNumber(dayNumber(day) + days);
}

/** How many days the span covers (both ends count): 1 for a single day. */
export function rangeDays(range: Pick<OpsDateRange, 'from' | 'to'>): number {
  return dayNumber(range.to) - dayNumber(range.from) + 1;
}

/** The last `preset` days up to and including today. */
export function presetRange(preset: RangePreset, today: string): OpsDateRange {
  return { preset, from: addDays(today, -(PRESET_DAYS[preset] - 1)), to: today };
}

export type RangeProblem = 'invalid_day' | 'backwards' | 'too_long';

/** Why a custom span cannot be asked for, or null when it can. */
export function rangeProblem(from: string, to: string): RangeProblem | null {
  if (Number.isNaN(dayNumber(from)) || Number.isNaN(dayNumber(to))) return 'invalid_day';
  if (from > to) return 'backwards';
  if (rangeDays({ from, to }) > MAX_RANGE_DAYS) return 'too_long';
  return null;
}

/**
 * Whatever the address bar holds becomes a valid span: a custom one that makes sense, else the
 * preset it names, else the default. Presets are worked out from today, so a bookmarked
 * "last 7 days" is always the last seven.
 */
export function rangeFromQuery(query: LocationQuery, today: string): OpsDateRange {
  const from = first(query.from);
  const to = first(query.to);
  if ((from || to) && rangeProblem(from, to) === null) return { preset: 'custom', from, to };
  const preset = first(query.range);
  return presetRange(RANGE_PRESETS.includes(preset as RangePreset) ? (preset as RangePreset) : DEFAULT_PRESET, today);
}

/** The address-bar form: a preset by its name (the default left out), a custom span by its days. */
export function rangeToQuery(range: OpsDateRange): LocationQueryRaw {
  if (range.preset === 'custom') return { from: range.from, to: range.to };
  return range.preset === DEFAULT_PRESET ? {} : { range: range.preset };
}

/** Other query keys a page keeps (filters), with the span's own keys replaced. */
export function withRange(query: LocationQuery, range: OpsDateRange): LocationQueryRaw {
  const rest: LocationQueryRaw = { ...query };
  delete rest.range;
  delete rest.from;
  delete rest.to;
  return { ...rest, ...rangeToQuery(range) };
}

/** The API's `from`/`to` for a span: shop days, inclusive. */
export function rangeRequestQuery(range: OpsDateRange): { from: string; to: string } {
  return { from: range.from, to: range.to };
}

/** Only the span's own keys of a query: what a link to another range page carries over. */
export function rangeKeysOf(query: LocationQuery): LocationQueryRaw {
  const kept: LocationQueryRaw = {};
  for (const key of ['range', 'from', 'to'] as const) if (query[key] !== undefined) kept[key] = query[key];
  return kept;
}
