import type { PickupSlot } from '../../../shared/api/return-views';

/**
 * A pickup slot in words, "明天 09:00–12:00" or "Wed, 12 Jun, 09:00–12:00", in the shop's
 * time zone (the caller passes it: client/shop/shop-time-zone.ts), whatever the phone's is. Today and tomorrow are named: that is how
 * people choose when to be home. Once the slot is history (the parcel was collected) there is
 * no `now` to count from: "tomorrow" would then mean the day after whenever the page is read.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, made);
  }
  return made;
}

/** Days since the epoch of the calendar day `epochMs` falls on in that zone. */
function calendarDay(epochMs: number, timeZone: string): number {
  // en-CA writes dates as YYYY-MM-DD, which Date.UTC can take apart without guessing.
  const [y, m, d] = formatter('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(epochMs)
    .split('-')
    .map(Number);
  return Math.round(Date.UTC(y!, m! - 1, d!) / DAY_MS);
}

function dayName(slot: PickupSlot, locale: string, now: number | null, timeZone: string): string {
  const ahead = now === null ? null : calendarDay(slot.start, timeZone) - calendarDay(now, timeZone);
  if (ahead === 0 || ahead === 1) {
    const word = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(ahead, 'day');
    return word.charAt(0).toLocaleUpperCase(locale) + word.slice(1);
  }
  return formatter(locale, timeZone, { weekday: 'short', month: 'short', day: 'numeric' }).format(slot.start);
}

/** `now: null` always names the date. */
export function pickupSlotLabel(slot: PickupSlot, locale: string, now: number | null, timeZone: string): string {
  const clock = formatter(locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const separator = locale.startsWith('zh') ? ' ' : ', ';
  return `${dayName(slot, locale, now, timeZone)}${separator}${clock.format(slot.start)}–${clock.format(slot.end)}`;
}

/**
 * The zone's name in words ("中国标准时间", "China Standard Time") when the phone is set to
 * another zone, so a customer abroad knows whose clock the slots are on; null when they match.
 */
export function otherZoneName(locale: string, timeZone: string, phoneTimeZone: string): string | null {
  if (phoneTimeZone === timeZone) return null;
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(0);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}
