/**
 * Seeded randomness for the demo data. Math.random can't be replayed, and the demo must be:
 * the same seed gives the same parcels on every machine, so tests and screenshots can name
 * them. Each shipment draws from its own stream (seed, stream, index), which keeps one
 * shipment's data independent of how many were generated before it or in which batch.
 */

/** Murmur3's 32-bit finaliser: spreads nearby inputs (1, 2, 3…) over the whole range. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One 32-bit seed from several numbers, e.g. (demo seed, stream id, row index). */
export function deriveSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Split so indexes past 2^32 still change the result.
    h = mix32(h ^ mix32(part >>> 0));
    h = mix32(h ^ Math.floor(part / 0x100000000));
  }
  return h;
}

export interface Weighted<T> {
  /** Every value that can be picked (the tests check them against the shared taxonomies). */
  readonly items: readonly T[];
  pick(random: Random): T;
}

/** Precomputes the running totals once, so a pick in a hot loop is a short scan. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): Weighted<T> {
  const values = entries.map(([value]) => value);
  const totals: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    if (!(weight >= 0)) throw new RangeError('weights must be non-negative');
    total += weight;
    totals.push(total);
  }
  if (values.length === 0 || total <= 0) throw new RangeError('weighted() needs a positive weight');
  return {
    items: values,
    pick(random) {
      const target = random.next() * total;
      for (let i = 0; i < totals.length; i++) if (target < totals[i]!) return values[i]!;
      return values[values.length - 1]!;
    },
  };
}

/** mulberry32: tiny, fast, and good enough for picking names and delays. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `length` decimal digits, leading zeros kept. */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += Math.floor(this.next() * 10);
    return out;
  }
}

export function randomFor(...parts: number[]): Random {
  return new Random(deriveSeed(...parts));
}
