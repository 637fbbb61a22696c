import type { CourierManifest } from '../../shared/courier/manifest';
import { timeoutSignal } from '../offline/sync-timeout';
import { api } from './api-client';
import { okResponse } from './api-error';

/** A weak signal that never answers must not leave the refresh button spinning: the saved copy is on screen. */
const MANIFEST_TIMEOUT_MS = 20_000;

/** Today's stops in route order; 401 when the session has expired, 403 for staff. */
export async function fetchManifest(): Promise<CourierManifest> {
  const response = await okResponse(() => api.courier.manifest.$get(undefined, { init: { signal: timeoutSignal(MANIFEST_TIMEOUT_MS) } }));
  return (await response.json()) as CourierManifest;
}

/**
 * The sync engine calls `POST /api/courier/sync` and `POST /api/uploads` with plain fetch
 * (client/offline/sync-transport.ts), because it runs in the service worker too. Naming the
 * routes here through the typed client makes a renamed or removed route break the build.
 */
export type CourierSyncRoute = typeof api.courier.sync.$post;
export type ImageUploadRoute = typeof api.uploads.$post;
