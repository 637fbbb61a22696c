import type { CourierReport } from '../../shared/courier/courier-report';
import type { CourierManifest } from '../../shared/courier/manifest';

/**
 * What the courier's phone keeps in IndexedDB. The page and the service worker both read and
 * write these, so they are plain data: no classes, nothing that cannot be structured-cloned.
 */

/** A report waiting to be sent: exactly what goes to the server, plus when the phone saved it. */
export interface OutboxEntry {
  /** The report's own id, so the store is keyed by what the server deduplicates on. */
  id: string;
  seq: number;
  trackingNo: string;
  report: CourierReport;
  savedAt: number;
  /** Whose manifest it was made on: another courier signing in on this phone must not send it. */
  courierId?: number;
}

/** A photo or signature taken for a report, kept until no waiting report needs it. */
export interface StoredPhoto {
  /** The phone's own key for it: waiting reports point at this, and it is the upload's Idempotency-Key. */
  id: string;
  blob: Blob;
  uploaded: boolean;
  /**
   * The id the server made for it, from the upload's answer; the report sent refers to this.
   * Absent on photos an app before server-made ids uploaded (the server kept `id` as theirs).
   */
  serverId?: string;
  savedAt: number;
}

/**
 * A report the server would not apply (conflict or rejected). It never goes back into the
 * outbox and is never deleted: the courier dismisses it once read and it moves to the history.
 */
export interface KeptProblem {
  id: string;
  trackingNo: string;
  report: CourierReport;
  outcome: 'conflict' | 'rejected';
  code: string;
  /** The server's own words, shown when the app has no sentence of its own for the code. */
  message: string;
  serverVersion: number | null;
  receivedAt: number;
  dismissedAt: number | null;
}

export interface StoredManifest {
  courierId: number;
  manifest: CourierManifest;
  fetchedAt: number;
}

/** Why sending is paused until the courier acts: only an expired or missing session, for now. */
export interface SyncPause {
  reason: 'signed_out';
  since: number;
}

/** The single values the outbox keeps beside its stores. */
export interface OutboxMeta {
  /** Made once when the database is created; the server keys `seq` by it. */
  deviceId: string;
  /** The seq the next saved report gets; never reused, so a report's seq says its order. */
  nextSeq: number;
  syncPause: SyncPause | null;
  /** How far the phone's clock was off at the last sync (null when within the server's tolerance). */
  clockSkewMs: number | null;
  lastSyncedAt: number | null;
}
