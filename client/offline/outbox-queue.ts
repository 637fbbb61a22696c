import type { CourierReport } from '../../shared/courier/courier-report';
import { type CourierDb, openCourierDb } from './courier-db';
import { localStopProgress } from './courier-stop-progress';
import { newUuid } from './courier-uuid';
import type { OutboxEntry } from './outbox-records';

/** What the stop page fills in; the outbox adds the id, device, seq and shipment version. */
export type ReportDraft = Omit<CourierReport, 'id' | 'deviceId' | 'seq' | 'shipmentVersion'>;

export interface DraftImage {
  id: string;
  blob: Blob;
}

export class StopNotOnManifestError extends Error {
  constructor(readonly trackingNo: string) {
    super(`${trackingNo} is not on this phone's manifest`);
    this.name = 'StopNotOnManifestError';
  }
}

/**
 * Saves a report with its images in one transaction, which also takes the next seq and works
 * out the shipment version from the stop and the reports already waiting on it. `strict`
 * durability: the promise resolves only once the browser has flushed it to disk, so
 * "saved" on screen survives the battery dying a second later.
 */
export async function queueReport(draft: ReportDraft, images: readonly DraftImage[], db?: CourierDb): Promise<OutboxEntry> {
  db ??= await openCourierDb();
  const tx = db.transaction(['meta', 'manifest', 'reports', 'photos'], 'readwrite', { durability: 'strict' });
  const meta = tx.objectStore('meta');
  const [deviceId, nextSeq, stored, waitingOnStop] = await Promise.all([
    meta.get('deviceId') as Promise<string | undefined>,
    meta.get('nextSeq') as Promise<number | undefined>,
    tx.objectStore('manifest').get('today'),
    tx.objectStore('reports').index('by-tracking-no').getAll(draft.trackingNo),
  ]);
  const stop = stored?.manifest.stops.find((s) => s.trackingNo === draft.trackingNo);
  if (!stop || !deviceId) {
    // Aborting rejects tx.done; nothing else waits on it here.
    tx.done.catch(() => undefined);
    tx.abort();
    throw new StopNotOnManifestError(draft.trackingNo);
  }
  const seq = nextSeq ?? 1;
  const now = Date.now();
  const report: CourierReport = {
    ...draft,
    id: newUuid(),
    deviceId,
    seq,
    shipmentVersion: localStopProgress(stop, waitingOnStop).version,
  };
  const entry: OutboxEntry = { id: report.id, seq, trackingNo: report.trackingNo, report, savedAt: now, courierId: stored?.courierId };
  await Promise.all([
    meta.put(seq + 1, 'nextSeq'),
    tx.objectStore('reports').add(entry),
    ...images.map((image) => tx.objectStore('photos').put({ id: image.id, blob: image.blob, uploaded: false, savedAt: now })),
    tx.done,
  ]);
  return entry;
}
