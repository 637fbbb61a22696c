/**
 * Reorder and transfer suggestions from forecasts and stock — pure, so the same rules are
 * table-tested without a database.
 *
 * - forecastDaily: the mean of the next 7 days' forecast.
 * - daysOfCover: available ÷ forecastDaily; null when nothing is forecast (cover is then
 *   unbounded — null rather than a sentinel, so no client mistakes it for a number).
 * - reorderQuantity: max(0, ceil(forecast over lead time + review period + safety stock
 *   − available − in transit − on order)).
 * - transferFrom: another warehouse holding the same SKU that keeps, after giving, at least
 *   2 × its own lead time of its own forecast plus its safety stock, and whose transfer
 *   arrives sooner than the supplier (transfer days < the destination's lead time). The
 *   most urgent shortages (least cover) choose first; a donor's spare is used up as it goes.
 */
export const DEFAULT_LEAD_TIME_DAYS = 5;
export const DEFAULT_REVIEW_DAYS = 7;
export const DEFAULT_TRANSFER_DAYS = 1;

export interface StockPosition {
  sku: string;
  warehouse: string;
  available: number;
  inTransit: number;
  onOrder: number;
  safetyStock: number;
  leadTimeDays: number;
  /** At least lead time + review period days, from tomorrow. */
  forecast: readonly number[];
}

export interface Suggestion {
  sku: string;
  warehouse: string;
  forecastDaily: number;
  daysOfCover: number | null;
  reorderQuantity: number;
  transferFrom?: string;
  transferQuantity?: number;
}

export interface SuggestionRules {
  reviewDays: number;
  transferDays: number;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
/** Ceil that forgives float dust (3.0000000001 is 3). */
const ceilUnits = (x: number) => Math.ceil(x - 1e-9);
const round2 = (x: number) => Math.round(x * 100) / 100;

export function forecastDaily(forecast: readonly number[]): number {
  const week = forecast.slice(0, 7);
  return week.length === 0 ? 0 : sum(week) / week.length;
}

export function reorderQuantity(p: StockPosition, reviewDays: number): number {
  const need = sum(p.forecast.slice(0, p.leadTimeDays + reviewDays)) + p.safetyStock;
  return Math.max(0, ceilUnits(need - p.available - p.inTransit - p.onOrder));
}

/** Units a warehouse can give away and still keep 2 × lead time of cover plus its safety stock. */
export function spareUnits(p: StockPosition): number {
  const keep = forecastDaily(p.forecast) * 2 * p.leadTimeDays + p.safetyStock;
  return Math.max(0, Math.floor(p.available - keep + 1e-9));
}

export function suggestReplenishment(
  positions: readonly StockPosition[],
  rules: SuggestionRules = { reviewDays: DEFAULT_REVIEW_DAYS, transferDays: DEFAULT_TRANSFER_DAYS },
): Suggestion[] {
  const spare = new Map(positions.map((p) => [`${p.sku}|${p.warehouse}`, spareUnits(p)]));
  const rows = positions.map((p) => {
    const daily = forecastDaily(p.forecast);
    const suggestion: Suggestion = {
      sku: p.sku,
      warehouse: p.warehouse,
      forecastDaily: round2(daily),
      daysOfCover: daily > 0 ? round2(p.available / daily) : null,
      reorderQuantity: reorderQuantity(p, rules.reviewDays),
    };
    return { p, suggestion };
  });
  const urgentFirst = rows
    .filter((r) => r.suggestion.reorderQuantity > 0 && rules.transferDays < r.p.leadTimeDays)
    .sort((a, b) => (a.suggestion.daysOfCover ?? Infinity) - (b.suggestion.daysOfCover ?? Infinity) || a.p.sku.localeCompare(b.p.sku) || a.p.warehouse.localeCompare(b.p.warehouse));
  for (const { p, suggestion } of urgentFirst) {
    const donors = positions
      .filter((d) => d.sku === p.sku && d.warehouse !== p.warehouse && (spare.get(`${d.sku}|${d.warehouse}`) ?? 0) > 0)
      .sort((a, b) => spare.get(`${b.sku}|${b.warehouse}`)! - spare.get(`${a.sku}|${a.warehouse}`)! || a.warehouse.localeCompare(b.warehouse));
    const donor = donors[0];
    if (!donor) continue;
    const key = `${donor.sku}|${donor.warehouse}`;
    const quantity = Math.min(spare.get(key)!, suggestion.reorderQuantity);
    spare.set(key, spare.get(key)! - quantity);
    suggestion.transferFrom = donor.warehouse;
    suggestion.transferQuantity = quantity;
  }
  return rows.map((r) => r.suggestion);
}
