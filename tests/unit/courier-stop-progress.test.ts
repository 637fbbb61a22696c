import { describe, expect, it } from 'vitest';
import { localStopProgress, reportKindsAllowedFrom, STATUS_AFTER_REPORT } from '../../client/offline/courier-stop-progress';
import { checkTransition } from '../../shared/tracking/shipment-state-machine';
import { TRACKING_STATUSES } from '../../shared/tracking/statuses';
import { outboxEntry } from './outbox-fixtures';

const stop = { trackingNo: 'DS00000012344', status: 'InTransit' as const, version: 3 };

describe('a stop as the courier sees it, with its waiting reports laid over it', () => {
  it('is the manifest’s own state when nothing waits', () => {
    expect(localStopProgress(stop, [])).toEqual({ status: 'InTransit', version: 3, pending: 0 });
  });

  it('takes the status of its newest waiting report and one version per report', () => {
    const waiting = [
      outboxEntry(8, { kind: 'delivered' }),
      outboxEntry(4, { kind: 'out_for_delivery' }),
      outboxEntry(6, { kind: 'failed_attempt', reasonCode: 'recipient_unavailable' }),
    ];
    expect(localStopProgress(stop, waiting)).toEqual({ status: 'Delivered', version: 6, pending: 3 });
  });

  it('counts only its own reports', () => {
    const waiting = [outboxEntry(1, { kind: 'out_for_delivery' }), outboxEntry(2, { trackingNo: 'DS00000012351', kind: 'delivered' })];
    expect(localStopProgress(stop, waiting)).toEqual({ status: 'OutForDelivery', version: 4, pending: 1 });
  });

  it.each([
    ['picked_up', 'InTransit'],
    ['out_for_delivery', 'OutForDelivery'],
    ['delivered', 'Delivered'],
    ['failed_attempt', 'AttemptFail'],
    ['exception', 'Exception'],
  ] as const)('maps a waiting %s report to %s', (kind, status) => {
    expect(localStopProgress(stop, [outboxEntry(1, { kind })]).status).toBe(status);
  });
});

describe('the reports a stop’s status allows (the shared state machine)', () => {
  it.each([
    ['Pending', ['picked_up', 'exception']],
    ['InfoReceived', ['picked_up', 'exception']],
    // Picked up again would leave it in transit: not offered.
    ['InTransit', ['out_for_delivery', 'exception']],
    ['OutForDelivery', ['delivered', 'picked_up', 'failed_attempt', 'exception']],
    ['AttemptFail', ['delivered', 'out_for_delivery', 'picked_up', 'exception']],
    // A second exception says something new, so it stays.
    ['Exception', ['delivered', 'out_for_delivery', 'picked_up', 'exception']],
    ['AvailableForPickup', ['delivered', 'picked_up', 'exception']],
    ['Delivered', []],
    ['Expired', []],
  ] as const)('from %s: %j', (status, kinds) => {
    expect(reportKindsAllowedFrom(status)).toEqual(kinds);
  });

  it('offers only what the state machine allows', () => {
    for (const status of TRACKING_STATUSES) {
      for (const kind of reportKindsAllowedFrom(status)) {
        expect(checkTransition(status, STATUS_AFTER_REPORT[kind])).toEqual({ ok: true });
      }
    }
  });

  it('offers no second delivery once a delivered report is waiting', () => {
    const progress = localStopProgress({ ...stop, status: 'OutForDelivery' }, [outboxEntry(1, { kind: 'delivered' })]);
    expect(reportKindsAllowedFrom(progress.status)).toEqual([]);
  });
});
