import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { newUuid } from './courier-uuid';
import type { KeptProblem, OutboxEntry, OutboxMeta, StoredManifest, StoredPhoto } from './outbox-records';

/**
 * The courier's on-device database, opened the same way by the page and the service worker.
 * Bump DB_VERSION with an upgrade step for any change: a phone may hold unsent reports across
 * an app update, so a store is never dropped or recreated once it exists.
 */
const DB_NAME = 'doorstep-courier';
const DB_VERSION = 1;

export interface CourierDbSchema extends DBSchema {
  reports: { key: string; value: OutboxEntry; indexes: { 'by-seq': number; 'by-tracking-no': string } };
  photos: { key: string; value: StoredPhoto };
  problems: { key: string; value: KeptProblem; indexes: { 'by-tracking-no': string } };
  manifest: { key: 'today'; value: StoredManifest };
  meta: { key: keyof OutboxMeta; value: OutboxMeta[keyof OutboxMeta] };
}

export type CourierDb = IDBPDatabase<CourierDbSchema>;

let opening: Promise<CourierDb> | null = null;

export function openCourierDb(): Promise<CourierDb> {
  opening ??= openDB<CourierDbSchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const reports = db.createObjectStore('reports', { keyPath: 'id' });
        reports.createIndex('by-seq', 'seq', { unique: true });
        reports.createIndex('by-tracking-no', 'trackingNo');
        db.createObjectStore('photos', { keyPath: 'id' });
        db.createObjectStore('problems', { keyPath: 'id' }).createIndex('by-tracking-no', 'trackingNo');
        db.createObjectStore('manifest');
        const metaStore = db.createObjectStore('meta');
        void metaStore.put(newUuid(), 'deviceId');
        void metaStore.put(1, 'nextSeq');
      }
    },
    // A newer app version (another tab or the new service worker) wants to upgrade: let it.
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
    terminated() {
      opening = null;
    },
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

export async function readMeta<K extends keyof OutboxMeta>(db: CourierDb, key: K): Promise<OutboxMeta[K] | undefined> {
  return (await db.get('meta', key)) as OutboxMeta[K] | undefined;
}

export async function writeMeta<K extends keyof OutboxMeta>(db: CourierDb, key: K, value: OutboxMeta[K]): Promise<void> {
  await db.put('meta', value, key);
}
