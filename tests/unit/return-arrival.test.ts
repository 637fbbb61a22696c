import { describe, expect, it } from 'vitest';
import { canReceive, type ReceiptVerdict } from '../../shared/returns/return-arrival';
import { overrideReasonProblem, receiveRequest } from '../../client/components/ops/ops-inspection';
import { receiveReturnRequestSchema } from '../../shared/api/returns';
import { RETURN_STATUSES, type ReturnStatus } from '../../shared/returns/return-status';

describe('canReceive: the shop confirms receipt only of a parcel that has arrived', () => {
  const cases: [ReturnStatus, string | null, ReceiptVerdict][] = [
    // A pickup: collected, travelling back, delivered back.
    ['picked_up', 'InTransit', 'in_transit'],
    ['picked_up', 'Exception', 'in_transit'],
    ['picked_up', 'Delivered', 'arrived'],
    ['picked_up', null, 'in_transit'],
    // A drop-off: no return leg records the hand-in, so it never arrives on its own.
    ['awaiting_dropoff', null, 'dropoff_unrecorded'],
    // …unless a scan delivered a leg for it.
    ['awaiting_dropoff', 'Delivered', 'arrived'],
    // Not on its way to the shop, whatever the leg says.
    ['pickup_scheduled', 'InfoReceived', 'not_awaiting_receipt'],
    ['pickup_scheduled', 'AttemptFail', 'not_awaiting_receipt'],
    ['received', 'Delivered', 'not_awaiting_receipt'],
    ['refunded', 'Delivered', 'not_awaiting_receipt'],
    ['cancelled', 'Expired', 'not_awaiting_receipt'],
    ['approved', null, 'not_awaiting_receipt'],
  ];
  it.each(cases)('%s with the leg %s → %s', (status, leg, verdict) => {
    expect(canReceive({ status }, leg === null ? null : { status: leg })).toBe(verdict);
  });

  it('says arrived only for the two statuses on their way to the shop', () => {
    const arriving = RETURN_STATUSES.filter((status) => canReceive({ status }, { status: 'Delivered' }) === 'arrived');
    expect(arriving).toEqual(['awaiting_dropoff', 'picked_up']);
  });
});

describe('the desk form checks an override reason as the server does', () => {
  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['驿站转交，核对退货码无误', null],
    ['  trimmed  ', null],
    ['x'.repeat(200), null],
    ['x'.repeat(201), 'too_long'],
    ['收到\u0007了', 'control'],
    ['第一行\n第二行', 'control'],
  ] as const)('%j → %s', (reason, problem) => {
    expect(overrideReasonProblem(reason)).toBe(problem);
    expect(receiveReturnRequestSchema.safeParse({ items: [{ orderItemId: 1, acceptedQuantity: 1, damagedQuantity: 0 }], override: { reason } }).success).toBe(problem === null);
  });

  it('sends the override only when a reason is given', () => {
    const lines = [{ orderItemId: 1, quantity: 1, acceptedQuantity: 1, damagedQuantity: 0 }];
    expect(receiveRequest(lines, '')).not.toHaveProperty('override');
    expect(receiveRequest(lines, '', '  已到仓 ')).toMatchObject({ override: { reason: '已到仓' } });
  });
});
