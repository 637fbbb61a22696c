/**
 * Order and stock-document numbers: a prefix, the shop day, and the row's id — unique by
 * construction, readable on the phone, and in date order. The row is inserted first under a
 * placeholder and numbered from its id in the same transaction. Order numbers keep the demo's
 * form (day + 10 digits, no prefix).
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function shopDayStamp(at: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // Made once per zone: building a formatter costs more than an order's whole insert.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(at).replaceAll('-', '');
}

export function numberFromId(prefix: string, id: number, at: number, timeZone: string, digits = 8): string {
  return `${prefix}${shopDayStamp(at, timeZone)}${String(id).padStart(digits, '0')}`;
}

/** A unique stand-in until the row has its id. */
export const placeholderNumber = (): string => `pending-${crypto.randomUUID()}`;
