import { describe, expect, it } from 'vitest';
import type { CourierReport } from '../../shared/courier/courier-report';
import { judgeReport, type ShipmentState } from '../../server/domain/courier/report-judgement';

const proof = { photo: true, recipientName: true, signature: false };
const base: ShipmentState = {
  id: 1,
  courierId: 7,
  version: 4,
  status: 'OutForDelivery',
  subStatus: 'OutForDelivery_001',
  deliveredAt: null,
  arrivedAt: null,
  doorstep: { province: '广东省', city: '深圳市' },
  leg: 'delivery',
  returnId: null,
  timeline: [],
};
const report = (over: Partial<CourierReport>): CourierReport => ({
  id: 'r',
  deviceId: 'd',
  seq: 1,
  trackingNo: 'DS00000012344',
  kind: 'delivered',
  occurredAt: 1_800_000_000_000,
  shipmentVersion: 4,
  recipientName: '本人',
  photoIds: ['p1'],
  ...over,
});
const ctx = { courierId: 7, proof, uploadedIds: new Set(['p1']) };

describe('judgeReport', () => {
  it.each([
    ['a delivery with proof', {}, {}, 'applied', 'applied', 5],
    ['a delivery made against an older version that still fits', { shipmentVersion: 2 }, {}, 'applied', 'applied', 5],
    ['a stop now someone else’s, reported against an old version', { shipmentVersion: 3 }, { courierId: 8 }, 'conflict', 'reassigned', 4],
    ['a stop that was never mine', {}, { courierId: 8 }, 'rejected', 'not_your_stop', null],
    ['a parcel delivered meanwhile', { kind: 'failed_attempt', reasonCode: 'recipient_unavailable', photoIds: [] }, { status: 'Delivered' }, 'conflict', 'already_delivered', 4],
    ['a status that moved on since the report', { kind: 'out_for_delivery', photoIds: [], recipientName: undefined, shipmentVersion: 3 }, { status: 'AttemptFail', version: 4 }, 'applied', 'applied', 5],
    ['a report the state machine forbids, on the version it saw', {}, { status: 'InTransit' }, 'rejected', 'transition_not_allowed', 4],
    ['the same, after the status changed', { shipmentVersion: 3 }, { status: 'InTransit' }, 'conflict', 'status_changed', 4],
    ['a photo never uploaded', { photoIds: ['p2'] }, {}, 'rejected', 'photo_not_uploaded', 4],
    ['an unknown reason', { kind: 'exception', reasonCode: 'ghosts' }, {}, 'rejected', 'unknown_reason', 4],
  ] as const)('%s', (_name, over, shipmentOver, outcome, code, version) => {
    const result = judgeReport(report(over as Partial<CourierReport>), { ...base, ...shipmentOver }, ctx);
    expect(result).toMatchObject({ outcome, code, shipmentVersion: version });
  });

  it('moves the shipment in memory for the next report of the batch', () => {
    const out = judgeReport(report({ kind: 'failed_attempt', reasonCode: 'recipient_unavailable', photoIds: [], recipientName: undefined }), base, ctx);
    expect(out.applied?.next).toMatchObject({ status: 'AttemptFail', subStatus: 'AttemptFail_001', version: 5 });
    expect(out.applied?.next.timeline).toHaveLength(1);
    const again = judgeReport(report({ kind: 'out_for_delivery', photoIds: [], recipientName: undefined, shipmentVersion: 5 }), out.applied!.next, ctx);
    expect(again).toMatchObject({ outcome: 'applied', shipmentVersion: 6 });
  });

  it('rejects a report on a parcel that does not exist', () => {
    expect(judgeReport(report({}), undefined, ctx)).toMatchObject({ outcome: 'rejected', code: 'shipment_not_found' });
  });
});
