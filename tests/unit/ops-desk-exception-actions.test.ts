import { describe, expect, it } from 'vitest';
import { EXCEPTION_ACTION_EVENTS, suggestedAction } from '../../server/domain/ops-desk/exception-actions';
import { isOpenStop } from '../../server/domain/ops-desk/open-stop';
import { EXCEPTION_ACTIONS, exceptionActionRequestSchema } from '../../shared/api/ops-desk';
import { DELIVERY_REASONS } from '../../shared/courier/delivery-reasons';
import { checkTransition } from '../../shared/tracking/shipment-state-machine';
import { findSubStatus } from '../../shared/tracking/statuses';

describe('what each desk action writes to the tracking log', () => {
  it.each([
    ['reattempt_tomorrow', 'InTransit', 'InTransit_008', 'Back at the delivery station, to be delivered again tomorrow', false],
    ['contact_customer', 'Exception', 'Exception_010', 'The shop is contacting you to sort out this parcel', false],
    ['return_to_sender', 'InTransit', 'InTransit_007', 'On its way back to the sender', true],
  ] as const)('%s → %s / %s (“%s”), leaves the round: %s', (action, status, subStatus, label, releases) => {
    const event = EXCEPTION_ACTION_EVENTS[action];
    expect(event).toMatchObject({ status, subStatus, releasesCourier: releases });
    expect(findSubStatus(subStatus)).toMatchObject({ status, label: { en: label } });
    // Every one is a move the shared state machine allows from Exception on the delivery leg.
    expect(checkTransition('Exception', status, 'delivery')).toEqual({ ok: true });
  });

  it('covers every action the API accepts', () => {
    expect(Object.keys(EXCEPTION_ACTION_EVENTS).sort()).toEqual([...EXCEPTION_ACTIONS].sort());
  });
});

describe('the action a reason suggests', () => {
  it.each([
    ['reattempt', 'reattempt_tomorrow'],
    ['return_to_sender', 'return_to_sender'],
    ['hold', 'contact_customer'],
    ['review', 'contact_customer'],
    [null, 'contact_customer'],
  ] as const)('%s → %s', (next, action) => {
    expect(suggestedAction(next)).toBe(action);
  });

  it.each(DELIVERY_REASONS.filter((r) => r.kinds.includes('exception')).map((r) => [r.code, r.nextAction] as const))(
    'exception reason %s (next: %s) suggests an action the desk has',
    (_code, next) => {
      expect(EXCEPTION_ACTIONS).toContain(suggestedAction(next));
    },
  );
});

describe('the action request', () => {
  it.each([
    [{ action: 'contact_customer', version: 4 }, true],
    [{ action: 'contact_customer', version: 4, note: '  已致电  ' }, true],
    [{ action: 'contact_customer', version: 0 }, false],
    [{ action: 'contact_customer', version: 4.5 }, false],
    [{ action: 'contact_customer' }, false],
    [{ action: 'delete', version: 4 }, false],
    [{ action: 'contact_customer', version: 4, note: 'a\u0000b' }, false],
    [{ action: 'contact_customer', version: 4, extra: 1 }, false],
  ])('%j valid: %s', (body, ok) => {
    expect(exceptionActionRequestSchema.safeParse(body).success).toBe(ok);
  });

  it('trims the note and defaults it to empty', () => {
    expect(exceptionActionRequestSchema.parse({ action: 'contact_customer', version: 4, note: '  已致电  ' }).note).toBe('已致电');
    expect(exceptionActionRequestSchema.parse({ action: 'contact_customer', version: 4 }).note).toBe('');
  });
});

describe('an open stop (what the desk counts and may reassign)', () => {
  it.each([
    ['delivery', 'InTransit', 'InTransit_005', true],
    ['delivery', 'OutForDelivery', 'OutForDelivery_001', true],
    ['delivery', 'AttemptFail', 'AttemptFail_001', true],
    ['delivery', 'Exception', 'Exception_003', true],
    ['delivery', 'AvailableForPickup', 'AvailableForPickup_001', false], // in a locker or at a station: the customer's to collect
    ['delivery', 'InTransit', 'InTransit_007', false], // on its way back to the shop
    ['delivery', 'Delivered', 'Delivered_001', false],
    ['delivery', 'Expired', 'Expired_001', false],
    ['return', 'InfoReceived', 'InfoReceived_001', true],
    ['return', 'AttemptFail', 'AttemptFail_001', true],
    ['return', 'Exception', 'Exception_001', true],
    ['return', 'InTransit', 'InTransit_002', false], // collected
    ['return', 'Delivered', 'Delivered_001', false],
  ] as const)('%s %s (%s): %s', (leg, status, subStatus, open) => {
    expect(isOpenStop({ leg, status, subStatus })).toBe(open);
  });
});
