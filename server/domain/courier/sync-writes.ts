import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { reusableInsert } from '../../db/reusable-query';

/** Rows per INSERT: far below SQLite's and PostgreSQL's bound-parameter limits at ~16 columns. */
const ROWS_PER_INSERT = 100;

const EVENT_COLUMNS = [
  'shipment_id', 'status', 'sub_status', 'occurred_at', 'recorded_at', 'province', 'city', 'reason_code',
  'actor_type', 'actor_id', 'note', 'recipient_name', 'photo_id', 'signature_id', 'report_id', 'device_seq', 'clock_skew_ms',
  'device_occurred_at', 'pickup_code', 'pickup_place',
] as const;
const REPORT_COLUMNS = [
  'id', 'courier_id', 'device_id', 'device_seq', 'body_hash', 'tracking_no', 'kind', 'occurred_at',
  'received_at', 'outcome', 'code', 'message', 'shipment_version',
] as const;
const insertEvents = reusableInsert('tracking_events', EVENT_COLUMNS);
// Two batches carrying the same new report at once (page and service worker on a browser
// without Web Locks): the second writer must not fail on the key, it must notice and retry.
const insertReports = reusableInsert('courier_reports', REPORT_COLUMNS, { skipDuplicatesOf: 'id' });

export async function insertRows<T extends 'tracking_events' | 'courier_reports'>(
  trx: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<number> {
  const insert = table === 'tracking_events' ? insertEvents : insertReports;
  let inserted = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    inserted += await insert(trx, rows.slice(i, i + ROWS_PER_INSERT) as Record<string, unknown>[]);
  }
  return inserted;
}
