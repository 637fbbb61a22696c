import type { WorkboxPlugin } from 'workbox-core/types';
import { CACHE_HIT_HEADER, CACHE_HIT_VALUE } from './cache-hit-header';

/**
 * Marks answers that came from the cache instead of the network, so the page can say
 * "last updated at …" rather than pass an old view off as current. NetworkFirst reads its
 * cache only when the network failed or was too slow, so every cached answer is a fallback.
 */
export const cacheFallbackMarker: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ cachedResponse }) => {
    if (!cachedResponse) return null;
    const headers = new Headers(cachedResponse.headers);
    headers.set(CACHE_HIT_HEADER, CACHE_HIT_VALUE);
    return new Response(await cachedResponse.blob(), {
      status: cachedResponse.status,
      statusText: cachedResponse.statusText,
      headers,
    });
  },
};
