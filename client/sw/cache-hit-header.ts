/**
 * The header the service worker adds to an answer it served from its cache because the
 * network failed. Shared by the worker and the page, which shows "last updated at …" for it.
 */
export const CACHE_HIT_HEADER = 'X-Doorstep-Cache';
export const CACHE_HIT_VALUE = 'hit';
