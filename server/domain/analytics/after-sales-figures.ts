import { sql, type Kysely } from 'kysely';
import type { FeedbackCategoryDayRow, ReturnReasonRow } from '../../../shared/api/ops-analytics';
import type { DayCounts } from '../../../shared/analytics/kpi-report';
import { rangeBounds } from '../../../shared/analytics/shop-days';
import type { Database } from '../../db/schema';
import { dayOfNumber, shopDayNumberSql } from './shop-day-sql';

/**
 * Returns, refunds and feedback for a range, straight from their tables: each is one row per
 * request, refund or rating (far fewer than events) and read through its created/completed
 * index, so they need no roll-up.
 */
export async function afterSalesFigures(db: Kysely<Database>, range: { from: string; to: string }, timeZone: string) {
  const { start, end } = rangeBounds(range.from, range.to, timeZone);
  const day = (column: string) => shopDayNumberSql(sql.ref(column), range.from, range.to, timeZone);
  const n = (v: unknown) => Number(v ?? 0);
  const [returns, refunds, feedback, categories] = await Promise.all([
    sql<{ d: number; reason: string; c: number }>`
      SELECT ${day('created_at')} AS d, reason_code AS reason, COUNT(*) AS c FROM return_requests
      WHERE created_at >= ${start} AND created_at < ${end} GROUP BY 1, 2`.execute(db),
    sql<{ d: number; fen: number; c: number }>`
      SELECT ${day('completed_at')} AS d, SUM(amount_fen) AS fen, COUNT(*) AS c FROM refunds
      WHERE completed_at >= ${start} AND completed_at < ${end} AND status = 'succeeded' GROUP BY 1`.execute(db),
    sql<{ d: number; csat_sum: number; csat_count: number; nps_count: number; promoters: number; detractors: number }>`
      SELECT ${day('created_at')} AS d, SUM(csat) AS csat_sum, COUNT(*) AS csat_count, COUNT(nps) AS nps_count,
        SUM(CASE WHEN nps >= 9 THEN 1 ELSE 0 END) AS promoters, SUM(CASE WHEN nps <= 6 THEN 1 ELSE 0 END) AS detractors
      FROM feedback WHERE created_at >= ${start} AND created_at < ${end} GROUP BY 1`.execute(db),
    sql<{ d: number; category: string; c: number }>`
      SELECT ${day('created_at')} AS d, category, COUNT(*) AS c FROM feedback_categories
      WHERE created_at >= ${start} AND created_at < ${end} GROUP BY 1, 2`.execute(db),
  ]);

  const days = new Map<string, Partial<DayCounts>>();
  const add = (d: number | string, counts: Partial<DayCounts>) => {
    const key = dayOfNumber(d);
    const was = days.get(key) ?? {};
    for (const [k, v] of Object.entries(counts) as [keyof DayCounts, number][]) was[k] = (was[k] ?? 0) + v;
    days.set(key, was);
  };
  const returnReasons = new Map<string, number>();
  for (const r of returns.rows) {
    add(r.d, { returns: n(r.c) });
    returnReasons.set(r.reason, (returnReasons.get(r.reason) ?? 0) + n(r.c));
  }
  for (const r of refunds.rows) add(r.d, { refundsFen: n(r.fen), refundCount: n(r.c) });
  for (const r of feedback.rows) {
    add(r.d, { csatSum: n(r.csat_sum), csatCount: n(r.csat_count), npsCount: n(r.nps_count), promoters: n(r.promoters), detractors: n(r.detractors) });
  }
  return {
    days,
    returnReasons: [...returnReasons].map(([reasonCode, count]): ReturnReasonRow => ({ reasonCode, count })),
    feedbackCategories: categories.rows.map((r): FeedbackCategoryDayRow => ({ day: dayOfNumber(r.d), category: r.category, count: n(r.c) })),
  };
}
