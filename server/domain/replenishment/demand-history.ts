import { sql, type Kysely } from 'kysely';
import { nextDay, shopDayStart } from '../../../shared/analytics/shop-days';
import { shopDay } from '../../../shared/time/shop-day';
import type { Database } from '../../db/schema';
import { dayOfNumber, shopDayNumberSql } from '../analytics/shop-day-sql';

const DAY = 86_400_000;

export interface DemandHistory {
  /** The shop days covered, oldest first (the `days` full days before today). */
  days: string[];
  /** Units per day (same order as `days`, zeros filled) by "productId|warehouseId". */
  series: Map<string, number[]>;
}

export const demandKey = (productId: number, warehouseId: number) => `${productId}|${warehouseId}`;

/** The `days` full shop days before today's, oldest first. */
export function historyDays(now: number, timeZone: string, days: number): string[] {
  const today = shopDay(now, timeZone);
  const first = shopDay(shopDayStart(today, timeZone) - days * DAY + DAY / 2, timeZone);
  const out: string[] = [];
  for (let d = first; out.length < days && d < today; d = nextDay(d)) out.push(d);
  return out;
}

/**
 * Daily units sold per SKU and warehouse: lines of paid orders (stored status paid or
 * shipped; cancelled and unpaid ones are not demand), on the shop day the order was paid,
 * by the warehouse the line ships from. Today is left out: a half day would read as a drop.
 */
export async function loadDemandHistory(db: Kysely<Database>, now: number, timeZone: string, days: number): Promise<DemandHistory> {
  const range = historyDays(now, timeZone, days);
  const series = new Map<string, number[]>();
  if (range.length === 0) return { days: range, series };
  const from = range[0]!;
  const to = range[range.length - 1]!;
  const start = shopDayStart(from, timeZone);
  const end = shopDayStart(nextDay(to), timeZone);
  const day = shopDayNumberSql(sql.ref('o.paid_at'), from, to, timeZone);
  const rows = await sql<{ product_id: number; warehouse_id: number; d: number | string; units: number | string }>`
    SELECT i.product_id, i.warehouse_id, ${day} AS d, SUM(i.quantity) AS units
    FROM order_items i JOIN orders o ON o.id = i.order_id
    WHERE o.status IN ('paid', 'shipped') AND o.paid_at >= ${start} AND o.paid_at < ${end} AND i.warehouse_id IS NOT NULL
    GROUP BY i.product_id, i.warehouse_id, 3`.execute(db);
  const index = new Map(range.map((d, i) => [d, i]));
  for (const row of rows.rows) {
    const i = index.get(dayOfNumber(row.d));
    if (i === undefined) continue;
    const key = demandKey(Number(row.product_id), Number(row.warehouse_id));
    let values = series.get(key);
    if (!values) series.set(key, (values = new Array<number>(range.length).fill(0)));
    values[i] = (values[i] ?? 0) + Number(row.units);
  }
  return { days: range, series };
}
