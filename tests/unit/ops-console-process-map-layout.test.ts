import { describe, expect, it } from 'vitest';
import type { ProcessEdge } from '../../shared/api/ops-analytics';
import { layoutProcessMap, strokeWidthFor } from '../../client/components/ops/process-map/process-map-layout';

const edge = (from: string, to: string, count: number, extra: Partial<ProcessEdge> = {}): ProcessEdge => ({
  from,
  to,
  count,
  medianMs: 3_600_000,
  p90Ms: 7_200_000,
  rework: false,
  slowest: false,
  ...extra,
});

const MAP = {
  nodes: [
    { status: 'Pending', count: 100 },
    { status: 'InfoReceived', count: 95 },
    { status: 'InTransit', count: 400 },
    { status: 'OutForDelivery', count: 120 },
    { status: 'AttemptFail', count: 20 },
    { status: 'Delivered', count: 90 },
    { status: 'Exception', count: 10 },
  ],
  edges: [
    edge('InTransit', 'InTransit', 300),
    edge('Pending', 'InfoReceived', 95),
    edge('InfoReceived', 'InTransit', 95),
    edge('InTransit', 'OutForDelivery', 100, { slowest: true }),
    edge('OutForDelivery', 'Delivered', 90),
    edge('OutForDelivery', 'AttemptFail', 20),
    edge('AttemptFail', 'OutForDelivery', 18, { rework: true }),
    edge('InTransit', 'Exception', 10),
    edge('Exception', 'InTransit', 8, { rework: true }),
    edge('Pending', 'Expired', 1),
    edge('Nowhere', 'Delivered', 5),
  ],
};

describe('the process map’s fixed layout', () => {
  it.each(['landscape', 'portrait'] as const)('%s: all nine statuses, the main path in a line, no two boxes overlapping', (orientation) => {
    const map = layoutProcessMap(MAP, orientation);
    expect(map.nodes.map((n) => n.status).sort()).toEqual(
      ['AttemptFail', 'AvailableForPickup', 'Delivered', 'Exception', 'Expired', 'InTransit', 'InfoReceived', 'OutForDelivery', 'Pending'].sort(),
    );
    const main = ['Pending', 'InfoReceived', 'InTransit', 'OutForDelivery', 'Delivered'].map((s) => map.nodes.find((n) => n.status === s)!);
    const along = orientation === 'landscape' ? 'x' : 'y';
    const across = orientation === 'landscape' ? 'y' : 'x';
    for (let i = 1; i < main.length; i++) {
      expect(main[i]![along]).toBeGreaterThan(main[i - 1]![along]);
      expect(main[i]![across]).toBe(main[0]![across]);
    }
    for (const a of map.nodes) {
      for (const b of map.nodes) {
        if (a === b) continue;
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `${a.status} and ${b.status}`).toBe(true);
      }
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x + a.w).toBeLessThanOrEqual(map.width);
      expect(a.y + a.h).toBeLessThanOrEqual(map.height);
    }
    // Statuses with no events are still drawn, with a count of 0.
    expect(map.nodes.find((n) => n.status === 'AvailableForPickup')!.count).toBe(0);
  });

  it.each(['landscape', 'portrait'] as const)('%s: with the order’s steps, fifteen boxes apart, the order’s path in a line before the parcel’s', (orientation) => {
    const withOrders = {
      nodes: [...MAP.nodes, { status: 'OrderPlaced', count: 120 }, { status: 'Paid', count: 110 }, { status: 'Picked', count: 100 }, { status: 'Packed', count: 100 }, { status: 'HandedOver', count: 95 }, { status: 'Cancelled', count: 10 }],
      edges: [...MAP.edges, edge('OrderPlaced', 'Paid', 110), edge('Paid', 'Picked', 100), edge('Picked', 'Packed', 100), edge('Packed', 'HandedOver', 95, { slowest: true }), edge('OrderPlaced', 'Cancelled', 10)],
    };
    const map = layoutProcessMap(withOrders, orientation);
    expect(map.nodes).toHaveLength(15);
    const box = (s: string) => map.nodes.find((n) => n.status === s)!;
    const along = orientation === 'landscape' ? 'x' : 'y';
    const path = ['OrderPlaced', 'Paid', 'Picked', 'Packed', 'HandedOver'].map(box);
    for (let i = 1; i < path.length; i++) expect(path[i]![along]).toBeGreaterThan(path[i - 1]![along]);
    // On a phone the order comes first on the way down; on a wide screen it is the row above.
    if (orientation === 'portrait') expect(box('HandedOver').y).toBeLessThan(box('Pending').y);
    else expect(box('OrderPlaced').y).toBeLessThan(box('AttemptFail').y);
    for (const a of map.nodes) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      for (const b of map.nodes) if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y, `${a.status} and ${b.status}`).toBe(true);
    }
    expect(map.edges.filter((e) => e.slowest).map((e) => `${e.from}>${e.to}`)).toEqual(['InTransit>OutForDelivery', 'Packed>HandedOver']);
    // Without order steps (a courier's map) the nine statuses only.
    expect(layoutProcessMap(MAP, orientation).nodes).toHaveLength(9);
  });

  it('draws every known transition in the server’s order, keeps its flags, and skips unknown statuses', () => {
    const map = layoutProcessMap(MAP, 'landscape');
    expect(map.edges.map((e) => `${e.from}>${e.to}`)).toEqual(MAP.edges.filter((e) => e.from !== 'Nowhere').map((e) => `${e.from}>${e.to}`));
    expect(map.edges.filter((e) => e.slowest).map((e) => e.to)).toEqual(['OutForDelivery']);
    expect(map.edges.filter((e) => e.rework).map((e) => e.from)).toEqual(['AttemptFail', 'Exception']);
    expect(map.edges.find((e) => e.from === 'InTransit' && e.to === 'InTransit')!.selfLoop).toBe(true);
  });

  it('labels common steps, steps back and the slowest; rare ones only in the table', () => {
    const map = layoutProcessMap(MAP, 'landscape');
    const labelled = (from: string, to: string) => map.edges.find((e) => e.from === from && e.to === to)!.labelled;
    expect(labelled('Pending', 'InfoReceived')).toBe(true);
    expect(labelled('Exception', 'InTransit')).toBe(true);
    expect(labelled('Pending', 'Expired')).toBe(false);
  });

  it('bows a step and its reverse to opposite sides so both can be seen', () => {
    const map = layoutProcessMap(MAP, 'landscape');
    const out = map.edges.find((e) => e.from === 'OutForDelivery' && e.to === 'AttemptFail')!;
    const back = map.edges.find((e) => e.from === 'AttemptFail' && e.to === 'OutForDelivery')!;
    const control = (path: string) => Number(/Q([\d.]+),/.exec(path)![1]);
    expect(control(out.path)).not.toBe(control(back.path));
  });

  it('widens lines with the square root of their count, self-loops left out of the scale', () => {
    expect(strokeWidthFor(100, 100)).toBe(11);
    expect(strokeWidthFor(25, 100)).toBeCloseTo(1.5 + 9.5 * 0.5);
    expect(strokeWidthFor(0, 100)).toBe(1.5);
    const map = layoutProcessMap(MAP, 'landscape');
    // The busiest step between two statuses is the widest, although hub-to-hub scans outnumber it.
    expect(map.edges.find((e) => e.from === 'InTransit' && e.to === 'OutForDelivery')!.strokeWidth).toBe(11);
    expect(map.edges.find((e) => e.from === 'InTransit' && e.to === 'InTransit')!.strokeWidth).toBeLessThanOrEqual(5);
  });
});

describe('status names in their boxes', () => {
  it.each([
    ['Delivery attempt failed', 124, ['Delivery', 'attempt failed']],
    ['Out for delivery', 164, ['Out for delivery']],
    ['Ready for pickup', 124, ['Ready for', 'pickup']],
    ['派送未成功', 124, ['派送未成功']],
    ['Delivered', 60, ['Delivered']],
  ])('%s in %d units: %j', async (name, width, lines) => {
    const { nodeNameLines } = await import('../../client/components/ops/process-map/process-map-layout');
    expect(nodeNameLines(name, width)).toEqual(lines);
  });
});

/** The demo's 30 days, as the server answered: busy enough that labels compete for room. */
const DEMO_MONTH = {
  nodes: [
    { status: 'Pending', count: 301 }, { status: 'InfoReceived', count: 283 }, { status: 'InTransit', count: 1703 },
    { status: 'OutForDelivery', count: 257 }, { status: 'AttemptFail', count: 42 }, { status: 'Exception', count: 53 },
    { status: 'AvailableForPickup', count: 38 }, { status: 'Delivered', count: 156 }, { status: 'Expired', count: 12 },
  ],
  edges: [
    edge('InTransit', 'InTransit', 1396, { medianMs: 8742014 }), edge('Pending', 'InfoReceived', 282, { medianMs: 11838922 }),
    edge('InfoReceived', 'InTransit', 270, { medianMs: 15353181 }), edge('InTransit', 'OutForDelivery', 215, { medianMs: 43425355 }),
    edge('OutForDelivery', 'Delivered', 138, { medianMs: 12910435 }), edge('InTransit', 'Exception', 44, { medianMs: 10856339 }),
    edge('OutForDelivery', 'AttemptFail', 42, { medianMs: 12910435 }), edge('OutForDelivery', 'OutForDelivery', 26, { medianMs: 4977653 }),
    edge('OutForDelivery', 'AvailableForPickup', 25, { medianMs: 7039464 }), edge('Exception', 'InTransit', 24, { medianMs: 49452300, rework: true }),
    edge('AvailableForPickup', 'Delivered', 16, { medianMs: 41584262 }), edge('AttemptFail', 'InTransit', 13, { medianMs: 8016462, rework: true }),
    edge('InTransit', 'AvailableForPickup', 13, { medianMs: 8016462 }), edge('AttemptFail', 'OutForDelivery', 10, { medianMs: 73032450, rework: true, slowest: true }),
    edge('OutForDelivery', 'Exception', 8, { medianMs: 12910435 }), edge('InTransit', 'Expired', 7, { medianMs: 901051475 }),
    edge('Exception', 'OutForDelivery', 6, { medianMs: 26964058, rework: true }), edge('Pending', 'Expired', 4, { medianMs: 665348188 }),
    edge('Pending', 'Pending', 4, { medianMs: 94711369 }), edge('AttemptFail', 'Delivered', 2, { medianMs: 8016462 }),
    edge('AvailableForPickup', 'Expired', 1, { medianMs: 637139608 }), edge('Exception', 'Exception', 1, { medianMs: 8371382 }),
  ],
};

describe('the process map’s labels on a busy month', () => {
  // As wide as the page measures its words ("1,396 · 2.4小时"): CJK about twice a digit.
  const words = (e: ProcessEdge) => `${e.count.toLocaleString('en')} · ${e.medianMs >= 86_400_000 ? `${Math.round(e.medianMs / 86_400_000)}天` : `${(e.medianMs / 3_600_000).toFixed(1)}小时`}`;
  const width = (e: ProcessEdge) => [...words(e)].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 13 : 7.6), 10);
  it.each(['landscape', 'portrait'] as const)('%s: no label covers another label or a box, and all lie inside the picture', (orientation) => {
    const map = layoutProcessMap(DEMO_MONTH, orientation, width);
    const boxes = map.edges.filter((e) => e.labelled).map((e) => ({ name: `${e.from}>${e.to}`, x: e.labelX - width(e) / 2, y: e.labelY - 9, w: width(e), h: 18 }));
    const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    for (const a of boxes) {
      for (const b of boxes) if (a !== b) expect(overlap(a, b), `${a.name} covers ${b.name}`).toBe(false);
      for (const n of map.nodes) expect(overlap(a, n), `${a.name} covers the ${n.status} box`).toBe(false);
      expect(a.x, a.name).toBeGreaterThanOrEqual(map.x);
      expect(a.y, a.name).toBeGreaterThanOrEqual(map.y);
      expect(a.x + a.w, a.name).toBeLessThanOrEqual(map.x + map.width);
      expect(a.y + a.h, a.name).toBeLessThanOrEqual(map.y + map.height);
    }
  });
});
