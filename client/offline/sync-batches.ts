import type { CourierReport } from '../../shared/courier/courier-report';
import type { OutboxEntry } from './outbox-records';

/**
 * The server's limit, typed as its literal so a change there breaks this build (the shared
 * file's values come with zod, which must stay out of the phone's bundle; its types do not).
 */
type ServerReportLimit = (typeof import('../../shared/courier/courier-report'))['MAX_REPORTS_PER_SYNC'];
export const MAX_REPORTS_PER_BATCH: ServerReportLimit = 100;

/**
 * The API refuses JSON bodies over 64 KB before reading them. A hundred reports with long
 * Chinese notes (3 bytes a character) would pass that, so batches are cut by size as well,
 * leaving room for the envelope.
 */
export const MAX_BATCH_BYTES = 48 * 1024;

const encoder = new TextEncoder();

export function reportBytes(report: CourierReport): number {
  return encoder.encode(JSON.stringify(report)).length;
}

/** Oldest first: the server applies a device's reports in the order they were made. */
export function inSeqOrder<T extends Pick<OutboxEntry, 'seq'>>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.seq - b.seq);
}

/**
 * Cuts the seq-ordered outbox into batches of at most `maxReports` reports and `maxBytes`
 * of JSON, keeping the order. A single report over the byte limit still goes, alone: the
 * server decides whether it is too big, and the engine handles that answer.
 */
export function batchReports<T extends Pick<OutboxEntry, 'seq' | 'report'>>(
  entries: readonly T[],
  limits: { maxReports?: number; maxBytes?: number } = {},
): T[][] {
  const maxReports = limits.maxReports ?? MAX_REPORTS_PER_BATCH;
  const maxBytes = limits.maxBytes ?? MAX_BATCH_BYTES;
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const entry of inSeqOrder(entries)) {
    const size = reportBytes(entry.report) + 1;
    if (current.length > 0 && (current.length >= maxReports || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Every stored image a report points at: its photos and its signature. */
export function imageIdsOf(report: Pick<CourierReport, 'photoIds' | 'signatureId'>): string[] {
  return [...(report.photoIds ?? []), ...(report.signatureId ? [report.signatureId] : [])];
}
