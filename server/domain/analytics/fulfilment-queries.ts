import { sql, type Kysely } from 'kysely';
import type { FulfilmentKpis } from '../../../shared/api/ops-analytics';
import { inventoryTurnover, orderToShipMs, paymentConversion, pickAccuracy } from '../../../shared/analytics/fulfilment-kpis';
import type { OrderFacts } from '../../../shared/analytics/order-path';
import { daysOfRange, nextDay, rangeBounds, shopDayStart } from '../../../shared/analytics/shop-days';
import { nearestRank } from '../../../shared/analytics/nearest-rank';
import type { Database } from '../../db/schema';

/**
 * The order side of the dashboard and the process map, straight from the tables (orders by
 * their created_at index, scans by scanned_at, the ledger). Definitions: FulfilmentKpis in
 * shared/api/ops-analytics.ts; the in-memory reference: shared/analytics/fulfilment-kpis.ts.
 *
 * The endpoints read the roll-ups instead (fulfilment-rollup-queries.ts): this reads every
 * order of the range, seconds over a 1 M-order month. It stays as the plain definition the
 * roll-ups are tested against, and for the bench's comparison.
 */

const n = (v: unknown) => Number(v ?? 0);
const orNull = (v: unknown) => (v === null || v === undefined || Number(v) <= 0 ? null : Number(v));

/** The facts of the orders created in [start, end) (to one city when given), hand-over from their first delivery parcel handed over. */
export async function orderFactsInRange(db: Kysely<Database>, bounds: { start: number; end: number }, city?: string): Promise<OrderFacts[]> {
  const rows = await sql<{ created_at: number; paid_at: number; picked_at: number | null; packed_at: number | null; cancelled_at: number | null; status: string; pay_by: number | null; city: string; handed: number | null }>`
    SELECT o.created_at, o.paid_at, o.picked_at, o.packed_at, o.cancelled_at, o.status, o.pay_by, o.city,
      (SELECT MIN(s.handed_over_at) FROM shipments s WHERE s.order_id = o.id AND s.leg = 'delivery') AS handed
    FROM orders o WHERE o.created_at >= ${bounds.start} AND o.created_at < ${bounds.end}
    ${city !== undefined ? sql`AND o.city = ${city}` : sql``}`.execute(db);
  return rows.rows.map((r) => ({
    createdAt: n(r.created_at),
    paidAt: orNull(r.paid_at),
    pickedAt: orNull(r.picked_at),
    packedAt: orNull(r.packed_at),
    handedOverAt: orNull(r.handed),
    cancelledAt: orNull(r.cancelled_at),
    status: r.status,
    payBy: r.pay_by === null ? null : n(r.pay_by),
    city: r.city,
  }));
}

/** Ends of the range's shop days (epoch ms), oldest first. */
export const dayEndsOf = (range: { from: string; to: string }, timeZone: string): number[] =>
  daysOfRange(range.from, range.to).map((d) => shopDayStart(nextDay(d), timeZone));

export async function computeFulfilmentKpis(
  db: Kysely<Database>,
  range: { from: string; to: string },
  timeZone: string,
  now: number,
  percentile: (values: readonly number[], p: number) => number | null = nearestRank,
): Promise<FulfilmentKpis> {
  const { start, end } = rangeBounds(range.from, range.to, timeZone);
  const dayEnds = dayEndsOf(range, timeZone);
  const [orders, toShip, scans, outs, shipped, before, deltas] = await Promise.all([
    sql<{ placed: number; paid: number; pending: number }>`
      SELECT COUNT(*) AS placed, SUM(CASE WHEN paid_at > 0 THEN 1 ELSE 0 END) AS paid,
        SUM(CASE WHEN status = 'pending_payment' AND (pay_by IS NULL OR pay_by > ${now}) THEN 1 ELSE 0 END) AS pending
      FROM orders WHERE created_at >= ${start} AND created_at < ${end}`.execute(db),
    sql<{ paid_at: number; packed_at: number | null; handed: number | null }>`
      SELECT o.paid_at, o.packed_at, (SELECT MIN(s.handed_over_at) FROM shipments s WHERE s.order_id = o.id AND s.leg = 'delivery') AS handed
      FROM orders o WHERE o.created_at >= ${start} AND o.created_at < ${end} AND o.paid_at > 0`.execute(db),
    sql<{ all: number; picked: number }>`
      SELECT COUNT(*) AS "all", SUM(CASE WHEN outcome = 'picked' THEN 1 ELSE 0 END) AS picked
      FROM pick_scans WHERE scanned_at >= ${start} AND scanned_at < ${end}`.execute(db),
    sql<{ c: number }>`
      SELECT COUNT(*) AS c FROM (SELECT DISTINCT warehouse_id, product_id FROM stock_ledger
        WHERE created_at >= ${start} AND created_at < ${end} AND on_hand_after - reserved_after <= 0) x`.execute(db),
    sql<{ units: number | null }>`
      SELECT -SUM(on_hand_delta) AS units FROM stock_ledger
      WHERE kind = 'shipment' AND created_at >= ${start} AND created_at < ${end}`.execute(db),
    sql<{ s: number | null }>`SELECT SUM(on_hand_delta) AS s FROM stock_ledger WHERE created_at < ${start}`.execute(db),
    sql<{ created_at: number; on_hand_delta: number }>`
      SELECT created_at, on_hand_delta FROM stock_ledger WHERE created_at >= ${start} AND created_at < ${end}`.execute(db),
  ]);
  const o = orders.rows[0]!;
  const toShipMs = toShip.rows
    .map((r) => orderToShipMs({ paidAt: orNull(r.paid_at), packedAt: orNull(r.packed_at), handedOverAt: orNull(r.handed) }))
    .filter((ms): ms is number => ms !== null);
  // On hand at each day's end: everything before the range, plus the range's changes up to that end.
  let onHandSum = 0;
  for (const dayEnd of dayEnds) onHandSum += n(before.rows[0]?.s) + deltas.rows.filter((r) => n(r.created_at) < dayEnd).reduce((s, r) => s + n(r.on_hand_delta), 0);
  const averageOnHand = dayEnds.length === 0 ? 0 : onHandSum / dayEnds.length;
  const unitsShipped = n(shipped.rows[0]?.units);
  const picked = n(scans.rows[0]?.picked);
  const all = n(scans.rows[0]?.all);
  return {
    ordersPlaced: n(o.placed),
    ordersPaid: n(o.paid),
    ordersPendingInDeadline: n(o.pending),
    paymentConversion: paymentConversion(n(o.placed), n(o.paid), n(o.pending)),
    orderToShip: { medianMs: percentile(toShipMs, 50), p90Ms: percentile(toShipMs, 90), count: toShipMs.length },
    pickScans: all,
    pickScansPicked: picked,
    pickAccuracy: pickAccuracy(picked, all),
    stockOuts: n(outs.rows[0]?.c),
    unitsShipped,
    averageOnHand,
    inventoryTurnover: inventoryTurnover(unitsShipped, averageOnHand),
  };
}
