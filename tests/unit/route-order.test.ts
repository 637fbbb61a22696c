import { describe, expect, it } from 'vitest';
import { centreOf, haversineKm, orderRoute, pathKm, type GeoPoint } from '../../shared/geo/route-order';

interface Stop {
  name: string;
  point: GeoPoint | null;
}
const at = (name: string, lat: number, lng: number): Stop => ({ name, point: { lat, lng } });
const names = (stops: Stop[]) => stops.map((s) => s.name);
const route = (stops: Stop[], start: GeoPoint | null) => names(orderRoute(stops, (s) => s.point, start));

/** Whether two non-adjacent legs of a path cross (a few km: flat enough to treat degrees as a plane). */
function crossesItself(path: GeoPoint[]): boolean {
  const side = (a: GeoPoint, b: GeoPoint, c: GeoPoint) => Math.sign((b.lng - a.lng) * (c.lat - a.lat) - (b.lat - a.lat) * (c.lng - a.lng));
  const cross = (p: GeoPoint, q: GeoPoint, r: GeoPoint, s: GeoPoint) => side(p, q, r) * side(p, q, s) < 0 && side(r, s, p) * side(r, s, q) < 0;
  for (let i = 0; i + 1 < path.length; i++) for (let j = i + 2; j + 1 < path.length; j++) if (cross(path[i]!, path[i + 1]!, path[j]!, path[j + 1]!)) return true;
  return false;
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('great-circle distance', () => {
  it.each([
    ['the same point', { lat: 22.54, lng: 114.06 }, { lat: 22.54, lng: 114.06 }, 0, 0],
    // 深圳 → 广州 is about 105 km as the crow flies.
    ['深圳 to 广州', { lat: 22.54, lng: 114.06 }, { lat: 23.13, lng: 113.26 }, 100, 110],
    // One degree of latitude is about 111 km anywhere.
    ['one degree north', { lat: 30, lng: 120 }, { lat: 31, lng: 120 }, 110.5, 111.8],
    ['北京 to 上海', { lat: 39.9, lng: 116.41 }, { lat: 31.23, lng: 121.47 }, 1050, 1090],
  ])('%s', (_name, a, b, min, max) => {
    expect(haversineKm(a, b)).toBeGreaterThanOrEqual(min);
    expect(haversineKm(a, b)).toBeLessThanOrEqual(max);
    expect(haversineKm(b, a)).toBeCloseTo(haversineKm(a, b), 9);
  });
});

describe('the order a courier visits their stops in', () => {
  const line = [at('c', 22.5, 114.03), at('a', 22.5, 114.01), at('e', 22.5, 114.05), at('b', 22.5, 114.02), at('d', 22.5, 114.04)];

  it.each([
    ['points on a line, starting at its west end', line, { lat: 22.5, lng: 114.0 }, ['a', 'b', 'c', 'd', 'e']],
    ['the same line, starting at its east end', line, { lat: 22.5, lng: 114.06 }, ['e', 'd', 'c', 'b', 'a']],
    ['one stop', [at('only', 22.5, 114.0)], { lat: 22.6, lng: 114.1 }, ['only']],
    ['no stops', [], { lat: 22.6, lng: 114.1 }, []],
    ['stops without a place go last, in the order given', [at('x', 22.5, 114.02), { name: 'no-1', point: null }, at('y', 22.5, 114.01), { name: 'no-2', point: null }], { lat: 22.5, lng: 114.0 }, ['y', 'x', 'no-1', 'no-2']],
    ['nothing has a place: as given', [{ name: 'p', point: null }, { name: 'q', point: null }], null, ['p', 'q']],
    ['two stops at the same place keep their order', [at('first', 22.5, 114.01), at('second', 22.5, 114.01), at('far', 22.5, 114.05)], { lat: 22.5, lng: 114.0 }, ['first', 'second', 'far']],
  ] as const)('%s', (_name, stops, start, expected) => {
    expect(route([...stops], start)).toEqual(expected);
  });

  it('with no depot, starts at the edge of the patch and sweeps the line end to end', () => {
    const order = route(line, null);
    expect([['a', 'b', 'c', 'd', 'e'], ['e', 'd', 'c', 'b', 'a']].map((o) => o.join())).toContain(order.join());
  });

  it('uncrosses a path that nearest neighbour leaves crossed', () => {
    // From the start, nearest neighbour goes near → north → north-west and then has to cut back
    // across its own first leg to reach east. The round without the crossing takes east first.
    const start = { lat: 22.5, lng: 114.0 };
    const near = at('near', 22.503, 114.001);
    const northWest = at('north-west', 22.506, 114.0);
    const east = at('east', 22.5, 114.004);
    const north = at('north', 22.506, 114.002);
    const stops = [near, northWest, east, north];
    const greedy = [near, north, northWest, east];
    expect(crossesItself([start, ...greedy.map((s) => s.point!)])).toBe(true);

    const ordered = orderRoute(stops, (s) => s.point, start);
    expect(names(ordered)).toEqual(['east', 'near', 'north', 'north-west']);
    expect(crossesItself([start, ...ordered.map((s) => s.point!)])).toBe(false);
    expect(pathKm(start, ordered.map((s) => s.point!))).toBeLessThan(pathKm(start, greedy.map((s) => s.point!)));
    // And it is the shortest of all 24 orders.
    const shortest = Math.min(...permutations(stops).map((order) => pathKm(start, order.map((s) => s.point!))));
    expect(pathKm(start, ordered.map((s) => s.point!))).toBeCloseTo(shortest, 9);
  });

  it('is never longer than nearest neighbour alone and visits every stop once', () => {
    // A deterministic scatter over a city (a linear congruential walk, no Math.random).
    let x = 12345;
    const nextUnit = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const stops = Array.from({ length: 60 }, (_, i) => at(`s${i}`, 22.45 + nextUnit() * 0.2, 113.9 + nextUnit() * 0.3));
    const start = { lat: 22.54, lng: 114.06 };
    const ordered = orderRoute(stops, (s) => s.point, start);
    expect(new Set(names(ordered)).size).toBe(60);
    const greedy: Stop[] = [];
    const left = [...stops];
    let here: GeoPoint = start;
    while (left.length > 0) {
      left.sort((a, b) => haversineKm(here, a.point!) - haversineKm(here, b.point!));
      const nearest = left.shift()!;
      greedy.push(nearest);
      here = nearest.point!;
    }
    expect(pathKm(start, ordered.map((s) => s.point!))).toBeLessThanOrEqual(pathKm(start, greedy.map((s) => s.point!)) + 1e-9);
  });

  it('finds the middle of some points', () => {
    expect(centreOf([])).toBeNull();
    expect(centreOf([{ lat: 22, lng: 114 }, { lat: 23, lng: 113 }])).toEqual({ lat: 22.5, lng: 113.5 });
  });
});
