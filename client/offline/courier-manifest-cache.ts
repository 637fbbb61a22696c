import type { CourierManifest } from '../../shared/courier/manifest';
import { openCourierDb } from './courier-db';
import type { StoredManifest } from './outbox-records';

/** Today's manifest as last fetched, so the stops open in a basement. */
export async function saveManifest(courierId: number, manifest: CourierManifest, fetchedAt: number): Promise<void> {
  const db = await openCourierDb();
  await db.put('manifest', { courierId, manifest, fetchedAt }, 'today');
}

/** Only the signed-in courier's own manifest: a phone handed to a colleague does not show the old round. */
export async function loadManifest(courierId: number): Promise<StoredManifest | null> {
  const db = await openCourierDb();
  const stored = await db.get('manifest', 'today');
  return stored && stored.courierId === courierId ? stored : null;
}
