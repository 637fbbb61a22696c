/**
 * What the page must know before its first request: the shop's time zone, which decides
 * pickup slots, promised days and "the last 7 days" on every face (a phone set to UTC must
 * still read 明天 09:00–12:00 for a morning slot in Shanghai). It rides in the page itself as
 * a meta tag, so the first paint and an offline start (the service worker's copy of the
 * page) know it without a round trip. index.html carries the default; the server writes the
 * configured zone over it.
 */
const META = /<meta name="shop-time-zone" content="[^"]*"\s*\/?>/;

export function withShopTimeZone(html: string, timeZone: string): string {
  // Config has checked it is an IANA name; escape anyway, it lands inside an attribute.
  const tag = `<meta name="shop-time-zone" content="${timeZone.replace(/[^A-Za-z0-9_+\-/]/g, '')}" />`;
  return META.test(html) ? html.replace(META, tag) : html.replace('</head>', `${tag}</head>`);
}
