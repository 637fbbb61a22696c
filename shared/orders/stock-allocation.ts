/**
 * Where each line of an order ships from (product document 4b): the warehouse that serves the
 * customer's province and has everything, one parcel; split only when no warehouse has it all.
 */

export interface WarehouseStock {
  code: string;
  /** Whether the customer's province is among those this warehouse serves (see sameProvince). */
  servesProvince: boolean;
  /** sku → units available (on hand − reserved). */
  available: Readonly<Record<string, number>>;
}

export interface StockPick {
  sku: string;
  warehouse: string;
  quantity: number;
}

export interface StockShortage {
  sku: string;
  requested: number;
  /** Units available over every warehouse. */
  available: number;
}

export type Allocation = { ok: true; picks: StockPick[] } | { ok: false; short: StockShortage[] };

export interface OrderLineQuantity {
  sku: string;
  quantity: number;
}

const unitsOf = (warehouse: WarehouseStock, sku: string) => Math.max(0, warehouse.available[sku] ?? 0);

/** A SKU listed twice is one line of the summed quantity (the shop API refuses repeats anyway). */
function mergeLines(lines: readonly OrderLineQuantity[]): OrderLineQuantity[] {
  const merged = new Map<string, number>();
  for (const line of lines) {
    if (line.quantity > 0) merged.set(line.sku, (merged.get(line.sku) ?? 0) + line.quantity);
  }
  return [...merged].map(([sku, quantity]) => ({ sku, quantity }));
}

/**
 * Picks where each line ships from. Warehouses are tried serving-the-province first, then the
 * rest, each group in the order given. The first warehouse that has every line whole takes the
 * order. Only when none has everything is it split: each line from the first warehouse (same
 * order) that has it whole, else split across warehouses in that order. Lines short overall →
 * ok:false with every short line (available = sum over all warehouses). Quantities in picks add
 * up exactly to the lines.
 *
 * A line that one warehouse has whole is never split even when another line forces a split: each
 * extra parcel of a line is one more the customer waits for and the shop pays for.
 */
export function allocateStock(lines: readonly OrderLineQuantity[], warehouses: readonly WarehouseStock[]): Allocation {
  const wanted = mergeLines(lines);
  const ordered = [...warehouses.filter((w) => w.servesProvince), ...warehouses.filter((w) => !w.servesProvince)];

  const whole = ordered.find((w) => wanted.every((line) => unitsOf(w, line.sku) >= line.quantity));
  if (whole) return { ok: true, picks: wanted.map((line) => ({ sku: line.sku, warehouse: whole.code, quantity: line.quantity })) };

  const short: StockShortage[] = [];
  for (const line of wanted) {
    const total = ordered.reduce((sum, w) => sum + unitsOf(w, line.sku), 0);
    if (total < line.quantity) short.push({ sku: line.sku, requested: line.quantity, available: total });
  }
  if (short.length > 0) return { ok: false, short };

  const picks: StockPick[] = [];
  for (const line of wanted) {
    const single = ordered.find((w) => unitsOf(w, line.sku) >= line.quantity);
    if (single) {
      picks.push({ sku: line.sku, warehouse: single.code, quantity: line.quantity });
      continue;
    }
    let left = line.quantity;
    for (const w of ordered) {
      const take = Math.min(left, unitsOf(w, line.sku));
      if (take === 0) continue;
      picks.push({ sku: line.sku, warehouse: w.code, quantity: take });
      left -= take;
      if (left === 0) break;
    }
  }
  return { ok: true, picks };
}
