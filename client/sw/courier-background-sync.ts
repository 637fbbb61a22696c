import { runCourierSync } from '../offline/sync-engine';
import { COURIER_SYNC_TAG } from '../offline/sync-signals';

/** Background Sync's event (Chromium only), missing from TypeScript's WebWorker types. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

declare global {
  interface ServiceWorkerGlobalScopeEventMap {
    sync: SyncEvent;
  }
}

/**
 * Sends the courier's outbox with the same engine the page uses, when the browser says the
 * network is back, even after the app was closed. Rejecting the event's promise asks the
 * browser to fire it again later; a pause (signed out) waits for the courier instead.
 */
export function sendCourierOutbox(event: SyncEvent): void {
  if (event.tag !== COURIER_SYNC_TAG) return;
  event.waitUntil(
    runCourierSync().then((outcome) => {
      if (outcome.kind === 'retry_later' || outcome.kind === 'busy') throw new Error(`Courier outbox not sent yet (${outcome.kind})`);
    }),
  );
}
