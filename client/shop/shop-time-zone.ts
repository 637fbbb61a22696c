/**
 * The shop's time zone, as the server wrote it into the page (server/http/page-settings.ts).
 * Every time the app shows (a slot, a promised day, an event, "the last 7 days") is in it:
 * the shop's calendar decides them, not whatever zone the phone happens to be set to.
 */
export const shopTimeZone = document.querySelector<HTMLMetaElement>('meta[name=shop-time-zone]')?.content || 'Asia/Shanghai';
