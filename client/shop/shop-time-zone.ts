/**
 * The shop's time zone, as the server wrote it into the page (server/http/page-settings.ts).
 * Every time the app shows (a slot, a promised day, an event, "the last 7 days") is in it:
 * the shop's calendar decides them, not whatever zone the phone happens to be set to.
 * On the server there is no page to read: its render of the tracking page sets the zone.
 */
export let shopTimeZone = import.meta.env.SSR
  ? 'Asia/Shanghai'
  : document.querySelector<HTMLMetaElement>('meta[name=shop-time-zone]')?.content || 'Asia/Shanghai';

/** For the server's render (client/ssr/render-tracking-page.ts) only; a phone reads its page. */
export function renderInShopTimeZone(timeZone: string): void {
  shopTimeZone = timeZone;
}
