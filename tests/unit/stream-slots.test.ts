import { describe, expect, it } from 'vitest';
import { StreamSlots, type SlotRefusal, type StreamSlot } from '../../server/http/stream-slots';

const noop = () => {};

/** Takes a slot per address in order and returns what each take answered. */
function takeAll(slots: StreamSlots, addresses: string[]): (SlotRefusal | 'ok')[] {
  return addresses.map((a) => {
    const slot = slots.take(a, noop);
    return typeof slot === 'string' ? slot : 'ok';
  });
}

describe('StreamSlots', () => {
  it.each([
    { limits: { perAddress: 2, total: 10 }, takes: ['a', 'a', 'a'], expected: ['ok', 'ok', 'address_full'] },
    { limits: { perAddress: 2, total: 10 }, takes: ['a', 'a', 'b', 'b'], expected: ['ok', 'ok', 'ok', 'ok'] },
    { limits: { perAddress: 5, total: 3 }, takes: ['a', 'b', 'c', 'd'], expected: ['ok', 'ok', 'ok', 'server_full'] },
    { limits: { perAddress: 1, total: 2 }, takes: ['a', 'a', 'b', 'c'], expected: ['ok', 'address_full', 'ok', 'server_full'] },
    { limits: { perAddress: 0, total: 10 }, takes: ['a'], expected: ['address_full'] },
  ])('with $limits, taking $takes answers $expected', ({ limits, takes, expected }) => {
    expect(takeAll(new StreamSlots(limits), takes)).toEqual(expected);
  });

  it('gives a slot back on release, once however often release is called', () => {
    const slots = new StreamSlots({ perAddress: 2, total: 3 });
    const first = slots.take('a', noop) as StreamSlot;
    slots.take('a', noop);
    slots.take('b', noop);
    expect(slots.take('a', noop)).toBe('address_full');
    first.release();
    first.release();
    expect(slots.openFor('a')).toBe(1);
    expect(slots.open).toBe(2);
    expect(typeof slots.take('a', noop)).toBe('object');
    // The double release did not free a second slot.
    expect(slots.take('a', noop)).toBe('address_full');
    expect(slots.take('c', noop)).toBe('server_full');
  });

  it('forgets an address whose streams are all released', () => {
    const slots = new StreamSlots({ perAddress: 3, total: 3 });
    const held = [slots.take('a', noop), slots.take('a', noop)] as StreamSlot[];
    for (const slot of held) slot.release();
    expect(slots.openFor('a')).toBe(0);
    expect(slots.open).toBe(0);
    expect(takeAll(slots, ['a', 'a', 'a'])).toEqual(['ok', 'ok', 'ok']);
  });

  it('at shutdown asks each open stream to end once and refuses new ones', () => {
    const slots = new StreamSlots({ perAddress: 5, total: 5 });
    const ended: string[] = [];
    const a = slots.take('a', () => ended.push('a')) as StreamSlot;
    slots.take('b', () => ended.push('b'));
    a.release();
    slots.endAll();
    expect(ended).toEqual(['b']);
    expect(slots.take('c', noop)).toBe('closing');
  });
});
