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

const units = z.number().int().min(1).max(1_000_000);
const sku = z.string().trim().min(1).max(64);
const warehouseCode = z.string().trim().min(1).max(64);

/** Accept a suggestion as units expected from the supplier (expectedAt: epoch ms; default now + lead time). */
export const receiptPlanRequestSchema = z.strictObject({ sku, warehouse: warehouseCode, quantity: units, expectedAt: z.number().int().min(0).optional() });
export type ReceiptPlanRequest = z.infer<typeof receiptPlanRequestSchema>;

/** Receive a plan through the receipt path; quantity defaults to what was planned. */
export const receiptPlanReceiveSchema = z.strictObject({ quantity: units.optional() });

/** Accept a suggestion as a transfer: out of `from` now, in transit until received at `to`. */
export const transferOrderRequestSchema = z
  .strictObject({ sku, from: warehouseCode, to: warehouseCode, quantity: units })
  .refine((t) => t.from !== t.to, { message: 'from and to must be different warehouses', path: ['to'] });
export type TransferOrderRequest = z.infer<typeof transferOrderRequestSchema>;

export const transferOrderQuerySchema = z.strictObject({ status: z.enum(['in_transit', 'received']).optional() });

export const receiptPlanViewSchema = z.object({
  planNo: z.string(),
  sku: z.string(),
  warehouse: z.string(),
  quantity: z.number().int(),
  expectedAt: z.number(),
  status: z.enum(['open', 'received']),
  createdAt: z.number(),
  receivedAt: z.number().nullable(),
  receivedQuantity: z.number().int().nullable(),
  receiptDocumentNo: z.string().nullable(),
});
export type ReceiptPlanView = z.infer<typeof receiptPlanViewSchema>;

export const transferOrderViewSchema = z.object({
  transferNo: z.string(),
  sku: z.string(),
  from: z.string(),
  to: z.string(),
  quantity: z.number().int(),
  status: z.enum(['in_transit', 'received']),
  dispatchedAt: z.number(),
  receivedAt: z.number().nullable(),
});
export type TransferOrderView = z.infer<typeof transferOrderViewSchema>;
