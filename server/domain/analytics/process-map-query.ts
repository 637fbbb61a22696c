import { sql, type Kysely } from 'kysely';
import type { ProcessMap, ProcessMapQuery } from '../../../shared/api/ops-analytics';
import { assembleProcessMap } from '../../../shared/analytics/process-map';
import { rangeBounds } from '../../../shared/analytics/shop-days';
import type { Database } from '../../db/schema';

/**
 * The directly-follows graph straight from the event log, exact (the routes read the roll-ups,
 * process-map-rollup-query.ts; this is the plain statement of what they must add up to): LEAD over each chosen shipment's events in log order
 * (occurred_at, id) pairs every event with the next; edges group those pairs, and the
 * nearest-rank median and p90 of their durations come from ROW_NUMBER within each edge.
 * The in-memory reference: shared/analytics/process-map.ts.
 */
export async function computeProcessMap(db: Kysely<Database>, query: ProcessMapQuery, timeZone: string): Promise<ProcessMap> {
  const { start, end } = rangeBounds(query.from, query.to, timeZone);
  const chosen = sql`
    SELECT id FROM shipments
    WHERE created_at >= ${start} AND created_at < ${end} AND leg = 'delivery'
    ${query.courier !== undefined ? sql`AND courier_id = ${query.courier}` : sql``}
    ${query.city !== undefined ? sql`AND destination_city = ${query.city}` : sql``}`;

  const [counts, nodes, edges] = await Promise.all([
    sql<{ n: number }>`SELECT COUNT(DISTINCT e.shipment_id) AS n FROM tracking_events e JOIN (${chosen}) c ON c.id = e.shipment_id`.execute(db),
    sql<{ status: string; n: number }>`
      SELECT e.status, COUNT(*) AS n FROM tracking_events e JOIN (${chosen}) c ON c.id = e.shipment_id GROUP BY e.status`.execute(db),
    sql<{ from_status: string; to_status: string; n: number; median: number; p90: number }>`
      WITH steps AS (
        SELECT e.status AS from_status,
          LEAD(e.status) OVER (PARTITION BY e.shipment_id ORDER BY e.occurred_at, e.id) AS to_status,
          LEAD(e.occurred_at) OVER (PARTITION BY e.shipment_id ORDER BY e.occurred_at, e.id) - e.occurred_at AS ms
        FROM tracking_events e JOIN (${chosen}) c ON c.id = e.shipment_id
      ),
      ranked AS (
        SELECT from_status, to_status, ms,
          ROW_NUMBER() OVER (PARTITION BY from_status, to_status ORDER BY ms) AS rn,
          COUNT(*) OVER (PARTITION BY from_status, to_status) AS n
        FROM steps WHERE to_status IS NOT NULL
      )
      SELECT from_status, to_status, n,
        MAX(CASE WHEN rn = (50 * n + 99) / 100 THEN ms END) AS median,
        MAX(CASE WHEN rn = (90 * n + 99) / 100 THEN ms END) AS p90
      FROM ranked GROUP BY from_status, to_status, n`.execute(db),
  ]);

  return assembleProcessMap(
    { range: { from: query.from, to: query.to }, filters: { courier: query.courier ?? null, city: query.city ?? null }, shipments: Number(counts.rows[0]?.n ?? 0) },
    nodes.rows.map((r) => ({ status: r.status, count: Number(r.n) })),
    edges.rows.map((r) => ({ from: r.from_status, to: r.to_status, count: Number(r.n), medianMs: Number(r.median), p90Ms: Number(r.p90) })),
  );
}
