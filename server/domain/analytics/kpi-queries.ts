import { sql, type Kysely } from 'kysely';
import type { KpiReport, StageTimeRow } from '../../../shared/api/ops-analytics';
import { assembleKpiReport, type DayCounts } from '../../../shared/analytics/kpi-report';
import { rangeBounds } from '../../../shared/analytics/shop-days';
import type { Database } from '../../db/schema';
import { afterSalesFigures } from './after-sales-figures';
import { dayOfNumber, shopDayNumberSql } from './shop-day-sql';
import { notAResend } from './shipped-parcels';

/**
 * The dashboard's report straight from the tables, exact: grouped counts and window functions
 * over the event log, nothing loaded into memory. Fine for a small shop; over 10 M events it
 * takes far longer than a dashboard may, so the routes read the roll-ups (kpi-rollup-queries.ts),
 * and this stays as the plain statement of what the roll-ups must add up to.
 * Definitions: shared/api/ops-analytics.ts; the in-memory reference: shared/analytics/kpi-formulas.ts.
 */
export async function computeKpiReport(db: Kysely<Database>, range: { from: string; to: string }, timeZone: string): Promise<KpiReport> {
  const { start, end } = rangeBounds(range.from, range.to, timeZone);
  const day = (column: string) => shopDayNumberSql(sql.ref(column), range.from, range.to, timeZone);
  const days = new Map<string, Partial<DayCounts>>();
  const add = (rows: ReadonlyArray<{ d: number | string }>, f: (row: never) => Partial<DayCounts>) => {
    for (const row of rows) {
      const key = dayOfNumber(row.d);
      days.set(key, { ...days.get(key), ...f(row as never) });
    }
  };
  const n = (v: unknown) => Number(v ?? 0);

  const [orders, shipments, delivered, exceptions, afterSales, stageTimes] = await Promise.all([
    sql<{ d: number; c: number }>`
      SELECT ${day('created_at')} AS d, COUNT(*) AS c FROM orders
      WHERE created_at >= ${start} AND created_at < ${end} GROUP BY 1`.execute(db),
    sql<{ d: number; c: number }>`
      SELECT ${day('created_at')} AS d, COUNT(*) AS c FROM shipments s
      WHERE created_at >= ${start} AND created_at < ${end} AND leg = 'delivery' AND ${notAResend} GROUP BY 1`.execute(db),
    // Delivered at the first Delivered event; first attempt: no AttemptFail before it.
    sql<{ d: number; delivered: number; promised: number; on_time: number; first_attempt: number }>`
      WITH firsts AS (
        SELECT shipment_id, MIN(occurred_at) AS delivered_at FROM tracking_events WHERE status = 'Delivered' GROUP BY shipment_id
      )
      SELECT ${day('x.delivered_at')} AS d, COUNT(*) AS delivered,
        SUM(CASE WHEN s.promised_by IS NOT NULL THEN 1 ELSE 0 END) AS promised,
        SUM(CASE WHEN x.delivered_at <= s.promised_by THEN 1 ELSE 0 END) AS on_time,
        SUM(CASE WHEN NOT EXISTS (
          SELECT 1 FROM tracking_events f
          WHERE f.shipment_id = s.id AND f.status = 'AttemptFail' AND f.occurred_at < x.delivered_at
        ) THEN 1 ELSE 0 END) AS first_attempt
      FROM firsts x JOIN shipments s ON s.id = x.shipment_id
      WHERE x.delivered_at >= ${start} AND x.delivered_at < ${end} AND s.leg = 'delivery' GROUP BY 1`.execute(db),
    sql<{ d: number; reason: string; c: number }>`
      SELECT ${day('e.occurred_at')} AS d, COALESCE(e.reason_code, e.sub_status) AS reason, COUNT(*) AS c
      FROM tracking_events e JOIN shipments s ON s.id = e.shipment_id
      WHERE e.status = 'Exception' AND e.occurred_at >= ${start} AND e.occurred_at < ${end} AND s.leg = 'delivery'
      GROUP BY 1, 2`.execute(db),
    afterSalesFigures(db, range, timeZone),
    stageTimesSql(db, start, end),
  ]);

  add(orders.rows, (r: { c: number }) => ({ orders: n(r.c) }));
  add(shipments.rows, (r: { c: number }) => ({ shipments: n(r.c) }));
  add(delivered.rows, (r: { delivered: number; promised: number; on_time: number; first_attempt: number }) => ({
    delivered: n(r.delivered),
    promised: n(r.promised),
    onTime: n(r.on_time),
    firstAttempt: n(r.first_attempt),
  }));
  const sumBy = <R extends { d: number | string; c: number | string }>(rows: readonly R[]) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(dayOfNumber(r.d), (m.get(dayOfNumber(r.d)) ?? 0) + n(r.c));
    return [...m].map(([d, c]) => ({ d: Date.parse(`${d}T00:00:00Z`) / 86_400_000, c }));
  };
  add(sumBy(exceptions.rows), (r: { c: number }) => ({ exceptions: r.c }));
  const byReason = (rows: ReadonlyArray<{ reason: string; c: number | string }>) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r.reason, (m.get(r.reason) ?? 0) + n(r.c));
    return [...m].map(([reasonCode, count]) => ({ reasonCode, count }));
  };
  for (const [d, counts] of afterSales.days) days.set(d, { ...days.get(d), ...counts });
  return assembleKpiReport(range, {
    days,
    exceptionReasons: byReason(exceptions.rows),
    stageTimes,
    returnReasons: afterSales.returnReasons,
    feedbackCategories: afterSales.feedbackCategories,
  });
}

/**
 * Nearest-rank median and p90 of each stage over the shipments delivered in [start, end):
 * first InTransit / OutForDelivery per shipment by aggregate, time in AttemptFail and Exception
 * by LEAD over each shipment's events in log order (occurred_at, id).
 */
async function stageTimesSql(db: Kysely<Database>, start: number, end: number): Promise<StageTimeRow[]> {
  const result = await sql<{ stage: StageTimeRow['stage']; n: number; median: number; p90: number }>`
    WITH delivered AS (
      SELECT s.id, s.created_at, x.delivered_at
      FROM (SELECT shipment_id, MIN(occurred_at) AS delivered_at FROM tracking_events WHERE status = 'Delivered' GROUP BY shipment_id) x
      JOIN shipments s ON s.id = x.shipment_id
      WHERE x.delivered_at >= ${start} AND x.delivered_at < ${end} AND s.leg = 'delivery'
    ),
    steps AS (
      SELECT e.shipment_id, e.status, e.occurred_at,
        LEAD(e.occurred_at) OVER (PARTITION BY e.shipment_id ORDER BY e.occurred_at, e.id) AS next_at
      FROM tracking_events e JOIN delivered d ON d.id = e.shipment_id
    ),
    firsts AS (
      SELECT d.id, d.created_at, d.delivered_at,
        MIN(CASE WHEN st.status = 'InTransit' THEN st.occurred_at END) AS picked_up,
        MIN(CASE WHEN st.status = 'OutForDelivery' THEN st.occurred_at END) AS out_for_delivery
      FROM delivered d JOIN steps st ON st.shipment_id = d.id
      GROUP BY d.id, d.created_at, d.delivered_at
    ),
    durations AS (
      SELECT 'ordered_to_picked_up' AS stage, picked_up - created_at AS ms FROM firsts WHERE picked_up IS NOT NULL
      UNION ALL
      SELECT 'picked_up_to_out_for_delivery', out_for_delivery - picked_up FROM firsts WHERE picked_up IS NOT NULL AND out_for_delivery IS NOT NULL
      UNION ALL
      SELECT 'out_for_delivery_to_delivered', delivered_at - out_for_delivery FROM firsts WHERE out_for_delivery IS NOT NULL
      UNION ALL
      SELECT CASE WHEN status = 'AttemptFail' THEN 'in_attempt_fail' ELSE 'in_exception' END, next_at - occurred_at
      FROM steps WHERE status IN ('AttemptFail', 'Exception') AND next_at IS NOT NULL
    ),
    ranked AS (
      SELECT stage, ms, ROW_NUMBER() OVER (PARTITION BY stage ORDER BY ms) AS rn, COUNT(*) OVER (PARTITION BY stage) AS n
      FROM durations
    )
    SELECT stage, n,
      MAX(CASE WHEN rn = (50 * n + 99) / 100 THEN ms END) AS median,
      MAX(CASE WHEN rn = (90 * n + 99) / 100 THEN ms END) AS p90
    FROM ranked GROUP BY stage, n`.execute(db);
  return result.rows.map((r) => ({ stage: r.stage, count: Number(r.n), medianMs: Number(r.median), p90Ms: Number(r.p90) }));
}
