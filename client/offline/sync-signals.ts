/**
 * How the contexts that share the outbox (the page, other tabs, the service worker) tell
 * each other it changed, so every screen shows what the database holds.
 */
const CHANGE_CHANNEL = 'doorstep-courier-outbox';

/** The Background Sync tag the page registers and the service worker answers. */
export const COURIER_SYNC_TAG = 'courier-outbox';

export function announceOutboxChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANGE_CHANNEL);
  channel.postMessage('changed');
  channel.close();
}

/** Calls `listener` whenever any context (this one included) changed the outbox; returns the unsubscribe. */
export function listenForOutboxChanges(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANGE_CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
