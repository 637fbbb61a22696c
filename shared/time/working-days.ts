/**
 * Working days on a calendar day (YYYY-MM-DD), as payment providers count how long a refund
 * takes ("1–3 个工作日"). Weekends are skipped; public holidays (and China's swapped working
 * weekends) are not known here, so around 春节 or 国庆 the real day can be later — the customer
 * is told "usually", never a promise.
 */

const DAY_MS = 86_400_000;

function isWeekend(dayNumber: number): boolean {
  const weekday = new Date(dayNumber * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The day `count` working days after `day` (a refund paid on Friday, 1 working day: Monday). */
export function addWorkingDays(day: string, count: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let dayNumber = Date.UTC(y, m - 1, d) / DAY_MS;
  let left = count;
  while (left > 0) {
    dayNumber += 1;
    if (!isWeekend(dayNumber)) left -= 1;
  }
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}
