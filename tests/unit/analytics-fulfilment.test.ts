import { describe, expect, it } from 'vitest';
import {
  averageOnHand,
  fulfilmentKpisFromLog,
  inventoryTurnover,
  isPendingInDeadline,
  orderToShipMs,
  paymentConversion,
  pickAccuracy,
  type LedgerFact,
} from '../../shared/analytics/fulfilment-kpis';
import { orderTransitions, type OrderFacts } from '../../shared/analytics/order-path';
import { withOrderSide } from '../../shared/analytics/whole-process-map';
import type { ProcessMap } from '../../shared/api/ops-analytics';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 20, 0, 0, 0);
const order = (o: Partial<OrderFacts>): OrderFacts => ({
  createdAt: T0,
  paidAt: null,
  pickedAt: null,
  packedAt: null,
  handedOverAt: null,
  cancelledAt: null,
  status: 'pending_payment',
  payBy: null,
  city: '上海市',
  ...o,
});

describe('an order’s path before the parcel', () => {
  it.each([
    ['placed only', order({}), []],
    ['paid, picked, packed, handed over', order({ paidAt: T0 + H, pickedAt: T0 + 3 * H, packedAt: T0 + 4 * H, handedOverAt: T0 + 10 * H }), ['OrderPlaced>Paid:1', 'Paid>Picked:2', 'Picked>Packed:1', 'Packed>HandedOver:6']],
    ['no pick recorded: paid → packed', order({ paidAt: T0 + H, packedAt: T0 + 5 * H }), ['OrderPlaced>Paid:1', 'Paid>Packed:4']],
    ['unpaid and cancelled at the deadline', order({ cancelledAt: T0 + 24 * H, status: 'cancelled' }), ['OrderPlaced>Cancelled:24']],
    ['paid 0 means unpaid', order({ paidAt: 0 }), []],
  ])('%s', (_, o, expected) => expect(orderTransitions(o).map((t) => `${t.from}>${t.to}:${t.ms / H}`)).toEqual(expected));
});

describe('formulas', () => {
  it.each([
    [10, 6, 2, 0.75],
    [10, 10, 0, 1],
    [3, 0, 3, null],
    [0, 0, 0, null],
  ])('payment conversion: %i placed, %i paid, %i pending in deadline → %s', (placed, paid, pending, expected) =>
    expect(paymentConversion(placed, paid, pending)).toBe(expected));

  it.each([
    [{ status: 'pending_payment', payBy: T0 + H }, T0, true],
    [{ status: 'pending_payment', payBy: T0 + H }, T0 + 2 * H, false],
    [{ status: 'pending_payment', payBy: null }, T0, true],
    [{ status: 'paid', payBy: T0 + H }, T0, false],
  ])('pending inside the deadline: %j at %i → %s', (o, now, expected) => expect(isPendingInDeadline(o, now)).toBe(expected));

  it.each([
    [{ paidAt: T0, packedAt: T0 + 2 * H, handedOverAt: T0 + 5 * H }, 5 * H],
    [{ paidAt: T0, packedAt: T0 + 2 * H, handedOverAt: null }, 2 * H],
    [{ paidAt: T0, packedAt: null, handedOverAt: null }, null],
    [{ paidAt: null, packedAt: T0, handedOverAt: T0 }, null],
  ])('order to ship of %j → %s', (o, expected) => expect(orderToShipMs(o)).toBe(expected));

  it.each([
    [9, 10, 0.9],
    [0, 0, null],
    [0, 3, 0],
  ])('pick accuracy %i of %i → %s', (picked, all, expected) => expect(pickAccuracy(picked, all)).toBe(expected));

  it.each([
    [30, 15, 2],
    [5, 0, null],
    [0, 10, 0],
  ])('turnover: %i shipped over %i on hand → %s', (shipped, onHand, expected) => expect(inventoryTurnover(shipped, onHand)).toBe(expected));

  it('average on hand is the mean of each day’s closing stock', () => {
    const ledger: LedgerFact[] = [
      { warehouseId: 1, productId: 1, kind: 'receipt', onHandDelta: 10, onHandAfter: 10, reservedAfter: 0, createdAt: T0 - H },
      { warehouseId: 1, productId: 1, kind: 'shipment', onHandDelta: -4, onHandAfter: 6, reservedAfter: 0, createdAt: T0 + 30 * H },
    ];
    // Closing stock: day 1 → 10, day 2 → 6.
    expect(averageOnHand(ledger, [T0 + 24 * H, T0 + 48 * H])).toBe(8);
    expect(averageOnHand(ledger, [])).toBe(0);
  });
});

describe('the range’s figures from facts', () => {
  const bounds = { start: T0, end: T0 + 48 * H, dayEnds: [T0 + 24 * H, T0 + 48 * H] };
  const log = {
    orders: [
      order({ paidAt: T0 + H, packedAt: T0 + 3 * H, handedOverAt: T0 + 7 * H, status: 'shipped' }),
      order({ paidAt: T0 + H, packedAt: T0 + 2 * H, status: 'paid' }),
      order({ status: 'pending_payment', payBy: T0 + 100 * H }),
      order({ status: 'cancelled', cancelledAt: T0 + 2 * H }),
      order({ createdAt: T0 + 60 * H, paidAt: T0 + 61 * H, status: 'paid' }),
    ],
    pickScans: [
      { outcome: 'picked', scannedAt: T0 + 2 * H },
      { outcome: 'picked', scannedAt: T0 + 2 * H },
      { outcome: 'wrong_item', scannedAt: T0 + 2 * H },
      { outcome: 'already_picked', scannedAt: T0 + 2 * H },
      { outcome: 'wrong_item', scannedAt: T0 + 50 * H },
    ],
    ledger: [
      { warehouseId: 1, productId: 1, kind: 'receipt', onHandDelta: 4, onHandAfter: 4, reservedAfter: 0, createdAt: T0 - H },
      { warehouseId: 1, productId: 1, kind: 'shipment', onHandDelta: -4, onHandAfter: 0, reservedAfter: 0, createdAt: T0 + 5 * H },
      { warehouseId: 2, productId: 1, kind: 'reservation', onHandDelta: 0, onHandAfter: 2, reservedAfter: 2, createdAt: T0 + 30 * H },
      { warehouseId: 2, productId: 1, kind: 'receipt', onHandDelta: 2, onHandAfter: 2, reservedAfter: 0, createdAt: T0 + 29 * H },
    ],
  };

  it('counts each cohort as documented', () =>
    expect(fulfilmentKpisFromLog(log, bounds, T0 + 40 * H)).toEqual({
      ordersPlaced: 4,
      ordersPaid: 2,
      ordersPendingInDeadline: 1,
      paymentConversion: 2 / 3,
      orderToShip: { medianMs: H, p90Ms: 6 * H, count: 2 },
      pickScans: 4,
      pickScansPicked: 2,
      pickAccuracy: 0.5,
      stockOuts: 2,
      unitsShipped: 4,
      averageOnHand: 1,
      inventoryTurnover: 4,
    }));

  it('a pending order past its deadline counts as not converted', () =>
    expect(fulfilmentKpisFromLog(log, bounds, T0 + 200 * H).paymentConversion).toBe(0.5));
});

describe('the whole process on the map', () => {
  const delivery: ProcessMap = {
    range: { from: '2026-11-20', to: '2026-11-20' },
    filters: { courier: null, city: null },
    shipments: 6,
    nodes: [
      { status: 'InTransit', count: 6 },
      { status: 'Delivered', count: 6 },
    ],
    edges: [{ from: 'InTransit', to: 'Delivered', count: 6, medianMs: 5 * H, p90Ms: 6 * H, rework: false, slowest: true }],
  };
  const orders = Array.from({ length: 6 }, (_, i) => order({ paidAt: T0 + H, packedAt: T0 + (10 + i) * H, handedOverAt: T0 + (11 + i) * H, status: 'shipped' }));
  const cancelled = Array.from({ length: 6 }, () => order({ status: 'cancelled', cancelledAt: T0 + 48 * H }));
  const map = withOrderSide(delivery, [...orders, ...cancelled]);

  it('puts the order steps first, in process order', () =>
    expect(map.nodes.map((n) => `${n.status}:${n.count}`)).toEqual(['OrderPlaced:12', 'Paid:6', 'Packed:6', 'HandedOver:6', 'InTransit:6', 'Delivered:6', 'Cancelled:6']));

  it('finds the slowest step across all edges: a slow pack beats the delivery, a cancellation timer never counts', () => {
    expect(map.orders).toBe(12);
    expect(map.edges.filter((e) => e.slowest).map((e) => `${e.from}>${e.to}`)).toEqual(['Paid>Packed']);
    expect(map.edges.find((e) => e.from === 'Paid' && e.to === 'Packed')).toMatchObject({ count: 6, medianMs: 11 * H, p90Ms: 14 * H, rework: false });
    expect(map.edges.find((e) => e.to === 'Cancelled')).toMatchObject({ count: 6, medianMs: 48 * H, slowest: false });
  });

  it('a courier’s map is the delivery alone', () => {
    const one = { ...delivery, filters: { courier: 3, city: null } };
    expect(withOrderSide(one, orders)).toBe(one);
  });
});
