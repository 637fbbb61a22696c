import { sql, type Kysely } from 'kysely';
import type { ProcessMap, ProcessMapQuery } from '../../../shared/api/ops-analytics';
import { histogramPercentile } from '../../../shared/analytics/duration-buckets';
import { assembleProcessMap, type EdgeStats } from '../../../shared/analytics/process-map';
import type { Database } from '../../db/schema';

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The roll-up slice a filter reads: '' for everything, else by city, courier, or both. */
export function sliceOf(query: Pick<ProcessMapQuery, 'courier' | 'city'>): string {
  const parts = [query.courier !== undefined ? `courier:${query.courier}` : null, query.city !== undefined ? `city:${query.city}` : null];
  return parts.filter(Boolean).join('|');
}

/**
 * The process map from the roll-ups (call refreshAnalyticsRollups first): per day of the
 * shipments' creation, transition counts with duration histograms, node and shipment counts,
 * for the chosen slice. Counts are exact; medians and p90s come from 4.4 %-wide buckets.
 * A shipment counts under the courier it had when its latest event was folded in.
 */
export async function processMapFromRollups(db: Kysely<Database>, query: ProcessMapQuery): Promise<ProcessMap> {
  const rows = await sql<{ scope: string; a: string; b: string; bucket: number; n: number }>`
    SELECT scope, a, b, bucket, SUM(n) AS n FROM analytics_durations
    WHERE scope IN ('edge', 'node', 'cohort') AND dim = ${sliceOf(query)} AND day >= ${dayNumber(query.from)} AND day <= ${dayNumber(query.to)}
    GROUP BY scope, a, b, bucket`.execute(db);
  let shipments = 0;
  const nodes = new Map<string, number>();
  const edges = new Map<string, { from: string; to: string; histogram: Map<number, number> }>();
  for (const r of rows.rows) {
    const n = Number(r.n);
    if (n === 0) continue;
    if (r.scope === 'cohort') shipments += n;
    else if (r.scope === 'node') nodes.set(r.a, (nodes.get(r.a) ?? 0) + n);
    else {
      const key = `${r.a}>${r.b}`;
      const edge = edges.get(key) ?? { from: r.a, to: r.b, histogram: new Map() };
      edge.histogram.set(Number(r.bucket), (edge.histogram.get(Number(r.bucket)) ?? 0) + n);
      edges.set(key, edge);
    }
  }
  const stats: EdgeStats[] = [...edges.values()].map((e) => ({
    from: e.from,
    to: e.to,
    count: [...e.histogram.values()].reduce((s, n) => s + n, 0),
    medianMs: histogramPercentile(e.histogram, 50)!,
    p90Ms: histogramPercentile(e.histogram, 90)!,
  }));
  return assembleProcessMap(
    { range: { from: query.from, to: query.to }, filters: { courier: query.courier ?? null, city: query.city ?? null }, shipments },
    [...nodes].map(([status, count]) => ({ status, count })),
    stats,
  );
}
