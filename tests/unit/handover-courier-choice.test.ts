import { describe, expect, it } from 'vitest';
import { chooseCourier } from '../../server/domain/handover/courier-choice';

describe('which courier of a district takes a parcel', () => {
  it.each([
    ['nobody serves it', [], null],
    ['one serves it', [{ id: 7, openStops: 30 }], 7],
    ['the fewest open stops', [{ id: 1, openStops: 5 }, { id: 2, openStops: 2 }, { id: 3, openStops: 9 }], 2],
    ['a tie goes to the lowest id', [{ id: 4, openStops: 2 }, { id: 3, openStops: 2 }], 3],
    ['none held beats some', [{ id: 1, openStops: 1 }, { id: 9, openStops: 0 }], 9],
  ])('%s', (_, candidates, expected) => {
    expect(chooseCourier(candidates)).toBe(expected);
  });
});
