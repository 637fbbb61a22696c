import { type CourierDb, openCourierDb, readMeta, writeMeta } from './courier-db';
import type { KeptProblem, OutboxEntry, StoredPhoto, SyncPause } from './outbox-records';
import { imageIdsOf } from './sync-batches';
import { imagesFreeToDelete, type SettlementPlan } from './sync-results';

export async function listWaitingReports(db?: CourierDb): Promise<OutboxEntry[]> {
  db ??= await openCourierDb();
  return db.getAllFromIndex('reports', 'by-seq');
}

export async function listProblems(db?: CourierDb): Promise<KeptProblem[]> {
  db ??= await openCourierDb();
  return db.getAll('problems');
}

export async function findStoredPhoto(id: string, db?: CourierDb): Promise<StoredPhoto | undefined> {
  db ??= await openCourierDb();
  return db.get('photos', id);
}

/**
 * Keeps the id the server made for a photo, so a report needing it can go. Not flushed strictly:
 * if this is lost, the next upload under the same key gets the same id back.
 */
export async function markPhotoUploaded(id: string, serverId: string, db: CourierDb): Promise<void> {
  const tx = db.transaction('photos', 'readwrite');
  const photo = await tx.store.get(id);
  if (photo && photo.serverId !== serverId) await tx.store.put({ ...photo, uploaded: true, serverId });
  await tx.done;
}

/**
 * Applies the server's answers in one transaction: done reports leave, refused ones become
 * kept problems, and images nobody waiting needs any more are deleted. A report another
 * context (the service worker, another tab) already settled is left as that context left it.
 */
export async function settleReports(plan: Pick<SettlementPlan, 'remove' | 'problems'>, db: CourierDb): Promise<void> {
  const tx = db.transaction(['reports', 'problems', 'photos'], 'readwrite', { durability: 'strict' });
  const reports = tx.objectStore('reports');
  const released: string[] = [];
  for (const id of plan.remove) {
    const entry = await reports.get(id);
    if (!entry) continue;
    released.push(...imageIdsOf(entry.report));
    await reports.delete(id);
  }
  for (const problem of plan.problems) {
    const entry = await reports.get(problem.id);
    if (!entry) continue;
    released.push(...imageIdsOf(entry.report));
    await tx.objectStore('problems').put(problem);
    await reports.delete(problem.id);
  }
  const stillWaiting = await reports.getAll();
  for (const id of imagesFreeToDelete(released, stillWaiting)) await tx.objectStore('photos').delete(id);
  await tx.done;
}

/** Moves a problem to the history; it is never deleted. */
export async function dismissProblem(id: string, at: number, db?: CourierDb): Promise<void> {
  db ??= await openCourierDb();
  const tx = db.transaction('problems', 'readwrite');
  const problem = await tx.store.get(id);
  if (problem && problem.dismissedAt === null) await tx.store.put({ ...problem, dismissedAt: at });
  await tx.done;
}

/** Sending stops until the courier signs in again; the service worker reads this too. */
export async function pauseSync(since: number, db?: CourierDb): Promise<void> {
  db ??= await openCourierDb();
  await writeMeta(db, 'syncPause', { reason: 'signed_out', since });
}

export async function resumeSync(db?: CourierDb): Promise<void> {
  db ??= await openCourierDb();
  await writeMeta(db, 'syncPause', null);
}

export async function readSyncPause(db?: CourierDb): Promise<SyncPause | null> {
  db ??= await openCourierDb();
  return (await readMeta(db, 'syncPause')) ?? null;
}
