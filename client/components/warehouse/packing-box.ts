import type { PackingView } from '../../../shared/api/warehouse';

type PackingLine = PackingView['lines'][number];

export interface BoxLine {
  sku: string;
  expected: number;
  inBox: number;
}

/** Each of the order's lines against what was scanned into the box; `ready` when they all match. */
export function compareBox(lines: readonly PackingLine[], box: Readonly<Record<string, number>>): { lines: BoxLine[]; ready: boolean } {
  const compared = lines.map((line) => ({ sku: line.sku, expected: line.quantity, inBox: box[line.sku] ?? 0 }));
  return { lines: compared, ready: compared.length > 0 && compared.every((line) => line.inBox === line.expected) };
}

/** The order line a scanned code belongs to (by barcode or typed SKU), or null for an item not in this order. */
export function lineForCode(lines: readonly PackingLine[], raw: string): PackingLine | null {
  const code = raw.trim();
  return lines.find((line) => (line.barcode !== null && line.barcode === code) || line.sku.toLowerCase() === code.toLowerCase()) ?? null;
}

/**
 * Whether the scale disagrees with the catalogue: off by more than 10 % and 50 g (packing,
 * a bag and a slip weigh something; a missing or extra item weighs more). Null: nothing to compare.
 */
export function weightMismatch(expectedGrams: number | null, weighedGrams: number): boolean | null {
  if (expectedGrams === null || !Number.isFinite(weighedGrams) || weighedGrams <= 0) return null;
  const difference = Math.abs(weighedGrams - expectedGrams);
  return difference > 50 && difference > expectedGrams * 0.1;
}
