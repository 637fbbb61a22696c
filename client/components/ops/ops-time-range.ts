/**
 * A span of time as staff read it elsewhere in the ops face (the date and time of an event),
 * with the date written once when both ends fall on the same day: "Dec 1, 9:00 AM–12:00 PM",
 * "12月1日 9:00–12:00". Intl's own formatRange would do it, but in Chinese it switches to
 * "12/1", unlike every other date on the page. The device's zone unless one is given (tests pin it).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, made);
  }
  return made;
}

// The same fields as useLocalTimeFormat's eventTime, so a slot looks like the times around it.
const DATE_AND_TIME: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
// en-CA writes YYYY-MM-DD: equal strings are the same calendar day in that zone.
const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

export function timeRangeText(start: number, end: number, locale: string, timeZone?: string): string {
  const full = formatter(locale, timeZone, DATE_AND_TIME);
  const day = formatter('en-CA', timeZone, DAY);
  const endText = day.format(start) === day.format(end) ? formatter(locale, timeZone, TIME).format(end) : full.format(end);
  return `${full.format(start)}–${endText}`;
}
