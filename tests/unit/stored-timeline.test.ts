import { describe, expect, it } from 'vitest';
import { parseJsonColumnAs } from '../../server/db/json-column';
import { isPublicTimeline } from '../../shared/tracking/stored-timeline-schema';

const event = { status: 'InTransit', subStatus: 'InTransit_001', occurredAt: 1795132800000, place: { province: null, city: '杭州市' }, reasonCode: null };
const without = (key: string) => Object.fromEntries(Object.entries(event).filter(([k]) => k !== key));

describe('a stored public timeline', () => {
  it.each([
    ['no events yet', []],
    ['one event with no province', [event]],
    ['a failed attempt with its reason', [{ ...event, status: 'AttemptFail', subStatus: 'AttemptFail_001', reasonCode: 'no_answer' }, event]],
    ['an event with neither province nor city', [{ ...event, place: { province: null, city: null } }]],
  ])('accepts %s', (_name, value) => {
    expect(isPublicTimeline(value)).toBe(true);
  });

  it.each([
    ['not an array', { events: [event] }],
    ['null', null],
    ['an event that is not an object', [event, 'InTransit']],
    ['an event that is null', [null]],
    ['an unknown status', [{ ...event, status: 'Teleported' }]],
    ['a status that is not text', [{ ...event, status: 3 }]],
    ['no status', [without('status')]],
    ['no sub-status', [without('subStatus')]],
    ['a sub-status that is not text', [{ ...event, subStatus: null }]],
    ['a time as text', [{ ...event, occurredAt: '2026-11-20T00:00:00Z' }]],
    ['no time', [without('occurredAt')]],
    ['no place', [without('place')]],
    ['a place that is null', [{ ...event, place: null }]],
    ['a place that is text', [{ ...event, place: '杭州市' }]],
    ['a city that is a number', [{ ...event, place: { province: null, city: 571 } }]],
    ['a province left out', [{ ...event, place: { city: '杭州市' } }]],
    ['no reason code at all (null is required)', [without('reasonCode')]],
    ['a reason code that is not text', [{ ...event, reasonCode: 7 }]],
    ['a good event after a bad one', [{ ...event, occurredAt: null }, event]],
  ])('refuses %s', (_name, value) => {
    expect(isPublicTimeline(value)).toBe(false);
  });

  it('is read from its column, and a row that fails names where it was', () => {
    expect(parseJsonColumnAs(isPublicTimeline, JSON.stringify([event]), 'shipments.public_timeline of X')).toEqual([event]);
    expect(() => parseJsonColumnAs(isPublicTimeline, '[{"status":"InTransit"}]', 'shipments.public_timeline of SF1')).toThrow(
      'Stored JSON in shipments.public_timeline of SF1 does not have the expected shape',
    );
    expect(() => parseJsonColumnAs(isPublicTimeline, 'not json', 'x')).toThrow();
  });
});
