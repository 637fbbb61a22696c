import { sql, type Kysely } from 'kysely';
import { STAGES, type KpiReport, type Stage } from '../../../shared/api/ops-analytics';
import { histogramPercentile } from '../../../shared/analytics/duration-buckets';
import { assembleKpiReport, type DayCounts } from '../../../shared/analytics/kpi-report';
import type { Database } from '../../db/schema';
import { afterSalesFigures } from './after-sales-figures';
import { dayOfNumber } from './shop-day-sql';

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

const COUNT_NAMES: Record<string, keyof DayCounts> = {
  orders: 'orders',
  shipments: 'shipments',
  delivered: 'delivered',
  promised: 'promised',
  on_time: 'onTime',
  first_attempt: 'firstAttempt',
};

/**
 * The dashboard's report from the roll-ups (call refreshAnalyticsRollups first): a few
 * hundred day counts and stage histograms for a month, plus returns, refunds and feedback
 * from their own tables. Counts are exact; stage medians and p90s come from 4.4 %-wide
 * buckets (see shared/analytics/duration-buckets.ts).
 */
export async function kpiReportFromRollups(db: Kysely<Database>, range: { from: string; to: string }, timeZone: string): Promise<KpiReport> {
  const [a, b] = [dayNumber(range.from), dayNumber(range.to)];
  const [counts, stages, afterSales] = await Promise.all([
    sql<{ day: number; name: string; n: number }>`
      SELECT day, name, n FROM analytics_counts WHERE day >= ${a} AND day <= ${b} AND n <> 0`.execute(db),
    sql<{ a: Stage; bucket: number; n: number }>`
      SELECT a, bucket, SUM(n) AS n FROM analytics_durations
      WHERE scope = 'stage' AND dim = '' AND day >= ${a} AND day <= ${b} GROUP BY a, bucket`.execute(db),
    afterSalesFigures(db, range, timeZone),
  ]);
  const days = afterSales.days;
  const exceptionReasons = new Map<string, number>();
  for (const row of counts.rows) {
    const day = dayOfNumber(row.day);
    const n = Number(row.n);
    const was = days.get(day) ?? {};
    if (row.name.startsWith('exception:')) {
      was.exceptions = (was.exceptions ?? 0) + n;
      const reason = row.name.slice('exception:'.length);
      exceptionReasons.set(reason, (exceptionReasons.get(reason) ?? 0) + n);
    } else if (COUNT_NAMES[row.name]) {
      const key = COUNT_NAMES[row.name]!;
      was[key] = (was[key] ?? 0) + n;
    }
    days.set(day, was);
  }
  const histograms = new Map<Stage, Map<number, number>>(STAGES.map((s) => [s, new Map()]));
  for (const row of stages.rows) histograms.get(row.a)?.set(Number(row.bucket), Number(row.n));
  return assembleKpiReport(range, {
    days,
    exceptionReasons: [...exceptionReasons].map(([reasonCode, count]) => ({ reasonCode, count })),
    stageTimes: STAGES.map((stage) => {
      const h = histograms.get(stage)!;
      return { stage, medianMs: histogramPercentile(h, 50), p90Ms: histogramPercentile(h, 90), count: [...h.values()].reduce((s, n) => s + n, 0) };
    }),
    returnReasons: afterSales.returnReasons,
    feedbackCategories: afterSales.feedbackCategories,
  });
}
