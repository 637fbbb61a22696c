import type { CourierReport, SyncResult } from '../../shared/courier/courier-report';
import type { OutboxEntry } from '../../client/offline/outbox-records';

/** Outbox entries and server answers for the sync decision tests. */
export const DEVICE_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

export function uuidFor(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function outboxEntry(seq: number, overrides: Partial<CourierReport> = {}): OutboxEntry {
  const report: CourierReport = {
    id: uuidFor(seq),
    deviceId: DEVICE_ID,
    seq,
    trackingNo: 'DS00000012344',
    kind: 'out_for_delivery',
    occurredAt: Date.UTC(2026, 10, 25, 2, seq),
    shipmentVersion: 3,
    ...overrides,
  };
  return { id: report.id, seq, trackingNo: report.trackingNo, report, savedAt: report.occurredAt };
}

export function answer(entry: OutboxEntry, outcome: SyncResult['outcome'], code: string = outcome, message = `${outcome} message`): SyncResult {
  return { id: entry.id, outcome, code, message, shipmentVersion: 4 };
}
