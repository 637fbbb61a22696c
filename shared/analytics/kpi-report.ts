import type { ExceptionReasonRow, FeedbackCategoryDayRow, KpiDay, KpiReport, ReturnReasonRow, StageTimeRow } from '../api/ops-analytics';
import { STAGES } from '../api/ops-analytics';
import { daysOfRange } from './shop-days';

/**
 * The dashboard's report from counts per shop day. Both the in-memory formulas (kpi-formulas.ts,
 * over a hand-made event log) and the SQL (server/domain/analytics) produce these counts, and
 * this one function turns them into rates, so the two can only differ in what they counted.
 */

/** What one day contributes; every rate of the report is a ratio of these sums. */
export interface DayCounts {
  orders: number;
  shipments: number;
  delivered: number;
  promised: number;
  onTime: number;
  firstAttempt: number;
  exceptions: number;
  returns: number;
  refundsFen: number;
  refundCount: number;
  csatSum: number;
  csatCount: number;
  promoters: number;
  detractors: number;
  npsCount: number;
}

export const emptyDayCounts = (): DayCounts => ({
  orders: 0,
  shipments: 0,
  delivered: 0,
  promised: 0,
  onTime: 0,
  firstAttempt: 0,
  exceptions: 0,
  returns: 0,
  refundsFen: 0,
  refundCount: 0,
  csatSum: 0,
  csatCount: 0,
  promoters: 0,
  detractors: 0,
  npsCount: 0,
});

export interface KpiParts {
  /** Counts per day; days missing are zeros. */
  days: ReadonlyMap<string, Partial<DayCounts>>;
  exceptionReasons: ReadonlyArray<{ reasonCode: string; count: number }>;
  stageTimes: ReadonlyArray<StageTimeRow>;
  returnReasons: ReadonlyArray<ReturnReasonRow>;
  feedbackCategories: ReadonlyArray<FeedbackCategoryDayRow>;
}

/** a ÷ b, or null when b = 0. */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** % promoters − % detractors, −100..100; null without answers. */
export const netPromoterScore = (promoters: number, detractors: number, answers: number): number | null =>
  answers === 0 ? null : ((promoters - detractors) * 100) / answers;

const byCountThenCode = <T extends { count: number; reasonCode: string }>(a: T, b: T) =>
  b.count - a.count || (a.reasonCode < b.reasonCode ? -1 : a.reasonCode > b.reasonCode ? 1 : 0);

export function assembleKpiReport(range: { from: string; to: string }, parts: KpiParts): KpiReport {
  const sum = emptyDayCounts();
  const daily: KpiDay[] = daysOfRange(range.from, range.to).map((day) => {
    const c = { ...emptyDayCounts(), ...parts.days.get(day) };
    for (const k of Object.keys(sum) as (keyof DayCounts)[]) sum[k] += c[k];
    return {
      day,
      orders: c.orders,
      shipments: c.shipments,
      delivered: c.delivered,
      promised: c.promised,
      onTime: c.onTime,
      onTimeRate: ratio(c.onTime, c.promised),
      firstAttempt: c.firstAttempt,
      firstAttemptRate: ratio(c.firstAttempt, c.delivered),
      exceptions: c.exceptions,
      returns: c.returns,
      refundsFen: c.refundsFen,
      csatMean: ratio(c.csatSum, c.csatCount),
      nps: netPromoterScore(c.promoters, c.detractors, c.npsCount),
    };
  });
  const per100 = (n: number) => (sum.shipments === 0 ? null : (n * 100) / sum.shipments);
  const exceptionsByReason: ExceptionReasonRow[] = parts.exceptionReasons
    .filter((r) => r.count > 0)
    .map((r) => ({ reasonCode: r.reasonCode, count: r.count, per100: per100(r.count) }))
    .sort(byCountThenCode);
  const stageByName = new Map(parts.stageTimes.map((s) => [s.stage, s]));
  return {
    range: { from: range.from, to: range.to },
    totals: {
      orders: sum.orders,
      shipments: sum.shipments,
      delivered: sum.delivered,
      onTimeRate: ratio(sum.onTime, sum.promised),
      firstAttemptRate: ratio(sum.firstAttempt, sum.delivered),
      exceptionsPer100: per100(sum.exceptions),
      returnRate: ratio(sum.returns, sum.delivered),
      refundsFen: sum.refundsFen,
      refundCount: sum.refundCount,
      csat: ratio(sum.csatSum, sum.csatCount),
      csatCount: sum.csatCount,
      nps: netPromoterScore(sum.promoters, sum.detractors, sum.npsCount),
      npsCount: sum.npsCount,
    },
    daily,
    exceptionsByReason,
    stageTimes: STAGES.map((stage) => stageByName.get(stage) ?? { stage, medianMs: null, p90Ms: null, count: 0 }),
    returnReasons: parts.returnReasons.filter((r) => r.count > 0).map((r) => ({ reasonCode: r.reasonCode, count: r.count })).sort(byCountThenCode),
    feedbackCategoriesByDay: [...parts.feedbackCategories]
      .filter((r) => r.count > 0)
      .sort((a, b) => (a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.category < b.category ? -1 : a.category > b.category ? 1 : 0)),
  };
}
