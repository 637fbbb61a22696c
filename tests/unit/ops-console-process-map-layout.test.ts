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
