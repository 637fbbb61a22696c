/**
 * A shop-calendar day ("2026-12-16", as the rules answer the last day to ask for a return) in
 * the words the app uses for dates elsewhere: "12月16日周三", "Wed, Dec 16". The day is a
 * calendar date, not an instant, so it is formatted in UTC, where the date cannot shift.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

export function calendarDayLabel(day: string, locale: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!parts) return day;
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
    formatters.set(locale, formatter);
  }
  return formatter.format(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
}
