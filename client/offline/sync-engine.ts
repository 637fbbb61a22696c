import { ApiError } from '../api/api-error';
import { type CourierDb, openCourierDb, readMeta, writeMeta } from './courier-db';
import type { OutboxEntry } from './outbox-records';
import { markPhotoUploaded, pauseSync, settleReports } from './outbox-store';
import { batchReports, imageIdsOf } from './sync-batches';
import { actionForSendFailure, actionForUploadFailure } from './sync-failure';
import { reportForServer, serverIdOf } from './sync-photo-ids';
import { planSettlement, problemFor } from './sync-results';
import { announceOutboxChange } from './sync-signals';
import { sendReports, uploadImage } from './sync-transport';

/**
 * Sends the outbox: for each batch (seq order), its images first, then its reports; then
 * settles each report by its own answer. Runs in the page and in the service worker, so it
 * imports nothing from Vue or Pinia and keeps all decisions in the pure sync-* modules.
 */
export type SyncRunOutcome =
  | { kind: 'nothing_waiting' }
  /** Every report sent got an answer (some may have become problems). */
  | { kind: 'all_answered'; settled: number; problems: number }
  | { kind: 'paused' }
  /** No answer, or not for every report: what is left stays queued for the next try. */
  | { kind: 'retry_later'; settled: number; problems: number }
  /** Another run (this context, another tab or the service worker) is sending right now. */
  | { kind: 'busy' };

interface Tally {
  settled: number;
  problems: number;
  unanswered: number;
}

type BatchStep = { kind: 'done' } | { kind: 'split'; singles: OutboxEntry[][] } | { kind: 'stop'; outcome: 'paused' | 'retry_later' };

const LOCK_NAME = 'doorstep-courier-sync';
let running = false;

export async function runCourierSync(): Promise<SyncRunOutcome> {
  if (running) return { kind: 'busy' };
  running = true;
  try {
    return await withSyncLock(syncOutbox);
  } finally {
    running = false;
  }
}

/** One sender across page and worker where the browser has Web Locks; the server's idempotency covers the rest. */
async function withSyncLock(run: () => Promise<SyncRunOutcome>): Promise<SyncRunOutcome> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return run();
  return locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => (lock ? run() : { kind: 'busy' as const }));
}

async function syncOutbox(): Promise<SyncRunOutcome> {
  const db = await openCourierDb();
  if (await readMeta(db, 'syncPause')) return { kind: 'paused' };
  const waiting = await db.getAllFromIndex('reports', 'by-seq');
  if (waiting.length === 0) return { kind: 'nothing_waiting' };

  const tally: Tally = { settled: 0, problems: 0, unanswered: 0 };
  const queue = batchReports(waiting);
  try {
    while (queue.length > 0) {
      const batch = queue.shift()!;
      const step = await sendBatch(db, batch, tally);
      if (step.kind === 'split') queue.unshift(...step.singles);
      else if (step.kind === 'stop') {
        return step.outcome === 'paused' ? { kind: 'paused' } : { kind: 'retry_later', settled: tally.settled, problems: tally.problems };
      }
    }
  } finally {
    if (tally.settled + tally.problems > 0) announceOutboxChange();
  }
  const counts = { settled: tally.settled, problems: tally.problems };
  return tally.unanswered > 0 ? { kind: 'retry_later', ...counts } : { kind: 'all_answered', ...counts };
}

async function sendBatch(db: CourierDb, batch: OutboxEntry[], tally: Tally): Promise<BatchStep> {
  const images = await uploadImagesFor(db, batch, tally);
  if (images.kind === 'stop') return images;
  // Each report as the server must see it: its images by the ids the server made for them.
  const outgoing = batch.flatMap((entry) => {
    const report = images.refusedReports.has(entry.id) ? null : reportForServer(entry.report, images.serverIds);
    return report ? [{ entry, report }] : [];
  });
  const sendable = outgoing.map(({ entry }) => entry);
  if (sendable.length === 0) return { kind: 'done' };

  let response;
  try {
    response = await sendReports({ sentAt: Date.now(), reports: outgoing.map(({ report }) => report) });
  } catch (error) {
    const failure = asApiError(error);
    const action = actionForSendFailure(failure, sendable.length);
    if (action === 'split') return { kind: 'split', singles: sendable.map((entry) => [entry]) };
    if (action === 'refuse') {
      await keepAsProblems(db, sendable, failure.code, failure.message, tally);
      return { kind: 'done' };
    }
    return stopFor(db, action);
  }

  const plan = planSettlement(sendable, response.results, Date.now());
  await settleReports(plan, db);
  await writeMeta(db, 'clockSkewMs', response.clockSkewMs ?? null);
  await writeMeta(db, 'lastSyncedAt', Date.now());
  tally.settled += plan.remove.length;
  tally.problems += plan.problems.length;
  tally.unanswered += plan.keep.length;
  return { kind: 'done' };
}

type ImageStep =
  /** `serverIds`: the server's id for each image key of the batch; `refusedReports`: reports kept as problems instead. */
  | { kind: 'ready'; serverIds: Map<string, string>; refusedReports: Set<string> }
  | { kind: 'stop'; outcome: 'paused' | 'retry_later' };

/**
 * Reports point at images, so the server must hold every image, and the phone must know the id
 * the server gave it, before the report goes. An upload whose answer was lost is sent again
 * under the same key and the server answers the same id: one photo, however many tries.
 */
async function uploadImagesFor(db: CourierDb, batch: OutboxEntry[], tally: Tally): Promise<ImageStep> {
  const serverIds = new Map<string, string>();
  const refusedReports = new Set<string>();
  const refuse = async (key: string, code: string, message: string) => {
    const affected = batch.filter((entry) => imageIdsOf(entry.report).includes(key) && !refusedReports.has(entry.id));
    for (const entry of affected) refusedReports.add(entry.id);
    await keepAsProblems(db, affected, code, message, tally);
  };
  for (const key of new Set(batch.flatMap((entry) => imageIdsOf(entry.report)))) {
    const photo = await db.get('photos', key);
    // Gone from the phone: it can never reach the server, and the server would refuse the report without it.
    if (!photo) {
      await refuse(key, 'photo_not_uploaded', 'The photo is no longer on this phone');
      continue;
    }
    const known = serverIdOf(photo);
    if (known) {
      serverIds.set(key, known);
      continue;
    }
    try {
      const { id } = await uploadImage(key, photo.blob);
      await markPhotoUploaded(key, id, db);
      serverIds.set(key, id);
    } catch (error) {
      const failure = asApiError(error);
      const action = actionForUploadFailure(failure);
      if (action !== 'refuse') return stopFor(db, action);
      await refuse(key, 'photo_refused', failure.message);
    }
  }
  return { kind: 'ready', serverIds, refusedReports };
}

async function keepAsProblems(db: CourierDb, entries: OutboxEntry[], code: string, message: string, tally: Tally): Promise<void> {
  const now = Date.now();
  const problems = entries.map((entry) => problemFor(entry, { outcome: 'rejected', code, message }, now));
  await settleReports({ remove: [], problems }, db);
  tally.problems += problems.length;
}

async function stopFor(db: CourierDb, action: 'pause' | 'retry'): Promise<{ kind: 'stop'; outcome: 'paused' | 'retry_later' }> {
  if (action === 'pause') {
    await pauseSync(Date.now(), db);
    announceOutboxChange();
    return { kind: 'stop', outcome: 'paused' };
  }
  return { kind: 'stop', outcome: 'retry_later' };
}

/** Anything that is not the API's answer (a storage hiccup, a bug) is retried, never taken as the server's word. */
function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'sync_failed', error instanceof Error ? error.message : String(error));
}
