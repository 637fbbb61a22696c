/**
 * The order a courier visits their stops in: nearest neighbour from where the round starts,
 * then 2-opt (reverse any stretch of the path that makes it shorter, until none does) over
 * great-circle distances. An open path: a courier's day ends at the last stop, not back at the
 * depot. Not an optimal tour, but one without the back-and-forth a person would notice (two
 * legs that cross), found in milliseconds for a day's round. Pure, so it is tested by tables.
 */

export interface GeoPoint {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km (haversine): plenty for stops a few km apart. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of the path from `start` through `points` in order, in km. */
export function pathKm(start: GeoPoint, points: readonly GeoPoint[]): number {
  let total = 0;
  let at = start;
  for (const p of points) {
    total += haversineKm(at, p);
    at = p;
  }
  return total;
}

/** The middle of some points (their mean: fine within a city). */
export function centreOf(points: readonly GeoPoint[]): GeoPoint | null {
  if (points.length === 0) return null;
  return {
    lat: points.reduce((sum, p) => sum + p.lat, 0) / points.length,
    lng: points.reduce((sum, p) => sum + p.lng, 0) / points.length,
  };
}

/**
 * Without a depot, the round starts at the stop furthest from the middle of them all: from one
 * edge of the patch the path can sweep across it rather than start in the middle and double back.
 */
function outermost(points: readonly GeoPoint[]): GeoPoint | null {
  const middle = centreOf(points);
  if (!middle) return null;
  return points.reduce((far, p) => (haversineKm(middle, p) > haversineKm(middle, far) ? p : far));
}

/** A bound on time for a very long round; a day's round settles in a few passes. */
const MAX_TWO_OPT_PASSES = 50;

/**
 * `stops` in visiting order. Those with a point are routed from `start` (or, without one, from
 * the stop on the edge of the patch); those without follow in the order given. Ties go to the earlier
 * stop, so the same input always gives the same round.
 */
export function orderRoute<T>(stops: readonly T[], pointOf: (stop: T) => GeoPoint | null, start: GeoPoint | null): T[] {
  const located = stops.flatMap((stop) => {
    const point = pointOf(stop);
    return point && Number.isFinite(point.lat) && Number.isFinite(point.lng) ? [{ stop, point }] : [];
  });
  const routed = new Set(located.map((l) => l.stop));
  const unlocated = stops.filter((stop) => !routed.has(stop));
  const origin = start ?? outermost(located.map((l) => l.point));
  if (!origin || located.length === 0) return [...stops];

  // Node 0 is the start; node i + 1 is located[i].
  const nodes = [origin, ...located.map((l) => l.point)];
  const n = nodes.length;
  const distance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) distance[i * n + j] = distance[j * n + i] = haversineKm(nodes[i]!, nodes[j]!);
  const d = (i: number, j: number) => distance[i * n + j]!;

  const path = [0, ...nearestNeighbour(n, d)];
  twoOpt(path, d);
  return [...path.slice(1).map((node) => located[node - 1]!.stop), ...unlocated];
}

/** Nodes 1…n−1 in nearest-neighbour order from node 0. */
function nearestNeighbour(n: number, d: (i: number, j: number) => number): number[] {
  const visited = new Uint8Array(n);
  visited[0] = 1;
  const order: number[] = [];
  let at = 0;
  for (let step = 1; step < n; step++) {
    let best = -1;
    for (let j = 1; j < n; j++) if (!visited[j] && (best === -1 || d(at, j) < d(at, best))) best = j;
    visited[best] = 1;
    order.push(best);
    at = best;
  }
  return order;
}

/**
 * Improves an open path (path[0] fixed: the start) in place by reversing stretches path[i+1…j]
 * whenever that shortens it: the two legs (a→b, c→e) become (a→c, b→e), which uncrosses them.
 * At the end of the path there is no leg after c, so only a→b against a→c counts.
 */
function twoOpt(path: number[], d: (i: number, j: number) => number): void {
  const last = path.length - 1;
  for (let pass = 0; pass < MAX_TWO_OPT_PASSES; pass++) {
    let improved = false;
    for (let i = 0; i < last - 1; i++) {
      for (let j = i + 2; j <= last; j++) {
        const a = path[i]!;
        const b = path[i + 1]!;
        const c = path[j]!;
        const after = j < last ? path[j + 1]! : null;
        const before = d(a, b) + (after === null ? 0 : d(c, after));
        const then = d(a, c) + (after === null ? 0 : d(b, after));
        if (then < before - 1e-9) {
          reverse(path, i + 1, j);
          improved = true;
        }
      }
    }
    if (!improved) return;
  }
}

function reverse(path: number[], from: number, to: number): void {
  for (let i = from, j = to; i < j; i++, j--) [path[i], path[j]] = [path[j]!, path[i]!];
}
