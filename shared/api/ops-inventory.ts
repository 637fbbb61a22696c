import { z } from 'zod';
import { codeSchema, stockCountSchema, stockDocumentSchema, warehouseSchema } from './shop';

/**
 * The ops face's inventory (product document 4b, "Ops: inventory by warehouse, ledger,
 * receipts, counts, CSV in and out"): request and response shapes of `/api/ops/inventory…`,
 * `/api/ops/low-stock` and the CSV imports. Receipts, counts and transfers take the shop API's
 * own bodies (shared/api/shop.ts), so staff and the ERP are held to one contract.
 */

const name = z.object({ 'zh-CN': z.string(), en: z.string() });
const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const offset = z.coerce.number().int().min(0).max(1_000_000).default(0);
const units = z.number().int().min(0).max(1_000_000);

/** Every kind of line the stock ledger holds, in the order stock usually meets them. */
export const STOCK_LEDGER_KINDS = ['receipt', 'count_adjustment', 'transfer_out', 'transfer_in', 'reservation', 'release', 'shipment', 'return_restock'] as const;
export type StockLedgerKind = (typeof STOCK_LEDGER_KINDS)[number];

export const STOCK_DOCUMENT_KINDS = ['receipt', 'count', 'transfer'] as const;

export const inventoryQuerySchema = z.strictObject({
  warehouse: codeSchema.optional(),
  /** SKU or name (part of either), or a whole barcode. */
  q: z.string().trim().max(64).optional(),
  /** `1`: only the rows with an open low-stock alert. */
  low: z.enum(['0', '1']).optional(),
  limit: limit(500, 100),
  offset,
});
export type InventoryQuery = z.input<typeof inventoryQuerySchema>;

export const opsStockLevelSchema = z.object({
  sku: z.string(),
  name,
  category: z.string(),
  warehouse: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  safetyStock: z.number().int(),
  /** An open low-stock alert stands for this SKU here (available fell below safety stock). */
  low: z.boolean(),
});
export type OpsStockLevel = z.infer<typeof opsStockLevelSchema>;

export const inventorySchema = z.object({ warehouses: z.array(warehouseSchema), levels: z.array(opsStockLevelSchema), total: z.number().int() });
export type InventoryView = z.infer<typeof inventorySchema>;

export const safetyStockRequestSchema = z.strictObject({ warehouse: codeSchema, sku: codeSchema, safetyStock: units });
export type SafetyStockRequest = z.input<typeof safetyStockRequestSchema>;

export const stockLedgerQuerySchema = z.strictObject({
  sku: codeSchema.optional(),
  warehouse: codeSchema.optional(),
  kind: z.enum(STOCK_LEDGER_KINDS).optional(),
  limit: limit(200, 50),
  /** The id of the last entry already shown: the next page holds older ones. */
  before: z.coerce.number().int().min(1).optional(),
});
export type StockLedgerQuery = z.input<typeof stockLedgerQuerySchema>;

export const stockActorSchema = z.object({ type: z.string(), name: z.string().nullable() });

export const stockLedgerEntrySchema = z.object({
  id: z.number().int(),
  at: z.number().int(),
  warehouse: z.string(),
  sku: z.string(),
  name,
  kind: z.string(),
  onHandDelta: z.number().int(),
  reservedDelta: z.number().int(),
  onHandAfter: z.number().int(),
  reservedAfter: z.number().int(),
  reason: z.string().nullable(),
  documentNo: z.string().nullable(),
  orderNo: z.string().nullable(),
  actor: stockActorSchema,
});
export type StockLedgerEntry = z.infer<typeof stockLedgerEntrySchema>;
export const stockLedgerSchema = z.object({ entries: z.array(stockLedgerEntrySchema) });

export const stockDocumentListQuerySchema = z.strictObject({
  warehouse: codeSchema.optional(),
  kind: z.enum(STOCK_DOCUMENT_KINDS).optional(),
  limit: limit(200, 50),
  offset,
});
export type StockDocumentListQuery = z.input<typeof stockDocumentListQuerySchema>;

export const stockDocumentSummarySchema = z.object({
  documentNo: z.string(),
  kind: z.enum(STOCK_DOCUMENT_KINDS),
  warehouse: z.string(),
  toWarehouse: z.string().nullable(),
  note: z.string().nullable(),
  /** SKUs whose stock the document moved (a count line that found what the books said moves nothing). */
  lines: z.number().int(),
  /** Units received, counted up or down, or sent. */
  units: z.number().int(),
  createdAt: z.number().int(),
  actorName: z.string().nullable(),
});
export type StockDocumentSummary = z.infer<typeof stockDocumentSummarySchema>;
export const stockDocumentListSchema = z.object({ documents: z.array(stockDocumentSummarySchema) });
export { stockDocumentSchema };

export const lowStockAlertSchema = z.object({
  id: z.number().int(),
  sku: z.string(),
  name,
  warehouse: z.string(),
  available: z.number().int(),
  safetyStock: z.number().int(),
  openedAt: z.number().int(),
});
export type LowStockAlertView = z.infer<typeof lowStockAlertSchema>;
export const lowStockAlertListSchema = z.object({ alerts: z.array(lowStockAlertSchema) });

export const stockCsvQuerySchema = z.strictObject({ warehouse: codeSchema.optional() });
/** A count from a CSV file: the warehouse and the reason ride in the address, the lines in the file. */
export const countCsvQuerySchema = z.strictObject({ warehouse: codeSchema, reason: stockCountSchema.shape.reason });
