/**
 * Picking rules (product document 4c), pure so they are tested by tables: which order lines
 * go into a new wave, the order a worker walks the bins in, and which stop a scan belongs to.
 */

/** An order line allocated to the warehouse and in no wave yet. */
export interface WaveCandidate {
  orderId: number;
  orderItemId: number;
  /** When the order was paid (oldest first). */
  paidAt: number;
  status: string;
  heldAt: number | null;
}

/**
 * The lines of a new wave: paid orders (not held, not cancelled) oldest paid first, at most
 * `maxOrders` orders, every candidate line of each order taken.
 */
export function chooseWaveLines<T extends WaveCandidate>(candidates: readonly T[], maxOrders: number): T[] {
  const eligible = candidates.filter((c) => c.status === 'paid' && c.heldAt === null);
  const orders = [...new Map(eligible.map((c) => [c.orderId, c.paidAt])).entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, maxOrders);
  const chosen = new Set(orders.map(([orderId]) => orderId));
  return eligible.filter((c) => chosen.has(c.orderId)).sort((a, b) => a.orderItemId - b.orderItemId);
}

const binParts = (bin: string) => bin.trim().toUpperCase().split(/(\d+)/).filter((part) => part !== '');

/**
 * Natural bin order: A-2-10 before A-10-1 (numbers compare as numbers), a bin not placed yet
 * ('') last, so the walk never doubles back for the unplaced.
 */
export function compareBins(a: string, b: string): number {
  if (a.trim() === '' || b.trim() === '') return (a.trim() === '' ? 1 : 0) - (b.trim() === '' ? 1 : 0);
  const [pa, pb] = [binParts(a), binParts(b)];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i]!, pb[i]!];
    const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (nx && ny) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return diff;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return pa.length - pb.length;
}

/** A pick line as scan matching sees it. */
export interface ScanLine {
  id: number;
  sku: string;
  barcode: string | null;
  bin: string;
  quantity: number;
  pickedQuantity: number;
  shortQuantity: number;
}

export type ScanMatch<T extends ScanLine> = { outcome: 'picked'; line: T } | { outcome: 'already_picked'; line: T } | { outcome: 'wrong_item'; line: null };

/**
 * What a scanned code picks: the first line in bin order of the SKU whose barcode (or SKU
 * code) it is with units left; the SKU on the list but all picked: already_picked; else a
 * wrong item.
 */
export function matchScan<T extends ScanLine>(lines: readonly T[], code: string): ScanMatch<T> {
  const scanned = code.trim();
  const same = lines
    .filter((l) => (l.barcode !== null && l.barcode === scanned) || l.sku === scanned)
    .sort((a, b) => compareBins(a.bin, b.bin) || a.id - b.id);
  if (same.length === 0) return { outcome: 'wrong_item', line: null };
  const open = same.find((l) => l.quantity - l.pickedQuantity - l.shortQuantity > 0);
  return open ? { outcome: 'picked', line: open } : { outcome: 'already_picked', line: same[0]! };
}

export interface PackLine {
  sku: string;
  quantity: number;
}

export interface PackDifference {
  sku: string;
  expected: number;
  scanned: number;
}

/** The differences between what is in the box and what was picked for it (none: the box is right). */
export function packDifferences(expected: readonly PackLine[], scanned: readonly PackLine[]): PackDifference[] {
  const tally = (lines: readonly PackLine[]) => lines.reduce((m, l) => m.set(l.sku, (m.get(l.sku) ?? 0) + l.quantity), new Map<string, number>());
  const [want, got] = [tally(expected), tally(scanned)];
  const skus = [...new Set([...want.keys(), ...got.keys()])].sort();
  return skus.flatMap((sku) => ((want.get(sku) ?? 0) === (got.get(sku) ?? 0) ? [] : [{ sku, expected: want.get(sku) ?? 0, scanned: got.get(sku) ?? 0 }]));
}

/** Wave numbers: BC (波次) + the shop day + a dash and the wave's id, e.g. BC20261205-0001. */
export function waveNumber(shopDayStamp: string, id: number): string {
  return `BC${shopDayStamp}-${String(id).padStart(4, '0')}`;
}
