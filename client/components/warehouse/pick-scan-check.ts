import type { PickStop } from '../../../shared/api/warehouse';

/** Units of a stop still to take from the shelf (neither picked nor written off short). */
export function unitsLeft(stop: PickStop): number {
  return Math.max(0, stop.quantity - stop.pickedQuantity - stop.shortQuantity);
}

/** The stop the worker stands at: the first in bin order with units left; -1 when all are done. */
export function currentStopIndex(stops: readonly PickStop[]): number {
  return stops.findIndex((stop) => unitsLeft(stop) > 0);
}

export type PickScanCheck = { verdict: 'expected'; stop: PickStop } | { verdict: 'all_picked'; stop: PickStop } | { verdict: 'wrong_item' };

/**
 * What the phone can tell at once, before the server answers: a code that is no item of this
 * wave (by barcode, or its SKU typed in) is refused on the spot, and one whose units are all
 * taken is said to be done. The scan is sent either way: the server keeps every scan.
 */
export function checkPickScan(stops: readonly PickStop[], raw: string): PickScanCheck {
  const code = raw.trim();
  const matching = stops.filter((stop) => (stop.barcode !== null && stop.barcode === code) || stop.sku.toLowerCase() === code.toLowerCase());
  if (matching.length === 0) return { verdict: 'wrong_item' };
  const open = matching.find((stop) => unitsLeft(stop) > 0);
  return open ? { verdict: 'expected', stop: open } : { verdict: 'all_picked', stop: matching[0]! };
}
