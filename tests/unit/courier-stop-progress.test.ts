import { describe, expect, it } from 'vitest';
import {
  isForLaterDay,
  isStopDone,
  localStopProgress,
  pickupReportKindsAllowedFrom,
  reportKindsAllowedFrom,
  reportKindsForStop,
  reportKindsToday,
  STATUS_AFTER_REPORT,
} from '../../client/offline/courier-stop-progress';
import { REPORT_KINDS } from '../../shared/courier/courier-report';
import { reportTarget } from '../../shared/courier/report-rules';
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
    // Straight to a station from the depot (驿站代收) is a drop too.
    ['InTransit', ['out_for_delivery', 'at_pickup_point', 'exception']],
    // 已揽收 is the collection from the sender: never on a parcel already out for delivery,
    // back from an attempt, in a locker or held up (the machine's collection rule).
    ['OutForDelivery', ['delivered', 'at_pickup_point', 'failed_attempt', 'exception']],
    ['AttemptFail', ['delivered', 'out_for_delivery', 'at_pickup_point', 'exception']],
    // A second exception says something new, so it stays.
    ['Exception', ['delivered', 'out_for_delivery', 'at_pickup_point', 'exception']],
    ['AvailableForPickup', ['delivered', 'exception']],
    ['Delivered', []],
    ['Expired', []],
  ] as const)('from %s: %j', (status, kinds) => {
    expect(reportKindsAllowedFrom(status)).toEqual(kinds);
  });

  it('offers exactly what the state machine allows (status and sub-status), less the same step twice', () => {
    for (const status of TRACKING_STATUSES) {
      for (const kind of REPORT_KINDS) {
        const target = reportTarget(kind);
        const allowed = checkTransition(status, target.status, 'delivery', target.subStatus).ok && (target.status !== status || kind === 'exception');
        expect(reportKindsAllowedFrom(status).includes(kind), `${kind} from ${status}`).toBe(allowed);
      }
    }
  });

  it('offers no second delivery once a delivered report is waiting', () => {
    const progress = localStopProgress({ ...stop, status: 'OutForDelivery' }, [outboxEntry(1, { kind: 'delivered' })]);
    expect(reportKindsAllowedFrom(progress.status)).toEqual([]);
  });
});

describe('the reports a return pickup allows (the return leg)', () => {
  it.each([
    ['InfoReceived', ['picked_up', 'failed_attempt']],
    // The courier comes again after a failed pickup, and may fail again.
    ['AttemptFail', ['picked_up', 'failed_attempt']],
    // Collected: the shop receives it, not the courier.
    ['InTransit', []],
    ['Delivered', []],
    // A pickup held for review may still be collected once it is cleared.
    ['Exception', ['picked_up']],
    ['Expired', []],
  ] as const)('from %s: %j', (status, kinds) => {
    expect(pickupReportKindsAllowedFrom(status)).toEqual(kinds);
  });

  it('offers only collected and pickup failed, and only what the return leg allows', () => {
    for (const status of TRACKING_STATUSES) {
      for (const kind of pickupReportKindsAllowedFrom(status)) {
        expect(['picked_up', 'failed_attempt']).toContain(kind);
        expect(checkTransition(status, STATUS_AFTER_REPORT[kind], 'return', reportTarget(kind).subStatus)).toEqual({ ok: true });
      }
    }
  });

  it.each([
    ['delivery', 'InfoReceived', ['picked_up', 'exception']],
    ['pickup', 'InfoReceived', ['picked_up', 'failed_attempt']],
    ['delivery', 'AttemptFail', ['delivered', 'out_for_delivery', 'at_pickup_point', 'exception']],
    ['delivery', 'OutForDelivery', ['delivered', 'at_pickup_point', 'failed_attempt', 'exception']],
    ['pickup', 'AttemptFail', ['picked_up', 'failed_attempt']],
  ] as const)('a %s stop in %s offers %j', (kind, status, kinds) => {
    expect(reportKindsForStop(kind, status)).toEqual(kinds);
  });

  it('offers nothing more once a collection is waiting to be sent', () => {
    const progress = localStopProgress({ ...stop, status: 'InfoReceived' }, [outboxEntry(1, { kind: 'picked_up' })]);
    expect(reportKindsForStop('pickup', progress.status)).toEqual([]);
  });
});

describe('a stop finished for today', () => {
  it.each([
    ['delivery', 'OutForDelivery', false],
    ['delivery', 'AttemptFail', false],
    ['delivery', 'InTransit', false],
    ['delivery', 'Delivered', true],
    // In a locker or at a station: the customer collects it from there.
    ['delivery', 'AvailableForPickup', true],
    ['pickup', 'InfoReceived', false],
    ['pickup', 'AttemptFail', false],
    ['pickup', 'InTransit', true],
    ['pickup', 'Delivered', true],
  ] as const)('a %s in %s: %s', (kind, status, done) => {
    expect(isStopDone(kind, status)).toBe(done);
  });
});

describe('a pickup booked for a later day is listed ahead, not due today', () => {
  const pickup = (slotDay: string | null) => ({ pickup: { returnNo: 'RT1', items: [], slot: null, slotDay } });
  it.each([
    ['booked for tomorrow', pickup('2026-12-02'), '2026-12-01', true],
    ['booked for next month', pickup('2027-01-01'), '2026-12-31', true],
    ['booked for today', pickup('2026-12-01'), '2026-12-01', false],
    ['its day has passed (missed, still to collect)', pickup('2026-11-30'), '2026-12-01', false],
    ['no slot (drop-off turned pickup)', pickup(null), '2026-12-01', false],
    ['a delivery', { pickup: null }, '2026-12-01', false],
  ])('%s', (_name, stop, day, later) => {
    expect(isForLaterDay(stop, day)).toBe(later);
  });
});

describe('what a courier may report on a stop today', () => {
  const pickupOn = (slotDay: string | null) => ({ kind: 'pickup' as const, pickup: { returnNo: 'RT1', items: [], slot: null, slotDay } });
  const delivery = { kind: 'delivery' as const, pickup: null };
  it.each([
    ['a pickup booked for tomorrow: nothing yet', pickupOn('2026-12-02'), 'InfoReceived', []],
    ['a pickup booked for today', pickupOn('2026-12-01'), 'InfoReceived', ['picked_up', 'failed_attempt']],
    ['a pickup whose day has passed', pickupOn('2026-11-30'), 'AttemptFail', ['picked_up', 'failed_attempt']],
    ['a delivery out for delivery: no 已揽收', delivery, 'OutForDelivery', ['delivered', 'at_pickup_point', 'failed_attempt', 'exception']],
    ['a delivery not yet collected', delivery, 'InfoReceived', ['picked_up', 'exception']],
  ] as const)('%s', (_name, stop, status, kinds) => {
    expect(reportKindsToday(stop, status, '2026-12-01')).toEqual(kinds);
  });
});
