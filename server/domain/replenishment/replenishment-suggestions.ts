import type { Kysely } from 'kysely';
import type { ReplenishmentSuggestion } from '../../../shared/api/ops-replenishment';
import { forecastDemand } from '../../../shared/replenishment/forecast';
import { DEFAULT_LEAD_TIME_DAYS, DEFAULT_REVIEW_DAYS, DEFAULT_TRANSFER_DAYS, suggestReplenishment, type StockPosition } from '../../../shared/replenishment/suggestions';
import type { Database } from '../../db/schema';
import { demandKey, loadDemandHistory } from './demand-history';
import { pipelineUnits, stockRowsForPlanning } from './replenishment-repository';

/** How many full days of demand the forecast learns from: eight weeks. */
export const HISTORY_DAYS = 56;
/** Days shown ahead of today on the page (the suggestions use lead time + review period). */
export const FORECAST_DAYS = 14;

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Every SKU in every warehouse with demand in the last eight weeks or a stock row: its
 * history, the forecast, and what to reorder or transfer, counting transfers in transit to it
 * and open receipt plans. Lead time is one constant for every
 * warehouse (DEFAULT_LEAD_TIME_DAYS, 5 days) until warehouses carry their own.
 * Most urgent first: something to reorder, then the least cover.
 */
export async function replenishmentSuggestions(db: Kysely<Database>, now: number, timeZone: string): Promise<ReplenishmentSuggestion[]> {
  const [history, pipeline, rows] = await Promise.all([
    loadDemandHistory(db, now, timeZone, HISTORY_DAYS),
    pipelineUnits(db),
    stockRowsForPlanning(db),
  ]);
  const horizon = Math.max(FORECAST_DAYS, DEFAULT_LEAD_TIME_DAYS + DEFAULT_REVIEW_DAYS);
  const items = rows
    .map((r) => {
      const series = history.series.get(demandKey(r.product_id, r.warehouse_id)) ?? new Array<number>(history.days.length).fill(0);
      return { r, series, forecast: forecastDemand(series, horizon) };
    })
    .filter(({ r, series }) => r.on_hand !== null || series.some((y) => y > 0));
  const positions: StockPosition[] = items.map(({ r, forecast }) => ({
    sku: r.sku,
    warehouse: r.code,
    available: Math.max(0, (r.on_hand ?? 0) - (r.reserved ?? 0)),
    inTransit: pipeline.inTransit.get(demandKey(r.product_id, r.warehouse_id)) ?? 0,
    onOrder: pipeline.onOrder.get(demandKey(r.product_id, r.warehouse_id)) ?? 0,
    safetyStock: r.safety_stock ?? 0,
    leadTimeDays: DEFAULT_LEAD_TIME_DAYS,
    forecast: forecast.values,
  }));
  const suggestions = suggestReplenishment(positions, { reviewDays: DEFAULT_REVIEW_DAYS, transferDays: DEFAULT_TRANSFER_DAYS });
  return suggestions
    .map((s, i) => {
      const { r, series, forecast } = items[i]!;
      const p = positions[i]!;
      return {
        ...s,
        name: { 'zh-CN': r.name, en: r.name_en || r.name },
        available: p.available,
        inTransit: p.inTransit,
        onOrder: p.onOrder,
        safetyStock: p.safetyStock,
        leadTimeDays: p.leadTimeDays,
        method: forecast.method,
        history: series,
        forecast: forecast.values.slice(0, FORECAST_DAYS).map(round2),
      };
    })
    .sort((a, b) => Number(b.reorderQuantity > 0) - Number(a.reorderQuantity > 0) || (a.daysOfCover ?? Infinity) - (b.daysOfCover ?? Infinity) || a.sku.localeCompare(b.sku) || a.warehouse.localeCompare(b.warehouse));
}
