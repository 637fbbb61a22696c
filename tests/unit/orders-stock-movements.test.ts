import { describe, expect, it } from 'vitest';
import { LEDGER_KINDS, applyMovement, available, isLowStock, type LedgerKind, type StockBalance } from '../../shared/orders/stock-movements';

// 10 on hand, 4 of them reserved for orders: 6 available.
const balance: StockBalance = { onHand: 10, reserved: 4 };

const moves: { kind: LedgerKind; quantity: number; onHandDelta: number; reservedDelta: number; after: StockBalance }[] = [
  { kind: 'receipt', quantity: 5, onHandDelta: 5, reservedDelta: 0, after: { onHand: 15, reserved: 4 } },
  { kind: 'transfer_in', quantity: 3, onHandDelta: 3, reservedDelta: 0, after: { onHand: 13, reserved: 4 } },
  { kind: 'return_restock', quantity: 1, onHandDelta: 1, reservedDelta: 0, after: { onHand: 11, reserved: 4 } },
  { kind: 'reservation', quantity: 1, onHandDelta: 0, reservedDelta: 1, after: { onHand: 10, reserved: 5 } },
  { kind: 'reservation', quantity: 6, onHandDelta: 0, reservedDelta: 6, after: { onHand: 10, reserved: 10 } },
  { kind: 'release', quantity: 1, onHandDelta: 0, reservedDelta: -1, after: { onHand: 10, reserved: 3 } },
  { kind: 'release', quantity: 4, onHandDelta: 0, reservedDelta: -4, after: { onHand: 10, reserved: 0 } },
  { kind: 'shipment', quantity: 4, onHandDelta: -4, reservedDelta: -4, after: { onHand: 6, reserved: 0 } },
  { kind: 'transfer_out', quantity: 6, onHandDelta: -6, reservedDelta: 0, after: { onHand: 4, reserved: 4 } },
  { kind: 'count_adjustment', quantity: 12, onHandDelta: 2, reservedDelta: 0, after: { onHand: 12, reserved: 4 } },
  { kind: 'count_adjustment', quantity: 10, onHandDelta: 0, reservedDelta: 0, after: { onHand: 10, reserved: 4 } },
  { kind: 'count_adjustment', quantity: 4, onHandDelta: -6, reservedDelta: 0, after: { onHand: 4, reserved: 4 } },
];

const refusals: { kind: LedgerKind; quantity: number; refusal: string }[] = [
  { kind: 'reservation', quantity: 7, refusal: 'not_enough_available' },
  { kind: 'release', quantity: 5, refusal: 'not_enough_reserved' },
  { kind: 'shipment', quantity: 5, refusal: 'not_enough_reserved' },
  { kind: 'transfer_out', quantity: 7, refusal: 'not_enough_available' },
  { kind: 'count_adjustment', quantity: 3, refusal: 'not_enough_on_hand' },
];

describe('applyMovement from 10 on hand, 4 reserved', () => {
  it.each(moves)('$kind of $quantity → on hand $after.onHand, reserved $after.reserved', ({ kind, quantity, onHandDelta, reservedDelta, after }) => {
    expect(applyMovement(balance, kind, quantity)).toEqual({ onHandDelta, reservedDelta, after });
  });

  it.each(refusals)('$kind of $quantity is refused: $refusal', ({ kind, quantity, refusal }) => {
    expect(applyMovement(balance, kind, quantity)).toEqual({ refusal });
  });

  it('covers every ledger kind', () => {
    expect(new Set(moves.map((m) => m.kind))).toEqual(new Set(LEDGER_KINDS));
  });

  it('does not change the balance it was given', () => {
    const before = { ...balance };
    applyMovement(balance, 'shipment', 2);
    expect(balance).toEqual(before);
  });

  it.each([
    { name: 'a shipment of units nobody reserved', from: { onHand: 10, reserved: 0 }, kind: 'shipment' as const, quantity: 1, refusal: 'not_enough_reserved' },
    { name: 'a transfer of reserved units', from: { onHand: 5, reserved: 5 }, kind: 'transfer_out' as const, quantity: 1, refusal: 'not_enough_available' },
    { name: 'a reservation on an empty shelf', from: { onHand: 0, reserved: 0 }, kind: 'reservation' as const, quantity: 1, refusal: 'not_enough_available' },
    { name: 'a release with nothing reserved', from: { onHand: 3, reserved: 0 }, kind: 'release' as const, quantity: 1, refusal: 'not_enough_reserved' },
  ])('refuses $name', ({ from, kind, quantity, refusal }) => {
    expect(applyMovement(from, kind, quantity)).toEqual({ refusal });
  });

  it('counts an empty shelf as 0 when nothing is reserved', () => {
    expect(applyMovement({ onHand: 3, reserved: 0 }, 'count_adjustment', 0)).toEqual({ onHandDelta: -3, reservedDelta: 0, after: { onHand: 0, reserved: 0 } });
  });

  it.each([
    { kind: 'receipt' as const, quantity: 0 },
    { kind: 'reservation' as const, quantity: -1 },
    { kind: 'release' as const, quantity: 1.5 },
    { kind: 'shipment' as const, quantity: Number.NaN },
    { kind: 'transfer_in' as const, quantity: Number.POSITIVE_INFINITY },
    { kind: 'count_adjustment' as const, quantity: -1 },
  ])('throws on a $kind of $quantity units (a bug, not a refusal)', ({ kind, quantity }) => {
    expect(() => applyMovement(balance, kind, quantity)).toThrow(RangeError);
  });

  it('keeps on hand equal to the ledger’s sum over a day of movements', () => {
    const day: [LedgerKind, number][] = [['receipt', 20], ['reservation', 8], ['shipment', 5], ['release', 3], ['transfer_out', 4], ['return_restock', 1], ['count_adjustment', 11]];
    let now: StockBalance = { onHand: 0, reserved: 0 };
    let onHandSum = 0;
    let reservedSum = 0;
    for (const [kind, quantity] of day) {
      const result = applyMovement(now, kind, quantity);
      if ('refusal' in result) throw new Error(`${kind} refused: ${result.refusal}`);
      onHandSum += result.onHandDelta;
      reservedSum += result.reservedDelta;
      now = result.after;
    }
    expect(now).toEqual({ onHand: 11, reserved: 0 });
    expect({ onHand: onHandSum, reserved: reservedSum }).toEqual(now);
  });
});

describe('available and low stock', () => {
  it.each([
    { b: { onHand: 10, reserved: 4 }, units: 6 },
    { b: { onHand: 4, reserved: 4 }, units: 0 },
    { b: { onHand: 0, reserved: 0 }, units: 0 },
  ])('available of $b is $units', ({ b, units }) => {
    expect(available(b)).toBe(units);
  });

  it.each([
    { name: 'available 1 under safety stock', b: { onHand: 10, reserved: 6 }, safety: 5, low: true },
    { name: 'available exactly at safety stock', b: { onHand: 10, reserved: 5 }, safety: 5, low: false },
    { name: 'available over safety stock', b: { onHand: 10, reserved: 0 }, safety: 5, low: false },
    { name: 'nothing available, safety stock 1', b: { onHand: 2, reserved: 2 }, safety: 1, low: true },
    { name: 'nothing available, no safety stock set', b: { onHand: 0, reserved: 0 }, safety: 0, low: false },
    { name: 'no safety stock set never alerts, even oversold (available −1)', b: { onHand: 1, reserved: 2 }, safety: 0, low: false },
    { name: 'reserved units do not count as stock', b: { onHand: 100, reserved: 98 }, safety: 3, low: true },
  ])('$name → $low', ({ b, safety, low }) => {
    expect(isLowStock(b, safety)).toBe(low);
  });
});
