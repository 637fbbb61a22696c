import { startOfShopDay } from '../../../shared/time/shop-day';
import { badRequest } from '../../app-error';

/**
 * A list filter's `from`/`to`: shop-calendar days (the shop's time zone), both included, as
 * [start, end) epoch ms; either end may be open. Used by every ops list that filters by day.
 */
export function dayRange(from: string | undefined, to: string | undefined, timeZone: string): { start?: number; end?: number } {
  const day = (s: string) => {
    const ms = Date.parse(`${s}T12:00:00Z`);
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== s) throw badRequest('invalid_date', `${s} is not a date`);
    return startOfShopDay(ms, timeZone);
  };
  const start = from ? day(from) : undefined;
  const end = to ? day(to) + 86_400_000 : undefined;
  if (start !== undefined && end !== undefined && end <= start) throw badRequest('invalid_date_range', '`from` must not be after `to`');
  return { start, end };
}
