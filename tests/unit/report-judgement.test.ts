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
  pickupSlotStart: null,
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
const ctx = { courierId: 7, proof, uploadedIds: new Set(['p1']), timeZone: 'Asia/Shanghai' };
// 1_800_000_000_000 is 2027-01-15 16:00 in Shanghai: 18:00 is the same shop day, 08:00 next morning is not.
const AT = 1_800_000_000_000;
const HOUR = 3_600_000;
const pickupStop = { leg: 'return', returnId: 3, status: 'InfoReceived', subStatus: 'InfoReceived_001' } as const;
const collect = { kind: 'picked_up', photoIds: [], recipientName: undefined } as const;

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
    // 已揽收 on a parcel already out for delivery: the status table allows InTransit (back to the station), but not a second collection.
    ['a collection of a parcel out for delivery', collect, {}, 'rejected', 'already_collected', 4],
    ['a collection of a parcel back from a failed attempt', collect, { status: 'AttemptFail' }, 'rejected', 'already_collected', 4],
    ['a collection of a parcel waiting for the courier', collect, { status: 'InfoReceived' }, 'applied', 'applied', 5],
    ['a pickup collected on the day it was booked for', collect, { ...pickupStop, pickupSlotStart: AT + 2 * HOUR }, 'applied', 'applied', 5],
    ['a pickup collected the day before it was booked for', collect, { ...pickupStop, pickupSlotStart: AT + 16 * HOUR }, 'rejected', 'pickup_not_due', 4],
    ['a failed pickup the day before it was booked for', { kind: 'failed_attempt', reasonCode: 'recipient_unavailable', photoIds: [] }, { ...pickupStop, pickupSlotStart: AT + 16 * HOUR }, 'rejected', 'pickup_not_due', 4],
    ['a pickup collected after its booked day (late, but done)', collect, { ...pickupStop, pickupSlotStart: AT - 30 * HOUR }, 'applied', 'applied', 5],
    ['a pickup without a slot', collect, pickupStop, 'applied', 'applied', 5],
  ] as const)('%s', (_name, over, shipmentOver, outcome, code, version) => {
    const result = judgeReport(report({ occurredAt: AT, ...(over as Partial<CourierReport>) }), { ...base, ...shipmentOver }, ctx);
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
