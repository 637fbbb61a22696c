import { useI18n } from 'vue-i18n';

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
    // No timeZone option: times show in the phone's own zone, which is where the customer is.
    formatter = new Intl.DateTimeFormat(locale, OPTIONS[style]);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formats epoch-ms times in the app's language and the device's local time zone. */
export function useLocalTimeFormat() {
  const { locale } = useI18n();
  return {
    formatTime: (epochMs: number, style: TimeStyle = 'dateTime') => formatterFor(locale.value, style).format(epochMs),
    isoTime: (epochMs: number) => new Date(epochMs).toISOString(),
  };
}
