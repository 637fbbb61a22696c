import { describe, expect, it } from 'vitest';
import { canReceive, type ReceiptVerdict } from '../../shared/returns/return-arrival';
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
