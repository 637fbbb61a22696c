import { describe, expect, it } from 'vitest';
import {
  defaultInspection,
  inspectionProblem,
  missingQuantity,
  receiveRequest,
  withAccepted,
  withDamaged,
  type InspectionLine,
} from '../../client/components/ops/ops-inspection';
import { formatFen } from '../../client/components/ops/ops-money';

describe('money in fen', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [10, '¥0.10'],
    [1234, '¥12.34'],
    [100000, '¥1,000.00'],
    [123456789, '¥1,234,567.89'],
    [-500, '−¥5.00'],
    [-1, '−¥0.01'],
    [Number.MAX_SAFE_INTEGER, '¥90,071,992,547,409.91'],
    [12.5, '—'],
    [Number.NaN, '—'],
  ])('%d fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
});

const line = (quantity: number, accepted: number, damaged: number): InspectionLine => ({
  orderItemId: 7,
  quantity,
  acceptedQuantity: accepted,
  damagedQuantity: damaged,
});

describe('receive and inspect', () => {
  it('starts with every unit accepted and none damaged', () => {
    const items = [
      { orderItemId: 1, sku: 'A', name: 'Mug', quantity: 2, acceptedQuantity: null, damagedQuantity: null },
      { orderItemId: 2, sku: 'B', name: 'Tea', quantity: 1, acceptedQuantity: null, damagedQuantity: null },
    ];
    expect(defaultInspection(items)).toEqual([
      { orderItemId: 1, quantity: 2, acceptedQuantity: 2, damagedQuantity: 0 },
      { orderItemId: 2, quantity: 1, acceptedQuantity: 1, damagedQuantity: 0 },
    ]);
  });

  it.each([
    // [before, new accepted, after]
    [line(3, 3, 0), 2, line(3, 2, 0)],
    [line(3, 2, 1), 3, line(3, 3, 0)], // accepting the damaged unit takes it off "damaged"
    [line(3, 1, 1), 2, line(3, 2, 1)],
    [line(3, 0, 0), -1, line(3, 0, 0)],
    [line(3, 3, 0), 4, line(3, 3, 0)],
    [line(3, 1, 0), 2.7, line(3, 2, 0)],
  ])('accepted: %j set to %d → %j', (before, value, after) => {
    expect(withAccepted(before, value)).toEqual(after);
  });

  it.each([
    [line(3, 3, 0), 1, line(3, 2, 1)], // one damaged unit is one fewer accepted
    [line(3, 2, 1), 0, line(3, 2, 0)],
    [line(3, 1, 0), 1, line(3, 1, 1)],
    [line(3, 3, 0), 5, line(3, 0, 3)],
    [line(3, 0, 0), -2, line(3, 0, 0)],
  ])('damaged: %j set to %d → %j', (before, value, after) => {
    expect(withDamaged(before, value)).toEqual(after);
  });

  it.each([
    [line(3, 3, 0), 0, null],
    [line(3, 1, 1), 1, null],
    [line(3, 0, 0), 3, null],
    [line(3, 3, 1), -1, 'over_quantity'],
    [line(3, 1.5, 0), 1.5, 'not_whole_number'],
    [line(3, -1, 0), 4, 'not_whole_number'],
  ] as const)('%j: missing %d, problem %s', (inspected, missing, problem) => {
    expect(missingQuantity(inspected)).toBe(missing);
    expect(inspectionProblem(inspected)).toBe(problem);
  });

  it('sends only what the API takes, with the note trimmed', () => {
    expect(receiveRequest([line(2, 1, 1)], '  box crushed ')).toEqual({
      items: [{ orderItemId: 7, acceptedQuantity: 1, damagedQuantity: 1 }],
      note: 'box crushed',
    });
  });
});
