import type { SyncRequest, SyncResponse } from '../../shared/courier/courier-report';
import { ApiError, okResponse } from '../api/api-error';
import { timeoutSignal } from './sync-timeout';

/**
 * The two calls the sync engine makes, as plain fetch: the engine also runs in the service
 * worker, whose type check cannot follow the typed client into the server's code.
 * client/api/courier-api.ts ties these paths to the server's routes at the type level.
 */
export const COURIER_SYNC_PATH = '/api/courier/sync';
export const UPLOADS_PATH = '/api/uploads';

/** A batch that gets no answer in this long is treated like no network: kept and retried. */
const SYNC_TIMEOUT_MS = 20_000;
/** A photo is a few hundred KB; on a weak 3G uplink that takes longer than a batch of reports. */
const UPLOAD_TIMEOUT_MS = 60_000;

/** A body cut off mid-way (signal lost, timeout) is the same as no answer. */
async function readJson<T>(response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw new ApiError(0, 'network_unreachable', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Sends an image under the phone's own key for it and answers the id the server made. 201 and
 * 200 both mean the server has it: 200 is a retry after a lost answer, with the first answer's id.
 */
export async function uploadImage(localKey: string, blob: Blob): Promise<{ id: string }> {
  const response = await okResponse(() =>
    fetch(UPLOADS_PATH, {
      method: 'POST',
      body: blob,
      headers: { 'Content-Type': blob.type || 'image/jpeg', 'Idempotency-Key': localKey },
      credentials: 'same-origin',
      signal: timeoutSignal(UPLOAD_TIMEOUT_MS),
    }),
  );
  return readJson<{ id: string }>(response);
}

export async function sendReports(request: SyncRequest): Promise<SyncResponse> {
  const response = await okResponse(() =>
    fetch(COURIER_SYNC_PATH, {
      method: 'POST',
      body: JSON.stringify(request),
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      signal: timeoutSignal(SYNC_TIMEOUT_MS),
    }),
  );
  return readJson<SyncResponse>(response);
}
