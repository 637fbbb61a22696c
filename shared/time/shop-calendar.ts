/**
 * Calendar days in the shop's own time zone. Return windows are counted in days a customer
 * can see on a calendar ("7 days from the day after delivery"), not in 24-hour periods.
 */

/** The shop's calendar day (YYYY-MM-DD) at `at`. */
export function shopDate(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Days since 1970-01-01 of the shop's calendar day at `at`: subtracting two gives whole days. */
export function shopDayNumber(at: number, timeZone: string): number {
  const [y, m, d] = shopDate(at, timeZone).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** The YYYY-MM-DD that is `days` after the shop's day at `at`. */
export function shopDatePlusDays(at: number, timeZone: string, days: number): string {
  return new Date((shopDayNumber(at, timeZone) + days) * 86_400_000).toISOString().slice(0, 10);
}
