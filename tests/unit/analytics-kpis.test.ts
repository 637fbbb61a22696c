import { describe, expect, it } from 'vitest';
import { kpiReportFromLog, isFirstAttempt, stageDurations } from '../../shared/analytics/kpi-formulas';
import { nearestRank } from '../../shared/analytics/nearest-rank';
import { netPromoterScore } from '../../shared/analytics/kpi-report';
import { kpiQuerySchema, processMapQuerySchema } from '../../shared/api/ops-analytics';
import { H, SAMPLE_LOG, SAMPLE_SHIPMENTS } from './analytics-sample-log';

const TZ = 'Asia/Shanghai';
const report = kpiReportFromLog(SAMPLE_LOG, { from: '2026-11-10', to: '2026-11-12' }, TZ);
const byId = (id: number) => SAMPLE_SHIPMENTS.find((s) => s.id === id)!;

describe('nearest-rank percentiles', () => {
  it.each([
    [[4, 1, 3, 2], 50, 2],
    [[4, 1, 3, 2], 90, 4],
    [[7], 50, 7],
    [[7], 90, 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
    [[5, 5, 1], 50, 5],
  ])('%j p%i = %i', (values, p, expected) => expect(nearestRank(values, p)).toBe(expected));
  it('has no percentile of nothing', () => expect(nearestRank([], 50)).toBeNull());
});

describe('NPS', () => {
  it.each([
    [1, 1, 3, 0],
    [2, 0, 3, 200 / 3],
    [0, 4, 4, -100],
    [0, 0, 0, null],
  ])('%i promoters, %i detractors of %i answers → %s', (p, d, n, expected) => expect(netPromoterScore(p, d, n)).toBe(expected));
});

describe('per-shipment facts', () => {
  it.each([
    [1, true],
    [2, false],
    [3, true],
    [4, true],
    [5, false],
  ])('shipment %i delivered at the first attempt: %s', (id, expected) => expect(isFirstAttempt(byId(id))).toBe(expected));

  it.each([
    [1, [['ordered_to_picked_up', 3 * H], ['picked_up_to_out_for_delivery', 20 * H], ['out_for_delivery_to_delivered', 2 * H]]],
    [2, [['ordered_to_picked_up', 4 * H], ['picked_up_to_out_for_delivery', 19 * H], ['out_for_delivery_to_delivered', 27 * H], ['in_attempt_fail', 22 * H]]],
    [3, [['ordered_to_picked_up', 2 * H], ['picked_up_to_out_for_delivery', 24 * H], ['out_for_delivery_to_delivered', 1 * H], ['in_exception', 12 * H]]],
  ])('shipment %i stage durations', (id, expected) => expect(stageDurations(byId(id))).toEqual(expected));
});

describe('KPI report over the sample log, 2026-11-10 … 2026-11-12', () => {
  it.each([
    ['orders (created in range)', report.totals.orders, 4],
    ['shipments (delivery legs created in range)', report.totals.shipments, 4],
    ['delivered (delivered in range, D included)', report.totals.delivered, 4],
    ['on-time: D and A of D, A, B with a promise', report.totals.onTimeRate, 2 / 3],
    ['first attempt: all but B', report.totals.firstAttemptRate, 3 / 4],
    ['exceptions per 100: C’s only (E’s is after, the return leg’s is not a shipment)', report.totals.exceptionsPer100, 25],
    ['return rate: 3 returns ÷ 4 delivered', report.totals.returnRate, 3 / 4],
    ['refunds succeeded in range', report.totals.refundsFen, 13_899],
    ['refund count', report.totals.refundCount, 2],
    ['CSAT mean', report.totals.csat, 3.5],
    ['CSAT answers', report.totals.csatCount, 4],
    ['NPS: one promoter, one detractor, one passive', report.totals.nps, 0],
    ['NPS answers', report.totals.npsCount, 3],
  ])('%s', (_name, actual, expected) => expect(actual).toBe(expected));

  it('has one row per day with that day’s figures', () => {
    expect(report.daily.map((d) => [d.day, d.orders, d.shipments, d.delivered, d.promised, d.onTime, d.firstAttempt, d.exceptions, d.returns, d.refundsFen])).toEqual([
      ['2026-11-10', 2, 2, 1, 1, 1, 1, 0, 0, 999],
      ['2026-11-11', 1, 1, 1, 1, 1, 1, 1, 1, 0],
      ['2026-11-12', 1, 1, 2, 1, 0, 1, 0, 2, 12_900],
    ]);
    expect(report.daily.map((d) => [d.onTimeRate, d.firstAttemptRate, d.csatMean, d.nps])).toEqual([
      [1, 1, null, null],
      [1, 1, 5, 100],
      [0, 0.5, 3, -50],
    ]);
  });

  it('times each stage over the delivered shipments by nearest rank', () => {
    expect(report.stageTimes).toEqual([
      { stage: 'ordered_to_picked_up', medianMs: 2 * H, p90Ms: 4 * H, count: 4 },
      { stage: 'picked_up_to_out_for_delivery', medianMs: 20 * H, p90Ms: 24 * H, count: 4 },
      { stage: 'out_for_delivery_to_delivered', medianMs: 2 * H, p90Ms: 27 * H, count: 4 },
      { stage: 'in_attempt_fail', medianMs: 22 * H, p90Ms: 22 * H, count: 1 },
      { stage: 'in_exception', medianMs: 12 * H, p90Ms: 12 * H, count: 1 },
    ]);
  });

  it('lists exception reasons, return reasons and feedback categories', () => {
    expect(report.exceptionsByReason).toEqual([{ reasonCode: 'parcel_damaged', count: 1, per100: 25 }]);
    expect(report.returnReasons).toEqual([
      { reasonCode: 'quality_issue', count: 2 },
      { reasonCode: 'changed_mind', count: 1 },
    ]);
    expect(report.feedbackCategoriesByDay).toEqual([
      { day: '2026-11-11', category: 'praise', count: 1 },
      { day: '2026-11-12', category: 'delivery_late', count: 2 },
      { day: '2026-11-12', category: 'failed_attempt', count: 1 },
    ]);
  });

  it('an empty range has zeros and no rates', () => {
    const empty = kpiReportFromLog(SAMPLE_LOG, { from: '2025-01-01', to: '2025-01-01' }, TZ);
    expect(empty.totals).toMatchObject({ orders: 0, shipments: 0, onTimeRate: null, firstAttemptRate: null, exceptionsPer100: null, csat: null, nps: null });
    expect(empty.stageTimes.every((s) => s.count === 0 && s.medianMs === null)).toBe(true);
  });
});

describe('query ranges', () => {
  it.each([
    [{ from: '2026-11-01', to: '2026-11-30' }, true],
    [{ from: '2026-11-30', to: '2026-11-30' }, true],
    [{ from: '2025-01-01', to: '2026-01-01' }, true],
    [{ from: '2025-01-01', to: '2026-01-02' }, false],
    [{ from: '2026-11-30', to: '2026-11-01' }, false],
    [{ from: '2026-02-30', to: '2026-03-01' }, false],
    [{ from: '2026-1-1', to: '2026-03-01' }, false],
    [{ from: '2026-11-01' }, false],
    [{ from: '2026-11-01', to: '2026-11-02', extra: '1' }, false],
  ])('%j valid: %s', (query, ok) => expect(kpiQuerySchema.safeParse(query).success).toBe(ok));

  it.each([
    [{ from: '2026-11-01', to: '2026-11-30', courier: '12' }, true],
    [{ from: '2026-11-01', to: '2026-11-30', city: '上海市' }, true],
    [{ from: '2026-11-01', to: '2026-11-30', courier: '0' }, false],
    [{ from: '2026-11-01', to: '2026-11-30', courier: 'abc' }, false],
    [{ from: '2026-11-01', to: '2026-11-30', courier: '99999999999' }, false],
    [{ from: '2026-11-01', to: '2026-11-30', city: '' }, false],
    [{ from: '2026-11-01', to: '2026-11-30', depot: 'x' }, false],
  ])('%j valid: %s', (query, ok) => expect(processMapQuerySchema.safeParse(query).success).toBe(ok));
});
