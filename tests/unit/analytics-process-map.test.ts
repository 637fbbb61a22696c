import { describe, expect, it } from 'vitest';
import { assembleProcessMap, isRework, processMapFromLog, slowestMinCount } from '../../shared/analytics/process-map';
import { H, SAMPLE_SHIPMENTS } from './analytics-sample-log';

const TZ = 'Asia/Shanghai';
const range = { from: '2026-11-10', to: '2026-11-12' };

describe('rework', () => {
  it.each([
    ['AttemptFail', 'OutForDelivery', true],
    ['Exception', 'InTransit', true],
    ['Exception', 'OutForDelivery', true],
    ['AttemptFail', 'InTransit', true],
    ['Delivered', 'Exception', true],
    ['InTransit', 'InTransit', false],
    ['InTransit', 'OutForDelivery', false],
    ['OutForDelivery', 'AttemptFail', false],
    ['AttemptFail', 'Exception', false],
    ['OutForDelivery', 'Delivered', false],
  ])('%s → %s: %s', (from, to, expected) => expect(isRework(from, to)).toBe(expected));
});

describe('directly-follows graph of the sample log', () => {
  const map = processMapFromLog(SAMPLE_SHIPMENTS, range, TZ);
  const edge = (from: string, to: string) => map.edges.find((e) => e.from === from && e.to === to);

  it('takes the delivery shipments created in the range', () => expect(map.shipments).toBe(4));

  it('counts each status’s events, in process order', () =>
    expect(map.nodes).toEqual([
      { status: 'InfoReceived', count: 1 },
      { status: 'InTransit', count: 5 },
      { status: 'OutForDelivery', count: 4 },
      { status: 'AttemptFail', count: 1 },
      { status: 'Exception', count: 2 },
      { status: 'Delivered', count: 3 },
    ]));

  it.each([
    ['InTransit', 'OutForDelivery', 3, 19 * H, 20 * H, false],
    ['OutForDelivery', 'Delivered', 3, 2 * H, 3 * H, false],
    ['InTransit', 'Exception', 2, 10 * H, 14 * H, false],
    ['AttemptFail', 'OutForDelivery', 1, 22 * H, 22 * H, true],
    ['Exception', 'InTransit', 1, 12 * H, 12 * H, true],
    ['OutForDelivery', 'AttemptFail', 1, 2 * H, 2 * H, false],
    ['InfoReceived', 'InTransit', 1, 3 * H, 3 * H, false],
  ])('%s → %s: %i times, median %i, p90 %i, rework %s', (from, to, count, median, p90, rework) =>
    expect(edge(from, to)).toEqual({ from, to, count, medianMs: median, p90Ms: p90, rework, slowest: false }));

  it('has no other edges, and none with too few transitions is the slowest', () => {
    expect(map.edges).toHaveLength(7);
    expect(map.edges.reduce((n, e) => n + e.count, 0)).toBe(12);
  });

  it.each([
    [{ courier: 2 }, 2, ['InTransit>Exception', 'InTransit>OutForDelivery', 'OutForDelivery>AttemptFail', 'AttemptFail>OutForDelivery', 'OutForDelivery>Delivered']],
    [{ city: '杭州市' }, 1, ['InTransit>OutForDelivery', 'OutForDelivery>AttemptFail', 'AttemptFail>OutForDelivery', 'OutForDelivery>Delivered']],
    [{ city: '北京市' }, 0, []],
  ])('filtered by %j: %i shipments', (filter, shipments, edges) => {
    const filtered = processMapFromLog(SAMPLE_SHIPMENTS, { ...range, ...filter }, TZ);
    expect(filtered.shipments).toBe(shipments);
    expect(filtered.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual([...edges].sort());
  });
});

describe('the slowest edge', () => {
  const base = { range, filters: { courier: null, city: null }, shipments: 10 };
  const stats = (from: string, to: string, count: number, medianMs: number) => ({ from, to, count, medianMs, p90Ms: medianMs * 2 });

  it.each([
    [100, 5],
    [4_999, 5],
    [5_001, 6],
    [1_000_000, 1_000],
  ])('needs at least max(5, 0.1%%) of %i transitions: %i', (total, min) => expect(slowestMinCount(total)).toBe(min));

  it('is the highest median among edges with enough transitions', () => {
    const map = assembleProcessMap(base, [], [stats('InTransit', 'OutForDelivery', 50, 20 * H), stats('AttemptFail', 'OutForDelivery', 4, 48 * H), stats('OutForDelivery', 'Delivered', 40, 3 * H), stats('Exception', 'InTransit', 6, 30 * H)]);
    expect(map.edges.filter((e) => e.slowest).map((e) => `${e.from}>${e.to}`)).toEqual(['Exception>InTransit']);
    expect(map.edges.map((e) => e.count)).toEqual([50, 40, 6, 4]);
  });

  it('is never a step into Expired, which is the carrier giving up after a set wait', () => {
    const map = assembleProcessMap(base, [], [stats('Pending', 'Expired', 6, 170 * H), stats('InTransit', 'OutForDelivery', 50, 20 * H)]);
    expect(map.edges.filter((e) => e.slowest).map((e) => `${e.from}>${e.to}`)).toEqual(['InTransit>OutForDelivery']);
  });

  it('ties go to the first by name, so the answer never flickers', () => {
    const map = assembleProcessMap(base, [], [stats('OutForDelivery', 'Delivered', 10, H), stats('InTransit', 'OutForDelivery', 10, H)]);
    expect(map.edges.filter((e) => e.slowest).map((e) => e.from)).toEqual(['InTransit']);
  });
});
