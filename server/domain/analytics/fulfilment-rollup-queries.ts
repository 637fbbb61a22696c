import { sql, type Kysely } from 'kysely';
import type { FulfilmentKpis, ProcessMapQuery } from '../../../shared/api/ops-analytics';
import { histogramPercentile } from '../../../shared/analytics/duration-buckets';
import { inventoryTurnover, paymentConversion, pickAccuracy } from '../../../shared/analytics/fulfilment-kpis';
import { ORDER_COUNT, ORDER_SCOPE } from '../../../shared/analytics/order-rollup';
import { daysOfRange, rangeBounds } from '../../../shared/analytics/shop-days';
import type { OrderSide } from '../../../shared/analytics/whole-process-map';
import type { EdgeStats } from '../../../shared/analytics/process-map';
import type { Database } from '../../db/schema';

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const n = (v: unknown) => Number(v ?? 0);

/**
 * The order side of the dashboard from the roll-ups (call refreshAnalyticsRollups first): a
 * few day counts, one histogram and the stock-out pairs of the range, whatever the number of
 * orders. The same figures as computeFulfilmentKpis over the tables, order → ship percentiles
 * to the 4.4 % bucket. Only "still pending inside the deadline" is read from the orders, as it
 * changes with the clock, not with a write (the few orders waiting to pay, by their index).
 */
export async function fulfilmentKpisFromRollups(db: Kysely<Database>, range: { from: string; to: string }, timeZone: string, now: number): Promise<FulfilmentKpis> {
  const [a, b] = [dayNumber(range.from), dayNumber(range.to)];
  const { start, end } = rangeBounds(range.from, range.to, timeZone);
  const [sums, onHandBefore, onHandDays, toShip, outs, pending] = await Promise.all([
    sql<{ name: string; n: number }>`
      SELECT name, SUM(n) AS n FROM analytics_counts WHERE day >= ${a} AND day <= ${b}
      AND name IN (${ORDER_COUNT.placed}, ${ORDER_COUNT.paid}, 'pick:all', 'pick:picked', 'stock:shipped') GROUP BY name`.execute(db),
    sql<{ n: number | null }>`SELECT SUM(n) AS n FROM analytics_counts WHERE name = 'stock:on_hand' AND day < ${a}`.execute(db),
    sql<{ day: number; n: number }>`SELECT day, n FROM analytics_counts WHERE name = 'stock:on_hand' AND day >= ${a} AND day <= ${b}`.execute(db),
    sql<{ bucket: number; n: number }>`
      SELECT bucket, SUM(n) AS n FROM analytics_durations WHERE scope = ${ORDER_SCOPE.toShip} AND dim = '' AND day >= ${a} AND day <= ${b} GROUP BY bucket`.execute(db),
    sql<{ c: number }>`SELECT COUNT(*) AS c FROM (SELECT DISTINCT warehouse_id, product_id FROM analytics_stock_outs WHERE day >= ${a} AND day <= ${b}) x`.execute(db),
    sql<{ c: number }>`
      SELECT COUNT(*) AS c FROM orders WHERE status = 'pending_payment' AND (pay_by IS NULL OR pay_by > ${now})
      AND created_at >= ${start} AND created_at < ${end}`.execute(db),
  ]);
  const sum = new Map(sums.rows.map((r) => [r.name, n(r.n)]));
  const placed = sum.get(ORDER_COUNT.placed) ?? 0;
  const paid = sum.get(ORDER_COUNT.paid) ?? 0;
  const pendingInDeadline = n(pending.rows[0]?.c);
  const histogram = new Map(toShip.rows.map((r) => [n(r.bucket), n(r.n)]));
  const shippedCount = [...histogram.values()].reduce((s, v) => s + v, 0);
  // On hand at each day's end: everything before the range plus the range's days up to it.
  const deltaOf = new Map(onHandDays.rows.map((r) => [n(r.day), n(r.n)]));
  const days = daysOfRange(range.from, range.to);
  let onHand = n(onHandBefore.rows[0]?.n);
  let onHandSum = 0;
  for (const day of days) {
    onHand += deltaOf.get(dayNumber(day)) ?? 0;
    onHandSum += onHand;
  }
  const averageOnHand = days.length === 0 ? 0 : onHandSum / days.length;
  const unitsShipped = sum.get('stock:shipped') ?? 0;
  const picked = sum.get('pick:picked') ?? 0;
  const scans = sum.get('pick:all') ?? 0;
  return {
    ordersPlaced: placed,
    ordersPaid: paid,
    ordersPendingInDeadline: pendingInDeadline,
    paymentConversion: paymentConversion(placed, paid, pendingInDeadline),
    orderToShip: { medianMs: histogramPercentile(histogram, 50), p90Ms: histogramPercentile(histogram, 90), count: shippedCount },
    pickScans: scans,
    pickScansPicked: picked,
    pickAccuracy: pickAccuracy(picked, scans),
    stockOuts: n(outs.rows[0]?.c),
    unitsShipped,
    averageOnHand,
    inventoryTurnover: inventoryTurnover(unitsShipped, averageOnHand),
  };
}

/** The order side of the process map from the roll-ups, for everything or one city. */
export async function orderSideFromRollups(db: Kysely<Database>, query: Pick<ProcessMapQuery, 'from' | 'to' | 'city'>): Promise<OrderSide> {
  const dim = query.city !== undefined ? `city:${query.city}` : '';
  const rows = await sql<{ scope: string; a: string; b: string; bucket: number; n: number }>`
    SELECT scope, a, b, bucket, SUM(n) AS n FROM analytics_durations
    WHERE scope IN (${ORDER_SCOPE.node}, ${ORDER_SCOPE.edge}, ${ORDER_SCOPE.cohort}) AND dim = ${dim}
      AND day >= ${dayNumber(query.from)} AND day <= ${dayNumber(query.to)}
    GROUP BY scope, a, b, bucket`.execute(db);
  let orders = 0;
  const nodes = new Map<string, number>();
  const edges = new Map<string, { from: string; to: string; histogram: Map<number, number> }>();
  for (const r of rows.rows) {
    const count = n(r.n);
    if (count === 0) continue;
    if (r.scope === ORDER_SCOPE.cohort) orders += count;
    else if (r.scope === ORDER_SCOPE.node) nodes.set(r.a, (nodes.get(r.a) ?? 0) + count);
    else {
      const key = `${r.a}>${r.b}`;
      const edge = edges.get(key) ?? { from: r.a, to: r.b, histogram: new Map() };
      edge.histogram.set(n(r.bucket), (edge.histogram.get(n(r.bucket)) ?? 0) + count);
      edges.set(key, edge);
    }
  }
  const stats: EdgeStats[] = [...edges.values()].map((e) => ({
    from: e.from,
    to: e.to,
    count: [...e.histogram.values()].reduce((s, v) => s + v, 0),
    medianMs: histogramPercentile(e.histogram, 50)!,
    p90Ms: histogramPercentile(e.histogram, 90)!,
  }));
  return { orders, nodes: [...nodes].map(([status, count]) => ({ status, count })), edges: stats };
}
