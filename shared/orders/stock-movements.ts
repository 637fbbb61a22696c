/**
 * What each stock-ledger row does to one SKU's balance in one warehouse (product document 4b).
 * The service writes the deltas and the balance after into the ledger, so on hand is always the
 * ledger's sum; the database's CHECK (reserved ≤ on hand) is the last guard, these the first.
 */

export const LEDGER_KINDS = [
  'receipt',
  'count_adjustment',
  'reservation',
  'release',
  'shipment',
  'return_restock',
  'transfer_out',
  'transfer_in',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface StockBalance {
  onHand: number;
  reserved: number;
}

export type MovementRefusal = 'not_enough_available' | 'not_enough_reserved' | 'not_enough_on_hand';

export interface Movement {
  onHandDelta: number;
  reservedDelta: number;
  after: StockBalance;
}

export function available(balance: StockBalance): number {
  return balance.onHand - balance.reserved;
}

/** Low stock: available below safety stock (a safety stock of 0 never alerts). */
export function isLowStock(balance: StockBalance, safetyStock: number): boolean {
  return safetyStock > 0 && available(balance) < safetyStock;
}

const moved = (balance: StockBalance, onHandDelta: number, reservedDelta: number): Movement => ({
  onHandDelta,
  reservedDelta,
  after: { onHand: balance.onHand + onHandDelta, reserved: balance.reserved + reservedDelta },
});

/**
 * What a movement of `quantity` (>0) units does: receipt/transfer_in/return_restock +onHand;
 * reservation +reserved (needs available ≥ q); release −reserved (needs reserved ≥ q); shipment
 * −onHand −reserved (ships reserved units); transfer_out −onHand (needs available ≥ q).
 * count_adjustment takes the counted on-hand as quantity (≥0) and sets onHand to it (refused
 * not_enough_on_hand when below reserved). Returns the deltas and the balance after, or the
 * refusal.
 *
 * A quantity that is not a whole number in range is a programming error, not a refusal the
 * customer could meet (the shop API's schemas refuse it first), so it throws.
 */
export function applyMovement(balance: StockBalance, kind: LedgerKind, quantity: number): Movement | { refusal: MovementRefusal } {
  const least = kind === 'count_adjustment' ? 0 : 1;
  if (!Number.isSafeInteger(quantity) || quantity < least) {
    throw new RangeError(`a ${kind} needs a whole number of units ≥ ${least}, got ${quantity}`);
  }
  switch (kind) {
    case 'receipt':
    case 'transfer_in':
    case 'return_restock':
      return moved(balance, quantity, 0);
    case 'reservation':
      return available(balance) >= quantity ? moved(balance, 0, quantity) : { refusal: 'not_enough_available' };
    case 'release':
      return balance.reserved >= quantity ? moved(balance, 0, -quantity) : { refusal: 'not_enough_reserved' };
    case 'shipment':
      // Only reserved units ship: every order reserved its units when it was created.
      return balance.reserved >= quantity ? moved(balance, -quantity, -quantity) : { refusal: 'not_enough_reserved' };
    case 'transfer_out':
      // Units reserved for orders stay for them; only free units may leave.
      return available(balance) >= quantity ? moved(balance, -quantity, 0) : { refusal: 'not_enough_available' };
    case 'count_adjustment':
      // A count below what orders hold would oversell them: the difference needs a person first.
      return quantity >= balance.reserved ? moved(balance, quantity - balance.onHand, 0) : { refusal: 'not_enough_on_hand' };
  }
}
