import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { BUCKET_LOWER_BOUNDS } from '../../../shared/analytics/duration-buckets';
import { shopDate } from '../../../shared/time/shop-calendar';
import type { Database } from '../../db/schema';
import { shopDayNumberSql } from './shop-day-sql';
import { notAResend } from './shipped-parcels';
import { foldOrders, foldScansAndLedger } from './order-rollup-fold';
import { settledMaxIds, type GrowingTable } from './settled-ids';

const GROWING_TABLES: readonly GrowingTable[] = ['tracking_events', 'shipments', 'orders', 'pick_scans', 'stock_ledger'];

/**
 * Keeps the analytics roll-ups (migrations 06 and 95) equal to what the tables say: each
 * refresh folds in what was written since the last one. The parcels' side is found by id
 * without touching any write path (tracking_events, shipments, pick scans and the stock ledger
 * only ever grow); orders change in place, so their writes flag them (order-rollup-fold.ts).
 *
 * A shipment with new events has its whole contribution taken out (as computed from its
 * events up to the previous watermark, under the courier it was folded with) and put back
 * (from all its events, under its courier now). Taking out and putting back the same SQL
 * keeps the roll-ups exact however events arrive: late, out of order, or in batches.
 *
 * The first refresh (or one after SHOP_TIMEZONE changes) builds everything from the log:
 * over 10 M events that takes minutes, so `npm run demo:big`-sized databases should be
 * refreshed once after filling (tests/bench/ops-analytics.ts does), not by a first visitor.
 *
 * Exact under concurrent writers on PostgreSQL too: ids are folded only up to where every row
 * is committed (settled-ids.ts), so a row whose transaction commits after a later id was
 * written is folded by a later refresh, never skipped. Refreshes from several instances take
 * turns on the analytics_state row and each folds what the one before left.
 */
export async function refreshAnalyticsRollups(
  db: Kysely<Database>,
  timeZone: string,
  now: number,
): Promise<{ rebuilt: boolean; foldedShipments: number; foldedOrders: number }> {
  // Before the refresh's transaction: waiting for writers must not hold the state row.
  const settled = await settledMaxIds(db, GROWING_TABLES);
  return db.transaction().execute(async (trx) => {
    await sql`INSERT INTO analytics_state (id, time_zone, events_upto, shipments_upto, orders_upto, built_at)
      VALUES (1, '', 0, 0, 0, 0) ON CONFLICT (id) DO NOTHING`.execute(trx);
    const pg = trx.getExecutor().adapter instanceof PostgresAdapter;
    const state = (await sql<{ time_zone: string; events_upto: number; shipments_upto: number; orders_upto: number; pick_scans_upto: number; ledger_upto: number }>`
      SELECT time_zone, events_upto, shipments_upto, orders_upto, pick_scans_upto, ledger_upto FROM analytics_state WHERE id = 1 ${pg ? sql`FOR UPDATE` : sql``}`.execute(trx)).rows[0]!;
    let w = {
      events: Number(state.events_upto),
      shipments: Number(state.shipments_upto),
      orders: Number(state.orders_upto),
      pickScans: Number(state.pick_scans_upto),
      ledger: Number(state.ledger_upto),
    };
    const rebuilt = state.time_zone !== timeZone;
    if (rebuilt) {
      for (const table of ['analytics_counts', 'analytics_durations', 'analytics_folded', 'analytics_buckets', 'analytics_orders_folded', 'analytics_stock_outs'] as const) {
        await trx.deleteFrom(table).execute();
      }
      for (let i = 0; i < BUCKET_LOWER_BOUNDS.length; i += 200) {
        await trx
          .insertInto('analytics_buckets')
          .values(BUCKET_LOWER_BOUNDS.slice(i, i + 200).map((lo, j) => ({ bucket: i + j, lo })))
          .execute();
      }
      w = { events: 0, shipments: 0, orders: 0, pickScans: 0, ledger: 0 };
    }
    // Never behind the watermark: another instance may have folded further since `settled` was read.
    const upto = (table: GrowingTable, folded: number) => Math.max(folded, settled.get(table) ?? folded);
    const top = {
      events: upto('tracking_events', w.events),
      shipments: upto('shipments', w.shipments),
      orders: upto('orders', w.orders),
      pickScans: upto('pick_scans', w.pickScans),
      ledger: upto('stock_ledger', w.ledger),
    };
    const day = dayNumberFor(timeZone, now);

    let foldedShipments = 0;
    if (top.events > w.events) {
      const fold = { from: w.events, to: top.events, all: w.events === 0 };
      if (!fold.all) {
        await applyContribution(trx, fold, 'before', day);
      }
      await applyContribution(trx, fold, 'after', day);
      const touched = fold.all
        ? sql`SELECT s.id, s.courier_id FROM shipments s WHERE s.leg = 'delivery' AND EXISTS (SELECT 1 FROM tracking_events e WHERE e.shipment_id = s.id)`
        : sql`SELECT s.id, s.courier_id FROM shipments s WHERE s.leg = 'delivery' AND s.id IN (SELECT shipment_id FROM tracking_events WHERE id > ${fold.from} AND id <= ${fold.to})`;
      const res = await sql`INSERT INTO analytics_folded (shipment_id, courier_id) SELECT id, courier_id FROM (${touched}) t WHERE true
        ON CONFLICT (shipment_id) DO UPDATE SET courier_id = excluded.courier_id`.execute(trx);
      foldedShipments = Number(res.numAffectedRows ?? 0);
    }
    if (top.shipments > w.shipments) {
      await upsertCounts(trx, sql`
        SELECT ${day('created_at')} AS day, 'shipments' AS name, COUNT(*) AS n FROM shipments s
        WHERE id > ${w.shipments} AND id <= ${top.shipments} AND leg = 'delivery' AND ${notAResend} GROUP BY 1`);
    }
    if (top.orders > w.orders) {
      await upsertCounts(trx, sql`
        SELECT ${day('created_at')} AS day, 'orders' AS name, COUNT(*) AS n FROM orders
        WHERE id > ${w.orders} AND id <= ${top.orders} GROUP BY 1`);
    }
    // The order side (migration 95): orders whose facts changed, then the scans and the ledger.
    const foldedOrders = await foldOrders(trx, day, rebuilt ? 'all' : 'dirty');
    await foldScansAndLedger(trx, day, w, top);
    await sql`UPDATE analytics_state SET time_zone = ${timeZone}, events_upto = ${top.events}, shipments_upto = ${top.shipments},
      orders_upto = ${top.orders}, pick_scans_upto = ${top.pickScans}, ledger_upto = ${top.ledger}, built_at = ${now} WHERE id = 1`.execute(trx);
    return { rebuilt, foldedShipments, foldedOrders };
  });
}

type DayOf = (column: string) => RawBuilder<number>;

/** Shop days for anything from five years back to a year ahead (one CASE branch per DST stretch). */
function dayNumberFor(timeZone: string, now: number): DayOf {
  // Whole years, so the stretches are worked out once a year, not on every refresh.
  const year = Number(shopDate(now, timeZone).slice(0, 4));
  const [from, to] = [`${year - 5}-01-01`, `${year + 1}-12-31`];
  return (column) => shopDayNumberSql(sql.ref(column), from, to, timeZone);
}

const upsertCounts = (trx: Kysely<Database>, rows: RawBuilder<unknown>) =>
  sql`INSERT INTO analytics_counts (day, name, n) SELECT day, name, n FROM (${rows}) r WHERE true
    ON CONFLICT (day, name) DO UPDATE SET n = analytics_counts.n + excluded.n`.execute(trx);

/**
 * Adds (`after`: all events up to `to`, current courier) or takes out (`before`: events up to
 * `from`, the courier it was folded under) the contribution of the shipments with events in
 * (from, to] — of every delivery shipment when `all`.
 */
async function applyContribution(trx: Kysely<Database>, fold: { from: number; to: number; all: boolean }, which: 'before' | 'after', day: DayOf) {
  const before = which === 'before';
  const upto = before ? fold.from : fold.to;
  const sign = sql.lit(before ? -1 : 1);
  const todo = fold.all ? sql`` : sql`AND s.id IN (SELECT shipment_id FROM tracking_events WHERE id > ${fold.from} AND id <= ${fold.to})`;
  const ship = before
    ? sql`SELECT s.id, s.created_at, s.promised_by, s.destination_city AS city, f.courier_id, ${day('s.created_at')} AS created_day
        FROM shipments s JOIN analytics_folded f ON f.shipment_id = s.id WHERE s.leg = 'delivery' ${todo}`
    : sql`SELECT s.id, s.created_at, s.promised_by, s.destination_city AS city, s.courier_id, ${day('s.created_at')} AS created_day
        FROM shipments s WHERE s.leg = 'delivery' ${todo}`;
  const bucket = (ms: RawBuilder<unknown>) => sql`(SELECT bucket FROM analytics_buckets WHERE lo <= ${ms} ORDER BY lo DESC LIMIT 1)`;

  // Durations, nodes and cohorts: grouped per (day, courier, city) first, then spread over the slices.
  await sql`
    INSERT INTO analytics_durations (scope, dim, day, a, b, bucket, n)
    WITH ship AS (${ship}),
    ev AS (
      SELECT e.shipment_id, e.status, e.occurred_at,
        LEAD(e.status) OVER (PARTITION BY e.shipment_id ORDER BY e.occurred_at, e.id) AS next_status,
        LEAD(e.occurred_at) OVER (PARTITION BY e.shipment_id ORDER BY e.occurred_at, e.id) AS next_at
      FROM tracking_events e JOIN ship s ON s.id = e.shipment_id
      WHERE e.id <= ${upto}
    ),
    firsts AS (
      SELECT shipment_id,
        MIN(CASE WHEN status = 'InTransit' THEN occurred_at END) AS picked_up,
        MIN(CASE WHEN status = 'OutForDelivery' THEN occurred_at END) AS out_for_delivery,
        MIN(CASE WHEN status = 'Delivered' THEN occurred_at END) AS delivered_at
      FROM ev GROUP BY shipment_id
    ),
    stage_ms AS (
      SELECT 'ordered_to_picked_up' AS a, f.delivered_at, f.picked_up - s.created_at AS ms
        FROM firsts f JOIN ship s ON s.id = f.shipment_id WHERE f.delivered_at IS NOT NULL AND f.picked_up IS NOT NULL
      UNION ALL
      SELECT 'picked_up_to_out_for_delivery', f.delivered_at, f.out_for_delivery - f.picked_up
        FROM firsts f WHERE f.delivered_at IS NOT NULL AND f.picked_up IS NOT NULL AND f.out_for_delivery IS NOT NULL
      UNION ALL
      SELECT 'out_for_delivery_to_delivered', f.delivered_at, f.delivered_at - f.out_for_delivery
        FROM firsts f WHERE f.delivered_at IS NOT NULL AND f.out_for_delivery IS NOT NULL
      UNION ALL
      SELECT CASE WHEN ev.status = 'AttemptFail' THEN 'in_attempt_fail' ELSE 'in_exception' END, f.delivered_at, ev.next_at - ev.occurred_at
        FROM ev JOIN firsts f ON f.shipment_id = ev.shipment_id
        WHERE f.delivered_at IS NOT NULL AND ev.status IN ('AttemptFail', 'Exception') AND ev.next_at IS NOT NULL
    ),
    grouped AS (
      SELECT 'edge' AS scope, s.created_day AS day, s.courier_id, s.city, ev.status AS a, ev.next_status AS b,
        ${bucket(sql`ev.next_at - ev.occurred_at`)} AS bucket, COUNT(*) AS n
      FROM ev JOIN ship s ON s.id = ev.shipment_id WHERE ev.next_status IS NOT NULL
      GROUP BY s.created_day, s.courier_id, s.city, ev.status, ev.next_status, 7
      UNION ALL
      SELECT 'node', s.created_day, s.courier_id, s.city, ev.status, '', 0, COUNT(*)
      FROM ev JOIN ship s ON s.id = ev.shipment_id GROUP BY s.created_day, s.courier_id, s.city, ev.status
      UNION ALL
      SELECT 'cohort', s.created_day, s.courier_id, s.city, '', '', 0, COUNT(*)
      FROM ship s WHERE s.id IN (SELECT shipment_id FROM firsts) GROUP BY s.created_day, s.courier_id, s.city
    ),
    spread AS (
      SELECT scope, '' AS dim, day, a, b, bucket, n FROM grouped
      UNION ALL SELECT scope, 'city:' || city, day, a, b, bucket, n FROM grouped
      UNION ALL SELECT scope, 'courier:' || courier_id, day, a, b, bucket, n FROM grouped WHERE courier_id IS NOT NULL
      UNION ALL SELECT scope, 'courier:' || courier_id || '|city:' || city, day, a, b, bucket, n FROM grouped WHERE courier_id IS NOT NULL
      UNION ALL SELECT 'stage', '', ${day('delivered_at')}, a, '', ${bucket(sql`ms`)}, 1 FROM stage_ms
    )
    SELECT scope, dim, day, a, b, bucket, SUM(n) * ${sign} FROM spread WHERE true GROUP BY scope, dim, day, a, b, bucket
    ON CONFLICT (scope, dim, day, a, b, bucket) DO UPDATE SET n = analytics_durations.n + excluded.n`.execute(trx);

  // Day counts: deliveries (and whether on time, first time) and exceptions by reason.
  await sql`
    INSERT INTO analytics_counts (day, name, n)
    WITH ship AS (${ship}),
    delivered AS (
      SELECT e.shipment_id, MIN(e.occurred_at) AS delivered_at FROM tracking_events e JOIN ship s ON s.id = e.shipment_id
      WHERE e.status = 'Delivered' AND e.id <= ${upto} GROUP BY e.shipment_id
    ),
    marks AS (
      SELECT d.delivered_at AS mark_at, 'delivered' AS name FROM delivered d
      UNION ALL SELECT d.delivered_at, 'promised' FROM delivered d JOIN ship s ON s.id = d.shipment_id WHERE s.promised_by IS NOT NULL
      UNION ALL SELECT d.delivered_at, 'on_time' FROM delivered d JOIN ship s ON s.id = d.shipment_id WHERE d.delivered_at <= s.promised_by
      UNION ALL SELECT d.delivered_at, 'first_attempt' FROM delivered d WHERE NOT EXISTS (
        SELECT 1 FROM tracking_events f WHERE f.shipment_id = d.shipment_id AND f.status = 'AttemptFail' AND f.occurred_at < d.delivered_at AND f.id <= ${upto})
      UNION ALL SELECT e.occurred_at, 'exception:' || COALESCE(e.reason_code, e.sub_status) FROM tracking_events e JOIN ship s ON s.id = e.shipment_id
        WHERE e.status = 'Exception' AND e.id <= ${upto}
    )
    SELECT ${day('mark_at')} AS day, name, COUNT(*) * ${sign} FROM marks WHERE true GROUP BY 1, name
    ON CONFLICT (day, name) DO UPDATE SET n = analytics_counts.n + excluded.n`.execute(trx);
}
