/** The shop's calendar day (YYYY-MM-DD) at `now`, in its own time zone: a courier's "today". */
export function shopDay(now: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Epoch ms of midnight starting the shop's day that contains `now`. */
export function startOfShopDay(now: number, timeZone: string): number {
  const [y, m, d] = shopDay(now, timeZone).split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // The zone's offset at that moment: format it back and compare (no DST in China, but other shops may have it).
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(utcMidnight);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asIfUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return utcMidnight - (asIfUtc - utcMidnight);
}
