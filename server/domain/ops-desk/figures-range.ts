import { MAX_FIGURES_RANGE_DAYS } from '../../../shared/api/ops-desk';
import { badRequest } from '../../app-error';
import { shopDay, startOfShopDay } from '../../../shared/time/shop-day';

export interface FiguresRange {
  from: string;
  to: string;
  /** [start, end) in epoch ms: the start of `from` to the start of the day after `to`, in the shop's zone. */
  start: number;
  end: number;
}

const DAY = 86_400_000;
const dayNumber = (day: string): number => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) throw badRequest('invalid_date', `${day.slice(0, 20)} is not a date`);
  return ms / DAY;
};
const dayString = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
// Noon UTC falls on the same calendar day in every zone from UTC−11 to UTC+11.
const startOf = (n: number, timeZone: string) => startOfShopDay(n * DAY + DAY / 2, timeZone);

/**
 * The shop days the courier figures cover, both ends included. Without `to` it ends today;
 * without `from` it is the 7 days up to `to`. Reversed or over-long ranges are a 400.
 */
export function figuresRange(query: { from?: string; to?: string }, now: number, timeZone: string): FiguresRange {
  const to = dayNumber(query.to ?? shopDay(now, timeZone));
  const from = query.from === undefined ? to - 6 : dayNumber(query.from);
  if (from > to) throw badRequest('invalid_date_range', '`from` must not be after `to`');
  if (to - from + 1 > MAX_FIGURES_RANGE_DAYS) throw badRequest('invalid_date_range', `A range may span at most ${MAX_FIGURES_RANGE_DAYS} days`);
  return { from: dayString(from), to: dayString(to), start: startOf(from, timeZone), end: startOf(to + 1, timeZone) };
}
