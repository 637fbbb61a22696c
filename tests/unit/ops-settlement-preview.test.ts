import { describe, expect, it } from 'vitest';
import type { InspectionLine } from '../../client/components/ops/ops-inspection';
import { settlementPreview } from '../../client/components/ops/ops-settlement-preview';
import type { RefundInput } from '../../shared/returns/refund-breakdown';

/**
 * The order of the API fixtures: 2 × T-shirt ¥79 (item 1), 1 × earbuds ¥199 (item 2), a ¥10
 * coupon, paid ¥347. The coupon splits 443/557 fen, so the shirts cost 7679 + 7678 fen (the
 * first unit carries the odd fen) and the earbuds 19343.
 */
const SHIRT = 1;
const EARBUDS = 2;
const basis = (over: Partial<Omit<RefundInput, 'items'>> = {}): Omit<RefundInput, 'items'> => ({
  order: {
    lines: [
      { orderItemId: SHIRT, quantity: 2, unitPriceFen: 7900 },
      { orderItemId: EARBUDS, quantity: 1, unitPriceFen: 19900 },
    ],
    shippingFen: 0,
    paidTotalFen: 34_700,
  },
  alreadyReturned: [],
  sellerFault: false,
  method: 'dropoff',
  returnShippingFeeFen: 1000,
  alreadyRefundedFen: 0,
  ...over,
});
/** The same order with ¥8 shipping on top (paid ¥355), for returns that refund it. */
const withShipping = (over: Partial<Omit<RefundInput, 'items'>> = {}) =>
  basis({ order: { ...basis().order, shippingFen: 800, paidTotalFen: 35_500 }, ...over });

const shirts = (quantity: number, accepted: number, damaged = 0): InspectionLine => ({ orderItemId: SHIRT, quantity, acceptedQuantity: accepted, damagedQuantity: damaged });
const earbuds = (accepted: number, damaged = 0): InspectionLine => ({ orderItemId: EARBUDS, quantity: 1, acceptedQuantity: accepted, damagedQuantity: damaged });

describe('the refund previewed while staff inspect', () => {
  it.each([
    // [case, basis, counted lines, items paid back, shipping refunded, fee deducted, capped, total]
    ['everything accepted: the quote', basis(), [shirts(2, 2)], 15_357, 0, 0, 0, 15_357],
    ['one accepted, one damaged: the first unit, with its odd fen', basis(), [shirts(2, 1, 1)], 7_679, 0, 0, 0, 7_679],
    ['one accepted, one missing: the same', basis(), [shirts(2, 1)], 7_679, 0, 0, 0, 7_679],
    ['nothing accepted, one damaged: nothing', basis(), [shirts(1, 0, 1)], 0, 0, 0, 0, 0],
    ['nothing accepted of two lines', basis(), [shirts(2, 0, 2), earbuds(0)], 0, 0, 0, 0, 0],
    ['an earlier return took the first shirt: this one is the other unit', basis({ alreadyReturned: [{ orderItemId: SHIRT, quantity: 1 }] }), [shirts(1, 1)], 7_678, 0, 0, 0, 7_678],
    ['no-reason pickup: the return shipping fee comes off', basis({ method: 'pickup' }), [shirts(2, 2)], 15_357, 0, 1_000, 0, 14_357],
    ['no-reason pickup, one accepted: the fee still comes off once', basis({ method: 'pickup' }), [shirts(2, 1, 1)], 7_679, 0, 1_000, 0, 6_679],
    ['no-reason pickup, nothing accepted: no fee on nothing', basis({ method: 'pickup' }), [shirts(2, 0, 2)], 0, 0, 0, 0, 0],
    ['seller at fault, pickup: no fee', basis({ method: 'pickup', sellerFault: true }), [shirts(2, 2)], 15_357, 0, 0, 0, 15_357],
    ['seller at fault, whole order back: shipping refunded', withShipping({ sellerFault: true }), [shirts(2, 2), earbuds(1)], 34_700, 800, 0, 0, 35_500],
    ['seller at fault, one unit damaged: the order is not emptied, no shipping', withShipping({ sellerFault: true }), [shirts(2, 2), earbuds(0, 1)], 15_357, 0, 0, 0, 15_357],
    ['refunds already paid cap it', basis({ alreadyRefundedFen: 30_000 }), [shirts(2, 2)], 15_357, 0, 0, 10_657, 4_700],
  ] as const)('%s', (_case, b, lines, itemsFen, shippingRefundFen, returnShippingFeeFen, cappedFen, totalFen) => {
    expect(settlementPreview(b, lines)).toMatchObject({ itemsFen, shippingRefundFen, returnShippingFeeFen, cappedFen, totalFen });
  });

  it('lists only the lines that are paid back, and at their accepted quantity', () => {
    const preview = settlementPreview(basis(), [shirts(2, 1, 1), earbuds(0, 1)]);
    expect(preview.lines).toEqual([{ orderItemId: SHIRT, quantity: 1, listFen: 7_900, discountFen: 221, paidFen: 7_679 }]);
  });
});
