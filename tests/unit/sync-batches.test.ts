import { describe, expect, it } from 'vitest';
import { batchReports, imageIdsOf, inSeqOrder, MAX_BATCH_BYTES, MAX_REPORTS_PER_BATCH, reportBytes } from '../../client/offline/sync-batches';
import { outboxEntry, uuidFor } from './outbox-fixtures';

describe('sync batches', () => {
  it('sends the oldest report first, whatever order storage returned', () => {
    const entries = [outboxEntry(7), outboxEntry(2), outboxEntry(11), outboxEntry(3)];
    expect(inSeqOrder(entries).map((e) => e.seq)).toEqual([2, 3, 7, 11]);
    // and leaves its input alone
    expect(entries.map((e) => e.seq)).toEqual([7, 2, 11, 3]);
  });

  it('cuts at the server limit of 100 reports, keeping seq order across batches', () => {
    const entries = Array.from({ length: 250 }, (_, i) => outboxEntry(250 - i));
    const batches = batchReports(entries);
    expect(MAX_REPORTS_PER_BATCH).toBe(100);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat().map((e) => e.seq)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  });

  it('cuts by size too, so long Chinese notes never hit the 64 KB body limit', () => {
    const note = '门禁坏了保安不在'.repeat(62); // 496 characters, ~1.5 KB of UTF-8
    const entries = Array.from({ length: 100 }, (_, i) => outboxEntry(i + 1, { kind: 'exception', reasonCode: 'other', note }));
    const batches = batchReports(entries);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) {
      const bytes = batch.reduce((sum, e) => sum + reportBytes(e.report) + 1, 0);
      expect(bytes).toBeLessThanOrEqual(MAX_BATCH_BYTES);
      // The whole request, with its envelope, stays under the server's 64 KB.
      expect(Buffer.byteLength(JSON.stringify({ sentAt: Date.now(), reports: batch.map((e) => e.report) }))).toBeLessThan(64 * 1024);
    }
    expect(batches.flat().map((e) => e.seq)).toEqual(entries.map((e) => e.seq));
  });

  it('still sends a report bigger than a batch on its own rather than never', () => {
    const huge = outboxEntry(2, { note: 'x'.repeat(200) });
    const batches = batchReports([outboxEntry(1), huge, outboxEntry(3)], { maxBytes: 100 });
    expect(batches.map((b) => b.map((e) => e.seq))).toEqual([[1], [2], [3]]);
  });

  it('makes no batch from an empty outbox', () => {
    expect(batchReports([])).toEqual([]);
  });

  it('lists the photos and the signature a report points at', () => {
    expect(imageIdsOf({ photoIds: [uuidFor(1), uuidFor(2)], signatureId: uuidFor(3) })).toEqual([uuidFor(1), uuidFor(2), uuidFor(3)]);
    expect(imageIdsOf({})).toEqual([]);
  });
});
