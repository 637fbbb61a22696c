import { describe, expect, it } from 'vitest';
import type { StageTimeRow } from '../../shared/api/ops-analytics';
import { formatDuration, formatFigure } from '../../client/components/ops/charts/chart-format';
import { barMax, barPercent } from '../../client/components/ops/charts/bar-rows';
import { latestDayWithFigure, yRange } from '../../client/components/ops/charts/time-series';
import { topCategorySeries } from '../../client/components/ops/dashboard/feedback-category-series';
import { slowestStage, whereTimeIsLost } from '../../client/components/ops/dashboard/where-time-is-lost';
import { destinationCityOf, mapFiltersFromQuery } from '../../client/components/ops/process-map/process-map-filters';
import { fenToYuanText, yuanToFen } from '../../shared/money/yuan-fen';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const H = 3_600_000;

describe('dashboard figures in words', () => {
  it.each([
    [1234, 'count', 'en', '1,234'],
    [0.873, 'rate', 'en', '87%'],
    [0.075, 'rate', 'en', '7.5%'],
    [0, 'rate', 'en', '0%'],
    [16.84, 'per100', 'en', '16.8'],
    [176_760, 'fen', 'en', '¥1,767.60'],
    [3.6512, 'score', 'zh-CN', '3.65'],
    [5, 'nps', 'en', '+5'],
    [-12, 'nps', 'en', '-12'],
    [null, 'rate', 'en', '—'],
    [Number.NaN, 'count', 'en', '—'],
  ] as const)('%s as %s (%s) reads %s', (value, kind, locale, text) => {
    expect(plain(formatFigure(value, kind, locale))).toBe(text);
  });

  it.each([
    [35 * 60_000, 'en', '35 min'],
    [4.25 * H, 'en', '4.3 hr'],
    [12 * H, 'en', '12 hr'],
    [47 * H, 'en', '47 hr'],
    [60 * H, 'en', '2.5 days'],
    [35 * 60_000, 'zh-CN', '35分钟'],
    [60 * H, 'zh-CN', '2.5天'],
  ] as const)('%d ms (%s) reads %s', (ms, locale, text) => {
    expect(plain(formatDuration(ms, locale))).toBe(text);
  });
});

describe('where time is lost', () => {
  const row = (stage: StageTimeRow['stage'], medianMs: number | null, count: number): StageTimeRow => ({ stage, medianMs, p90Ms: medianMs === null ? null : medianMs * 2, count });

  it('names the stage with the longest median among those with parcels, the earlier one on a tie', () => {
    expect(slowestStage([row('ordered_to_picked_up', 3 * H, 10), row('picked_up_to_out_for_delivery', 40 * H, 9), row('in_exception', null, 0)])?.stage).toBe('picked_up_to_out_for_delivery');
    expect(slowestStage([row('ordered_to_picked_up', 5 * H, 1), row('in_attempt_fail', 5 * H, 3)])?.stage).toBe('ordered_to_picked_up');
    expect(slowestStage([row('in_exception', null, 0)])).toBeNull();
  });

  it('takes the edge the server marked slowest, or none', () => {
    const edge = { from: 'InTransit', to: 'OutForDelivery', count: 209, medianMs: 12 * H, p90Ms: 19 * H, rework: false, slowest: true };
    const other = { ...edge, from: 'Pending', to: 'InfoReceived', slowest: false };
    expect(whereTimeIsLost([], [other, edge]).edge).toEqual({ from: 'InTransit', to: 'OutForDelivery', count: 209, medianMs: 12 * H, p90Ms: 19 * H, rework: false });
    expect(whereTimeIsLost([], [other]).edge).toBeNull();
    expect(whereTimeIsLost([], null).edge).toBeNull();
  });
});

describe('chart helpers', () => {
  it('scales bars to the longest, never thinner than a hairline, nothing for no value', () => {
    const rows = [{ key: 'a', label: 'a', values: [4, 10], texts: [] }, { key: 'b', label: 'b', values: [null, 0.01], texts: [] }];
    expect(barMax(rows)).toBe(10);
    expect(barPercent(4, 10)).toBe(40);
    expect(barPercent(0.01, 10)).toBe(1);
    expect(barPercent(null, 10)).toBe(0);
    expect(barPercent(3, 0)).toBe(0);
  });

  it('draws y from zero with headroom, from the fixed range for rates, and 0..1 when empty', () => {
    expect(yRange([{ key: 'x', label: 'x', values: [2, null, 10] }])).toEqual([0, 11]);
    expect(yRange([{ key: 'x', label: 'x', values: [-50, 20] }])[0]).toBeCloseTo(-55);
    expect(yRange([{ key: 'x', label: 'x', values: [0.3] }], { min: 0, max: 1 })).toEqual([0, 1]);
    expect(yRange([{ key: 'x', label: 'x', values: [null] }])).toEqual([0, 1]);
  });

  it.each([
    { lines: [[1, 2, 3], [4, 5, 6]], latest: 2 },
    { lines: [[1, 2, null], [4, null, null]], latest: 1 },
    { lines: [[null, null, null], [null, 5, null]], latest: 1 },
    { lines: [[3, 0], [2, 0]], latest: 0 },
    { lines: [[0, 0.5], [0, 0]], latest: 1 },
    { lines: [[0, 0], [null, 0]], latest: 1 },
    { lines: [[null, null], [null, null]], latest: null },
    { lines: [], latest: null },
  ])('the legend speaks of the latest day with a figure (not an empty today) when nothing is pointed at: $lines → $latest', ({ lines, latest }) => {
    expect(latestDayWithFigure(lines.map((values, i) => ({ key: `${i}`, label: `${i}`, values })))).toBe(latest);
  });

  it('keeps the most frequent feedback categories, a count for every day', () => {
    const rows = [
      { day: '2026-12-01', category: 'praise', count: 3 },
      { day: '2026-12-02', category: 'praise', count: 1 },
      { day: '2026-12-02', category: 'delivery_late', count: 2 },
      { day: '2026-12-01', category: 'packaging', count: 1 },
      { day: '2026-11-01', category: 'packaging', count: 9 },
    ];
    expect(topCategorySeries(rows, ['2026-12-01', '2026-12-02'], 2)).toEqual([
      { category: 'packaging', total: 10, values: [1, 0] },
      { category: 'praise', total: 4, values: [3, 1] },
    ]);
  });
});

describe('settings and filters as typed', () => {
  it.each([
    ['10', 1000],
    ['10.5', 1050],
    ['10.50', 1050],
    ['0.29', 29],
    ['¥1,000', 100_000],
    [' 0 ', 0],
    ['10.505', null],
    ['-1', null],
    ['1e3', null],
    ['', null],
    ['abc', null],
  ] as const)('¥ %j is %j fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it('writes fen back as yuan with two decimals', () => {
    expect(fenToYuanText(1000)).toBe('10.00');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(yuanToFen(fenToYuanText(123_456))).toBe(123_456);
  });

  it('keeps only filters the server would take', () => {
    expect(mapFiltersFromQuery({ courier: '12', city: '上海市' })).toEqual({ courier: '12', city: '上海市' });
    expect(mapFiltersFromQuery({ courier: '0', city: '<b>' })).toEqual({ courier: '', city: '' });
    expect(mapFiltersFromQuery({ courier: '99999999999' })).toEqual({ courier: '', city: '' });
  });

  it.each([
    ['深圳', '深圳市'],
    ['上海市', '上海市'],
    ['延边朝鲜族自治州', '延边朝鲜族自治州'],
    ['阿里地区', '阿里地区'],
  ])('a courier’s city %s is the destination city %s', (courierCity, destination) => {
    expect(destinationCityOf(courierCity)).toBe(destination);
  });
});
