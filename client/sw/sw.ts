import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { cacheFallbackMarker } from './cache-fallback-marker';
import { sendCourierOutbox } from './courier-background-sync';
import { PROOF_PICTURES_CACHE } from '../offline/proof-pictures-cache';

declare const self: ServiceWorkerGlobalScope;

// The app shell: every built file, so the app opens with no network.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Client-side routes (/t/DS…) open from the precached index.html; API calls are never pages.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

/**
 * Only public, personal-data-free reads are kept: a parcel's public view and the demo list.
 * Never `/details` (names, addresses) and never `/stream` (an endless response).
 */
const PUBLIC_TRACKING_VIEW = /^\/api\/track\/[^/]+$/;
const DEMO_DIRECTORY = '/api/demo';

registerRoute(
  ({ url, sameOrigin }) => sameOrigin && (PUBLIC_TRACKING_VIEW.test(url.pathname) || url.pathname === DEMO_DIRECTORY),
  new NetworkFirst({
    cacheName: 'doorstep-public-tracking',
    // On a weak signal an older answer now beats a fresh one in half a minute.
    networkTimeoutSeconds: 4,
    plugins: [new ExpirationPlugin({ maxEntries: 50, maxAgeSeconds: 30 * 24 * 3600 }), cacheFallbackMarker],
  }),
  'GET',
);

/**
 * Pictures are personal and never cached by the worker. A verified customer's page keeps the
 * proof of delivery's photo and signature in a cache of its own while the verification lasts
 * (client/offline/verified-details-copy.ts); with no network they are answered from there.
 */
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/api/uploads/'),
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch (error) {
      const kept = await caches.match(request, { cacheName: PROOF_PICTURES_CACHE });
      if (kept) return kept;
      throw error;
    }
  },
  'GET',
);

/**
 * The barcode polyfill's wasm (~1 MB) is not precached, or every customer would download it for
 * a scanner they never open. The courier face fetches it while online and it is kept here; its
 * name is hashed, so the copy never goes stale, and only the newest build's one is kept.
 */
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/') && url.pathname.endsWith('.wasm'),
  new CacheFirst({ cacheName: 'doorstep-scanner', plugins: [new ExpirationPlugin({ maxEntries: 1 })] }),
  'GET',
);

// The page's "update available — reload" button asks the waiting worker to take over.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The courier's outbox, sent by the worker when the network returns (Chromium's Background Sync;
// the page sends by itself everywhere else).
self.addEventListener('sync', sendCourierOutbox);

// The first visit is controlled too, so its parcel is cached without a second visit.
clientsClaim();
