/**
 * Shop days as epoch-ms intervals, so a report can bucket timestamps by the shop's calendar
 * (a day in Asia/Shanghai starts at 16:00 UTC the day before) in JS and in SQL alike.
 */

/** Every YYYY-MM-DD from `from` to `to`, both included. */
export function daysOfRange(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** The day after `day`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string) => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
};

/** The zone's UTC offset (ms, east positive) at instant `at`. */
function offsetAt(at: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}

/** Epoch ms at which the shop's day `day` begins (its local midnight, or the first instant after a skipped one). */
export function shopDayStart(day: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  let guess = utcMidnight - offsetAt(utcMidnight, timeZone);
  // A second pass settles days whose offset differs from the UTC midnight's (DST changes).
  guess = utcMidnight - offsetAt(guess, timeZone);
  const dateAt = (t: number) => {
    const parts = formatterFor(timeZone).formatToParts(t);
    const get = (type: string) => parts.find((p) => p.type === type)!.value.padStart(2, '0');
    return `${get('year')}-${get('month')}-${get('day')}`;
  };
  while (dateAt(guess - 1) === day) guess -= 60_000;
  while (dateAt(guess) < day) guess += 60_000;
  return guess;
}

/** [start, end) epoch ms of the whole range of shop days. */
export function rangeBounds(from: string, to: string, timeZone: string): { start: number; end: number } {
  return { start: shopDayStart(from, timeZone), end: shopDayStart(nextDay(to), timeZone) };
}
