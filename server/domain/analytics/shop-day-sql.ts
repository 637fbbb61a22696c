import { sql, type RawBuilder } from 'kysely';
import { daysOfRange, nextDay, shopDayStart } from '../../../shared/analytics/shop-days';

const DAY = 86_400_000;

/**
 * Buckets an epoch-ms column into the shop's calendar days inside SQL, as a day number
 * (days since 1970-01-01 of the local date), with integer arithmetic that SQLite and
 * PostgreSQL both index-scan happily: floor((t + offset) / 1 day). A zone whose offset
 * changes inside the range (DST) gets one CASE branch per stretch of equal offset, so
 * every day is still exact. Asia/Shanghai needs a single branch.
 */
export function shopDayNumberSql(column: RawBuilder<unknown>, from: string, to: string, timeZone: string): RawBuilder<number> {
  const stretches = offsetStretches(from, to, timeZone);
  // Integer literals (not parameters): PostgreSQL then keeps bigint arithmetic, SQLite integer division.
  const bucket = (offset: number) => sql<number>`((${column} + ${sql.lit(offset)}) / ${sql.lit(DAY)})`;
  if (stretches.length === 1) return bucket(stretches[0]!.offset);
  const branches = stretches.slice(0, -1).map((s) => sql`WHEN ${column} < ${sql.lit(s.end)} THEN ${bucket(s.offset)}`);
  return sql<number>`(CASE ${sql.join(branches, sql` `)} ELSE ${bucket(stretches[stretches.length - 1]!.offset)} END)`;
}

type Stretch = { offset: number; end: number };
const stretchCache = new Map<string, Stretch[]>();

/** Runs of days with the same UTC offset; remembered, as the zone's rules do not change while running. */
function offsetStretches(from: string, to: string, timeZone: string): Stretch[] {
  const key = `${timeZone}|${from}|${to}`;
  const cached = stretchCache.get(key);
  if (cached) return cached;
  const stretches: Stretch[] = [];
  let start = shopDayStart(from, timeZone);
  for (const day of daysOfRange(from, to)) {
    const offset = Date.parse(`${day}T00:00:00Z`) - start;
    const end = shopDayStart(nextDay(day), timeZone);
    const last = stretches[stretches.length - 1];
    if (last && last.offset === offset) last.end = end;
    else stretches.push({ offset, end });
    start = end;
  }
  if (stretchCache.size > 1000) stretchCache.clear();
  stretchCache.set(key, stretches);
  return stretches;
}

/** YYYY-MM-DD of a day number. */
export const dayOfNumber = (n: number | string): string => new Date(Number(n) * DAY).toISOString().slice(0, 10);
