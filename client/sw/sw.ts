import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { cacheFallbackMarker } from './cache-fallback-marker';
import { sendCourierOutbox } from './courier-background-sync';
import { PROOF_PICTURES_CACHE } from '../offline/proof-pictures-cache';

declare const self: ServiceWorkerGlobalScope;

/** How long a page or a tracking read waits for the network: on a weak signal, an older view now beats a fresh one in half a minute. */
const NETWORK_WAIT_MS = 4_000;

function fetchWithin(request: Request, ms: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    fetch(request).then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

// The app shell: every built file, so the app opens with no network.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

const appShell = createHandlerBoundToURL('index.html');

/**
 * A parcel's tracking page comes from the network while there is one: the server draws the
 * parcel into it (server/http/tracking-page.ts), which the shell can't. With no network, or
 * none within the time the API's reads get, it opens from the shell as every other page does,
 * which shows the last view this phone kept. The drawn page itself is never cached: offline,
 * the shell and the phone's copy say how old the view is; a cached page would pass it as new.
 */
registerRoute(
  new NavigationRoute(
    async (options) => {
      try {
        const page = await fetchWithin(options.request, NETWORK_WAIT_MS);
        if (page.status < 500) return page;
      } catch {
        // No network: the shell below.
      }
      return appShell(options);
    },
    { allowlist: [/^\/t\/[^/]+$/] },
  ),
);
// Other client-side routes open from the precached index.html; API calls are never pages.
registerRoute(new NavigationRoute(appShell, { denylist: [/^\/api\//] }));

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
    networkTimeoutSeconds: NETWORK_WAIT_MS / 1000,
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
