import { z } from 'zod';

/**
 * `GET /api/ops/replenishment` (staff): per SKU and warehouse, the forecast and what to
 * reorder or move. The outside contract is {sku, warehouse, forecastDaily, daysOfCover,
 * reorderQuantity, transferFrom?}; the rest is for the ops page.
 */
export const replenishmentSuggestionSchema = z.object({
  sku: z.string(),
  /** The warehouse's code. */
  warehouse: z.string(),
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  /** Mean of the next seven days' forecast, units a day (2 decimals). */
  forecastDaily: z.number(),
  /** available ÷ forecastDaily; null when nothing is forecast (cover without end). */
  daysOfCover: z.number().nullable(),
  reorderQuantity: z.number().int(),
  /** A warehouse that can spare units sooner than the supplier, and how many. */
  transferFrom: z.string().optional(),
  transferQuantity: z.number().int().optional(),
  available: z.number().int(),
  inTransit: z.number().int(),
  onOrder: z.number().int(),
  safetyStock: z.number().int(),
  leadTimeDays: z.number().int(),
  /** 'holt-winters' (two weeks of history or more), 'ses' (less), 'zero' (nothing sold). */
  method: z.enum(['zero', 'ses', 'holt-winters']),
  /** Units a day over the last 56 full shop days, oldest first. */
  history: z.array(z.number()),
  /** The next 14 days from today. */
  forecast: z.array(z.number()),
});
export type ReplenishmentSuggestion = z.infer<typeof replenishmentSuggestionSchema>;

export const replenishmentResponseSchema = z.object({ suggestions: z.array(replenishmentSuggestionSchema) });
export type ReplenishmentResponse = z.infer<typeof replenishmentResponseSchema>;
