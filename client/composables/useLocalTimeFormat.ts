import { useI18n } from 'vue-i18n';
import { shopTimeZone } from '../shop/shop-time-zone';

type TimeStyle = 'dateTime' | 'date' | 'eventTime';

const OPTIONS: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  date: { weekday: 'short', month: 'short', day: 'numeric' },
  eventTime: { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
};

// Building an Intl formatter is slow compared with using one; a timeline formats dozens.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, style: TimeStyle): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // The shop's zone, not the phone's: a promised day or a slot is a day on the shop's calendar.
    formatter = new Intl.DateTimeFormat(locale, { ...OPTIONS[style], timeZone: shopTimeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

// The first formatter a page builds also loads ICU's data: ~20 ms on this machine, four times
// that on a slow phone. Built in a task of its own while the page's chunks are still loading,
// it is not part of the app's first render, the page's longest task (issue 13).
if (!import.meta.env.SSR) setTimeout(() => formatterFor(document.documentElement.lang, 'eventTime'));

/** Formats epoch-ms times in the app's language and the shop's time zone. */
export function useLocalTimeFormat() {
  const { locale } = useI18n();
  return {
    formatTime: (epochMs: number, style: TimeStyle = 'dateTime') => formatterFor(locale.value, style).format(epochMs),
    isoTime: (epochMs: number) => new Date(epochMs).toISOString(),
  };
}
