import { describe, expect, it } from 'vitest';
import { imagesFreeToDelete, planSettlement } from '../../client/offline/sync-results';
import { answer, outboxEntry, uuidFor } from './outbox-fixtures';

const RECEIVED_AT = Date.UTC(2026, 10, 25, 3, 0);

describe('settling a sent batch by its answers', () => {
  it('removes applied and duplicate reports, keeps conflicts and rejections as problems', () => {
    const [a, b, c, d] = [1, 2, 3, 4].map((seq) => outboxEntry(seq));
    const plan = planSettlement(
      [a!, b!, c!, d!],
      [answer(a!, 'applied'), answer(b!, 'duplicate', 'already_applied'), answer(c!, 'conflict', 'reassigned', 'Given to another courier'), answer(d!, 'rejected', 'photo_required')],
      RECEIVED_AT,
    );
    expect(plan.remove).toEqual([a!.id, b!.id]);
    expect(plan.keep).toEqual([]);
    expect(plan.problems).toEqual([
      {
        id: c!.id,
        trackingNo: c!.trackingNo,
        report: c!.report,
        outcome: 'conflict',
        code: 'reassigned',
        message: 'Given to another courier',
        serverVersion: 4,
        receivedAt: RECEIVED_AT,
        dismissedAt: null,
      },
      expect.objectContaining({ id: d!.id, outcome: 'rejected', code: 'photo_required', dismissedAt: null }),
    ]);
  });

  it('keeps a report the answer does not mention: never assumed done', () => {
    const [a, b, c] = [1, 2, 3].map((seq) => outboxEntry(seq));
    const plan = planSettlement([a!, b!, c!], [answer(a!, 'applied'), answer(c!, 'applied')], RECEIVED_AT);
    expect(plan.remove).toEqual([a!.id, c!.id]);
    expect(plan.keep).toEqual([b!.id]);
    expect(plan.problems).toEqual([]);
  });

  it('keeps a report whose outcome this app does not know yet', () => {
    const a = outboxEntry(1);
    const plan = planSettlement([a], [{ ...answer(a, 'applied'), outcome: 'deferred' as never }], RECEIVED_AT);
    expect(plan.keep).toEqual([a.id]);
  });

  it('ignores answers for reports it did not send', () => {
    const a = outboxEntry(1);
    const stranger = outboxEntry(99);
    const plan = planSettlement([a], [answer(stranger, 'conflict'), answer(a, 'applied')], RECEIVED_AT);
    expect(plan).toEqual({ remove: [a.id], problems: [], keep: [] });
  });

  it('answers an empty batch with an empty plan', () => {
    expect(planSettlement([], [], RECEIVED_AT)).toEqual({ remove: [], problems: [], keep: [] });
  });
});

describe('which photos the phone may delete', () => {
  it('deletes a settled report’s images only once no waiting report needs them', () => {
    const shared = uuidFor(100);
    const own = uuidFor(101);
    const signature = uuidFor(102);
    const stillWaiting = [outboxEntry(5, { photoIds: [shared] })];
    expect(imagesFreeToDelete([shared, own, signature], stillWaiting).sort()).toEqual([own, signature].sort());
  });

  it('deletes nothing that a waiting report’s signature points at', () => {
    const signature = uuidFor(7);
    expect(imagesFreeToDelete([signature], [outboxEntry(1, { kind: 'delivered', signatureId: signature })])).toEqual([]);
  });

  it('names each image once', () => {
    const id = uuidFor(3);
    expect(imagesFreeToDelete([id, id], [])).toEqual([id]);
  });
});
