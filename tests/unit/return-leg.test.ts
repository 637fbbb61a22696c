import { describe, expect, it } from 'vitest';
import { checkTransition } from '../../shared/tracking/shipment-state-machine';
import { offeredPickupSlots } from '../../server/domain/returns/pickup-slots';

describe('the return leg of a shipment', () => {
  it.each([
    ['Pending', 'InfoReceived', true],
    ['InfoReceived', 'AttemptFail', true],
    ['InfoReceived', 'InTransit', true],
    ['AttemptFail', 'InTransit', true],
    ['InTransit', 'Delivered', true],
    ['InfoReceived', 'Expired', true],
    ['InfoReceived', 'Delivered', false],
    ['InfoReceived', 'OutForDelivery', false],
    ['Delivered', 'InTransit', false],
  ] as const)('%s → %s: %s', (from, to, ok) => {
    expect(checkTransition(from, to, 'return').ok).toBe(ok);
  });

  it('keeps the delivery leg as it was: a failed attempt needs the courier out first', () => {
    expect(checkTransition('InfoReceived', 'AttemptFail').ok).toBe(false);
    expect(checkTransition('InTransit', 'Delivered').ok).toBe(false);
  });
});

describe('offeredPickupSlots', () => {
  it('offers the next three days’ morning and afternoon rounds in the shop’s time', () => {
    // 25 Nov, 23:30 in Shanghai.
    const slots = offeredPickupSlots(Date.UTC(2026, 10, 25, 15, 30), 'Asia/Shanghai');
    expect(slots).toHaveLength(6);
    expect(slots[0]).toEqual({ start: Date.UTC(2026, 10, 26, 1), end: Date.UTC(2026, 10, 26, 4) });
    expect(slots[5]).toEqual({ start: Date.UTC(2026, 10, 28, 6), end: Date.UTC(2026, 10, 28, 10) });
  });
});
