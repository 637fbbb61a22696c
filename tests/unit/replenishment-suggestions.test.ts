import { describe, expect, it } from 'vitest';
import { reorderQuantity, spareUnits, suggestReplenishment, type StockPosition } from '../../shared/replenishment/suggestions';

const flat = (perDay: number, n = 14) => new Array<number>(n).fill(perDay);
const pos = (warehouse: string, available: number, perDay: number, extra: Partial<StockPosition> = {}): StockPosition => ({
  sku: 'TEA-01',
  warehouse,
  available,
  inTransit: 0,
  onOrder: 0,
  safetyStock: 0,
  leadTimeDays: 5,
  forecast: flat(perDay),
  ...extra,
});
const rules = { reviewDays: 7, transferDays: 1 };

describe('reorderQuantity = max(0, ceil(forecast over lead + review + safety − available − in transit − on order))', () => {
  it.each([
    { name: 'nothing on hand: 12 days × 2 + safety 4', p: pos('SH', 0, 2, { safetyStock: 4 }), quantity: 28 },
    { name: 'stock, in transit and on order all count', p: pos('SH', 10, 2, { inTransit: 5, onOrder: 3, safetyStock: 4 }), quantity: 10 },
    { name: 'enough already: 0, never negative', p: pos('SH', 100, 2), quantity: 0 },
    { name: 'fractions round up: 12 × 0.25 = 3 − 1 = 2; 12 × 0.3 = 3.6 → 4', p: pos('SH', 1, 0.25), quantity: 2 },
    { name: 'float dust is not a unit: 12 × 0.1 (1.2000000000000002) − 0.2', p: pos('SH', 0, 0.1), quantity: 2 },
    { name: 'a longer lead time needs more', p: pos('SH', 0, 1, { leadTimeDays: 10, forecast: flat(1, 20) }), quantity: 17 },
  ])('$name', ({ p, quantity }) => expect(reorderQuantity(p, 7)).toBe(quantity));
});

describe('spareUnits: what a warehouse can give and keep 2 × lead time of cover plus safety stock', () => {
  it.each([
    { p: pos('BJ', 50, 2, { safetyStock: 5 }), spare: 25 },
    { p: pos('BJ', 10, 2), spare: 0 },
    { p: pos('BJ', 7, 0), spare: 7 },
  ])('available $p.available, $p.forecast.0 a day → $spare', ({ p, spare }) => expect(spareUnits(p)).toBe(spare));
});

describe('suggestReplenishment', () => {
  it('forecast per day, days of cover (null when nothing is forecast), and reorder', () => {
    const forecast = [1, 1, 1, 1, 1, 4, 5, 0, 0, 0, 0, 0, 0, 0];
    expect(suggestReplenishment([pos('SH', 6, 0, { forecast }), pos('GZ', 0, 0)], rules)).toEqual([
      { sku: 'TEA-01', warehouse: 'SH', forecastDaily: 2, daysOfCover: 3, reorderQuantity: 8 },
      { sku: 'TEA-01', warehouse: 'GZ', forecastDaily: 0, daysOfCover: null, reorderQuantity: 0 },
    ]);
  });

  it('a transfer from the warehouse with spare, for at most what is short', () => {
    const [sh, bj] = suggestReplenishment([pos('SH', 4, 2), pos('BJ', 60, 2)], rules);
    expect(sh).toMatchObject({ reorderQuantity: 20, transferFrom: 'BJ', transferQuantity: 20, daysOfCover: 2 });
    expect(bj).toEqual({ sku: 'TEA-01', warehouse: 'BJ', forecastDaily: 2, daysOfCover: 30, reorderQuantity: 0 });
  });

  it.each([
    { name: 'no donor keeps its own cover after giving', others: [pos('BJ', 20, 2)] },
    { name: 'the same SKU only', others: [{ ...pos('BJ', 60, 2), sku: 'TEA-02' }] },
    { name: 'no transfer when the supplier is as quick', others: [pos('BJ', 60, 2)], leadTimeDays: 1 },
  ])('no transferFrom: $name', ({ others, leadTimeDays }) => {
    const [sh] = suggestReplenishment([pos('SH', 0, 2, { leadTimeDays: leadTimeDays ?? 5 }), ...others], rules);
    expect(sh!.reorderQuantity).toBeGreaterThan(0);
    expect(sh!.transferFrom).toBeUndefined();
  });

  it("the least covered chooses first and a donor's spare is not promised twice", () => {
    // BJ keeps 2 × 5 × 1 = 10 → spare 20. SH (cover 0) takes 12, GZ (cover 2) the 8 left.
    const rows = suggestReplenishment([pos('GZ', 2, 1), pos('SH', 0, 1), pos('BJ', 30, 1)], rules);
    expect(rows.map((r) => [r.warehouse, r.reorderQuantity, r.transferFrom, r.transferQuantity])).toEqual([
      ['GZ', 10, 'BJ', 8],
      ['SH', 12, 'BJ', 12],
      ['BJ', 0, undefined, undefined],
    ]);
  });
});
