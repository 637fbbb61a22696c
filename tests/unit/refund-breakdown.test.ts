import { describe, expect, it } from 'vitest';
import { paidPrices, splitProportionally } from '../../shared/returns/paid-prices';
import { refundBreakdown, type RefundInput } from '../../shared/returns/refund-breakdown';

// ¥10 off an order of three lines: 1 × ¥33.33, 2 × ¥25.00, 4 × ¥9.99 (list ¥123.29), shipping ¥8.
const order = {
  lines: [
    { orderItemId: 1, quantity: 1, unitPriceFen: 3333 },
    { orderItemId: 2, quantity: 2, unitPriceFen: 2500 },
    { orderItemId: 3, quantity: 4, unitPriceFen: 999 },
  ],
  shippingFen: 800,
  paidTotalFen: 12_329 - 1_000 + 800,
};

const base = (over: Partial<RefundInput>): RefundInput => ({
  order,
  alreadyReturned: [],
  items: [],
  sellerFault: false,
  method: 'dropoff',
  returnShippingFeeFen: 1000,
  alreadyRefundedFen: 0,
  ...over,
});

describe('splitProportionally', () => {
  it.each([
    { amount: 1000, weights: [3333, 5000, 3996], parts: [270, 406, 324] },
    { amount: 10, weights: [1, 1, 1], parts: [4, 3, 3] },
    { amount: 1, weights: [1, 1], parts: [1, 0] },
    { amount: 0, weights: [5, 7], parts: [0, 0] },
    { amount: 7, weights: [0, 0], parts: [7, 0] },
    { amount: 100, weights: [1, 2, 4], parts: [14, 29, 57] },
    { amount: 1_000_000_007, weights: [9_007_199, 9_007_199_254, 3], parts: [999_001, 999_001_006, 0] },
  ])('$amount over $weights → $parts (always sums to the amount)', ({ amount, weights, parts }) => {
    const split = splitProportionally(amount, weights);
    expect(split).toEqual(parts);
    expect(split.reduce((a, b) => a + b, 0)).toBe(amount);
  });
});

describe('paidPrices', () => {
  it('spreads ¥10 off over lines by value and over units, odd fen to the first units', () => {
    const prices = paidPrices(order);
    expect(prices.map((p) => p.discountFen)).toEqual([270, 406, 324]);
    expect(prices.map((p) => p.unitPaidFen)).toEqual([[3063], [2297, 2297], [918, 918, 918, 918]]);
    const allUnits = prices.flatMap((p) => p.unitPaidFen).reduce((a, b) => a + b, 0);
    expect(allUnits).toBe(order.paidTotalFen - order.shippingFen);
  });

  it.each([
    { name: 'no discount', paid: 12_329 + 800, units: [[3333], [2500, 2500], [999, 999, 999, 999]] },
    { name: 'an awkward 1 fen off', paid: 12_328 + 800, units: [[3333], [2500, 2499], [999, 999, 999, 999]] },
    { name: 'free items (paid nothing)', paid: 800, units: [[0], [0, 0], [0, 0, 0, 0]] },
  ])('$name', ({ paid, units }) => {
    const prices = paidPrices({ ...order, paidTotalFen: paid });
    expect(prices.map((p) => p.unitPaidFen)).toEqual(units);
    expect(prices.flatMap((p) => p.unitPaidFen).reduce((a, b) => a + b, 0)).toBe(paid - 800);
  });
});

describe('refundBreakdown', () => {
  it.each([
    {
      name: 'one unit, no reason, drop-off: its paid price',
      input: base({ items: [{ orderItemId: 3, quantity: 1 }] }),
      expected: { itemsFen: 918, shippingRefundFen: 0, returnShippingFeeFen: 0, cappedFen: 0, totalFen: 918 },
    },
    {
      name: 'no reason, courier pickup: the return shipping fee is deducted',
      input: base({ items: [{ orderItemId: 2, quantity: 2 }], method: 'pickup' }),
      expected: { itemsFen: 4594, shippingRefundFen: 0, returnShippingFeeFen: 1000, cappedFen: 0, totalFen: 3594 },
    },
    {
      name: 'seller at fault, pickup: shipping is free, and the order is not emptied so no shipping refund',
      input: base({ items: [{ orderItemId: 1, quantity: 1 }], sellerFault: true, method: 'pickup' }),
      expected: { itemsFen: 3063, shippingRefundFen: 0, returnShippingFeeFen: 0, cappedFen: 0, totalFen: 3063 },
    },
    {
      name: 'seller at fault and the return empties the order: the shipping fee comes back too',
      input: base({ alreadyReturned: [{ orderItemId: 1, quantity: 1 }, { orderItemId: 2, quantity: 2 }], items: [{ orderItemId: 3, quantity: 4 }], sellerFault: true, alreadyRefundedFen: 3063 + 4594 }),
      expected: { itemsFen: 3672, shippingRefundFen: 800, returnShippingFeeFen: 0, cappedFen: 0, totalFen: 4472 },
    },
    {
      name: 'no reason and emptying the order: no shipping refund',
      input: base({ items: [{ orderItemId: 1, quantity: 1 }, { orderItemId: 2, quantity: 2 }, { orderItemId: 3, quantity: 4 }] }),
      expected: { itemsFen: 11_329, shippingRefundFen: 0, returnShippingFeeFen: 0, cappedFen: 0, totalFen: 11_329 },
    },
    {
      name: 'the fee never makes a refund negative',
      input: base({ order: { ...order, paidTotalFen: 800 + 500 }, items: [{ orderItemId: 1, quantity: 1 }], method: 'pickup' }),
      expected: { itemsFen: 135, returnShippingFeeFen: 135, totalFen: 0 },
    },
    {
      name: 'capped at what was paid minus what was already refunded (a goodwill refund earlier)',
      input: base({ items: [{ orderItemId: 1, quantity: 1 }], alreadyRefundedFen: 12_129 - 1000 }),
      expected: { itemsFen: 3063, cappedFen: 2063, totalFen: 1000 },
    },
    {
      name: 'the second partial return of a line takes the next units',
      input: base({ order: { ...order, paidTotalFen: 12_328 + 800 }, alreadyReturned: [{ orderItemId: 2, quantity: 1 }], items: [{ orderItemId: 2, quantity: 1 }] }),
      expected: { itemsFen: 2499, totalFen: 2499 },
    },
  ])('$name', ({ input, expected }) => {
    expect(refundBreakdown(input)).toMatchObject(expected);
  });

  it('refunds of every unit, one at a time, add up to exactly the items paid', () => {
    const returned: { orderItemId: number; quantity: number }[] = [];
    let total = 0;
    for (const line of order.lines) {
      for (let u = 0; u < line.quantity; u++) {
        total += refundBreakdown(base({ alreadyReturned: [...returned], items: [{ orderItemId: line.orderItemId, quantity: 1 }], alreadyRefundedFen: total })).totalFen;
        returned.push({ orderItemId: line.orderItemId, quantity: 1 });
      }
    }
    expect(total).toBe(order.paidTotalFen - order.shippingFen);
  });

  it('shows each line’s list price, discount share and paid amount', () => {
    expect(refundBreakdown(base({ items: [{ orderItemId: 2, quantity: 1 }] })).lines).toEqual([
      { orderItemId: 2, quantity: 1, listFen: 2500, discountFen: 203, paidFen: 2297 },
    ]);
  });
});
