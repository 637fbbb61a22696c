import { describe, expect, it } from 'vitest';
import { ALLOWED_TRANSITIONS, COLLECTION_SUB_STATUS, checkTransition } from '../../shared/tracking/shipment-state-machine';
import { TRACKING_STATUSES } from '../../shared/tracking/statuses';

describe('shipment state machine', () => {
  it.each([
    ['Pending', 'InfoReceived'],
    ['Pending', 'InTransit'],
    ['InfoReceived', 'InTransit'],
    ['InTransit', 'InTransit'],
    ['InTransit', 'OutForDelivery'],
    ['InTransit', 'AvailableForPickup'],
    ['OutForDelivery', 'Delivered'],
    ['OutForDelivery', 'AttemptFail'],
    ['AttemptFail', 'OutForDelivery'],
    ['AttemptFail', 'AvailableForPickup'],
    ['AvailableForPickup', 'Delivered'],
    ['Exception', 'InTransit'],
    ['Exception', 'OutForDelivery'],
    ['InTransit', 'Exception'],
    ['InTransit', 'Expired'],
  ])('allows %s → %s', (from, to) => {
    expect(checkTransition(from, to)).toEqual({ ok: true });
  });

  it.each([
    ['Delivered', 'InTransit', 'already_final'],
    ['Delivered', 'Delivered', 'already_final'],
    ['Delivered', 'Exception', 'already_final'],
    ['Expired', 'InTransit', 'already_final'],
    ['Pending', 'Delivered', 'transition_not_allowed'],
    ['Pending', 'OutForDelivery', 'transition_not_allowed'],
    ['InfoReceived', 'Delivered', 'transition_not_allowed'],
    ['InTransit', 'Delivered', 'transition_not_allowed'],
    ['InTransit', 'AttemptFail', 'transition_not_allowed'],
    ['AttemptFail', 'AttemptFail', 'transition_not_allowed'],
    ['OutForDelivery', 'Pending', 'transition_not_allowed'],
    ['Pending', 'Shipped', 'unknown_status'],
    ['Nowhere', 'InTransit', 'unknown_status'],
  ])('refuses %s → %s with %s', (from, to, code) => {
    const result = checkTransition(from, to);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    // Every refusal explains itself in both languages.
    expect(result.message.en.length).toBeGreaterThan(10);
    expect(result.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });

  it('covers every status, and only statuses, in its table', () => {
    expect(Object.keys(ALLOWED_TRANSITIONS).sort()).toEqual([...TRACKING_STATUSES].sort());
    for (const targets of Object.values(ALLOWED_TRANSITIONS)) {
      for (const target of targets) expect(TRACKING_STATUSES).toContain(target);
    }
  });

  it('lets every non-final status reach Delivered or Expired', () => {
    const reachable = (from: string, seen = new Set<string>()): Set<string> => {
      for (const to of ALLOWED_TRANSITIONS[from as keyof typeof ALLOWED_TRANSITIONS]) {
        if (!seen.has(to)) {
          seen.add(to);
          reachable(to, seen);
        }
      }
      return seen;
    };
    for (const status of TRACKING_STATUSES) {
      if (status === 'Delivered' || status === 'Expired') continue;
      const ends = reachable(status);
      expect(ends.has('Delivered') || ends.has('Expired'), status).toBe(true);
    }
  });
});

describe('the collection scan (快递员已揽收) follows only a parcel nobody holds yet', () => {
  it.each([
    ['Pending', 'delivery', true],
    ['InfoReceived', 'delivery', true],
    ['OutForDelivery', 'delivery', false],
    ['AttemptFail', 'delivery', false],
    ['AvailableForPickup', 'delivery', false],
    ['Exception', 'delivery', false],
    ['InfoReceived', 'return', true],
    ['AttemptFail', 'return', true],
    ['Exception', 'return', true],
  ] as const)('from %s on the %s leg: %s', (from, leg, ok) => {
    const check = checkTransition(from, 'InTransit', leg, COLLECTION_SUB_STATUS);
    expect(check.ok).toBe(ok);
    if (!check.ok) expect(check.code).toBe('already_collected');
  });

  it('leaves other moves into InTransit alone (back to the station after an attempt)', () => {
    expect(checkTransition('OutForDelivery', 'InTransit', 'delivery', 'InTransit_006')).toEqual({ ok: true });
    expect(checkTransition('OutForDelivery', 'InTransit')).toEqual({ ok: true });
  });
});
