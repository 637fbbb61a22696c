import { COURIER_SYNC_TAG } from './sync-signals';

/** Background Sync is Chromium-only and missing from TypeScript's DOM types. */
interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/**
 * Asks the service worker to send the outbox when the browser next has a network, even if
 * the courier has closed the app by then. Where there is no Background Sync (Safari,
 * Firefox), no worker yet, or permission is refused, the page's own triggers still send.
 */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (registration as (ServiceWorkerRegistration & { sync?: SyncManagerLike }) | undefined)?.sync;
    await sync?.register(COURIER_SYNC_TAG);
  } catch {
    // Refused or unsupported: nothing is lost, only the worker's extra chance to send.
  }
}
