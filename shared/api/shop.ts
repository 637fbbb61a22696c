import { z } from 'zod';
import { CATEGORY_LABELS } from '../returns/return-policy';

/**
 * The shop API's request and response shapes (`/api/shop/…`, product document 4b). The server
 * validates with them and the OpenAPI document is generated from them, so the reference page
 * cannot drift from what the server accepts.
 */

const text = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\u0000-\u001f]*$/, 'must not contain control characters');
const count = z.number().int().min(1).max(1_000_000);
const fen = z.number().int().min(0).max(100_000_000_000);

export const PRODUCT_CATEGORIES = Object.keys(CATEGORY_LABELS) as [string, ...string[]];
/** SKU and warehouse codes: what an ERP writes in a URL without escaping. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const codeSchema = z.string().regex(CODE_PATTERN, 'letters, digits, dot, dash or underscore (up to 64)');

export const localizedNameSchema = z.strictObject({ 'zh-CN': text(120), en: text(120) });

export const addressSchema = z.strictObject({
  province: text(20),
  city: text(20),
  district: text(20),
  street: text(120),
});
export type ShopAddress = z.infer<typeof addressSchema>;

export const putWarehouseSchema = z.strictObject({
  name: localizedNameSchema,
  provinces: z.array(text(20)).max(40).default([]),
  address: addressSchema,
});
export type PutWarehouseRequest = z.input<typeof putWarehouseSchema>;

export const warehouseSchema = z.object({
  code: z.string(),
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  provinces: z.array(z.string()),
  address: addressSchema,
});
export type WarehouseView = z.infer<typeof warehouseSchema>;

export const putProductSchema = z.strictObject({
  name: localizedNameSchema,
  category: z.enum(PRODUCT_CATEGORIES),
  priceFen: fen.min(1),
  barcode: z.string().regex(/^[0-9A-Za-z-]{4,32}$/, '4 to 32 letters or digits').nullable().optional(),
  weightGrams: z.number().int().min(1).max(1_000_000).nullable().optional(),
});
export type PutProductRequest = z.input<typeof putProductSchema>;

export const productSchema = z.object({
  sku: z.string(),
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  category: z.string(),
  priceFen: z.number().int(),
  barcode: z.string().nullable(),
  weightGrams: z.number().int().nullable(),
});
export type ProductView = z.infer<typeof productSchema>;

const stockLinesSchema = z
  .array(z.strictObject({ sku: codeSchema, quantity: count }))
  .min(1)
  .max(500)
  .refine((lines) => new Set(lines.map((l) => l.sku)).size === lines.length, 'each SKU once');

export const stockReceiptSchema = z.strictObject({
  warehouse: codeSchema,
  lines: stockLinesSchema,
  note: text(200).optional(),
});
export type StockReceiptRequest = z.input<typeof stockReceiptSchema>;

/** A stock count: what is really on the shelf; the difference is booked with the reason. */
export const stockCountSchema = z.strictObject({
  warehouse: codeSchema,
  lines: z
    .array(z.strictObject({ sku: codeSchema, onHand: z.number().int().min(0).max(1_000_000), safetyStock: z.number().int().min(0).max(1_000_000).optional() }))
    .min(1)
    .max(5000),
  reason: text(200),
});
export type StockCountRequest = z.input<typeof stockCountSchema>;

export const stockTransferSchema = z
  .strictObject({ from: codeSchema, to: codeSchema, lines: stockLinesSchema, note: text(200).optional() })
  .refine((t) => t.from !== t.to, { message: 'a transfer goes to another warehouse', path: ['to'] });
export type StockTransferRequest = z.input<typeof stockTransferSchema>;

export const stockDocumentSchema = z.object({
  documentNo: z.string(),
  kind: z.enum(['receipt', 'count', 'transfer']),
  warehouse: z.string(),
  toWarehouse: z.string().nullable(),
  lines: z.array(z.object({ sku: z.string(), onHandDelta: z.number().int(), onHandAfter: z.number().int() })),
  createdAt: z.number().int(),
});
export type StockDocumentView = z.infer<typeof stockDocumentSchema>;

export const stockLevelSchema = z.object({
  warehouse: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  safetyStock: z.number().int(),
});
export const skuStockSchema = z.object({ sku: z.string(), warehouses: z.array(stockLevelSchema) });
export type SkuStockView = z.infer<typeof skuStockSchema>;

export const COUPON_KINDS = ['percentage', 'fixed', 'threshold'] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];

/**
 * A coupon: `percentage` takes percentOff % off the items; `fixed` takes amountOffFen off;
 * `threshold` (满减) takes amountOffFen off when the items reach thresholdFen. Any kind may
 * have a threshold, a window and caps.
 */
export const putCouponSchema = z
  .strictObject({
    kind: z.enum(COUPON_KINDS),
    percentOff: z.number().int().min(1).max(99).nullable().optional(),
    amountOffFen: fen.min(1).nullable().optional(),
    thresholdFen: fen.default(0),
    startsAt: z.number().int().min(0).nullable().optional(),
    endsAt: z.number().int().min(0).nullable().optional(),
    totalLimit: z.number().int().min(1).nullable().optional(),
    perCustomerLimit: z.number().int().min(1).nullable().optional(),
    active: z.boolean().default(true),
  })
  .refine((c) => (c.kind === 'percentage' ? c.percentOff != null : c.amountOffFen != null), {
    message: 'percentage coupons need percentOff; fixed and threshold coupons need amountOffFen',
  })
  .refine((c) => c.kind !== 'threshold' || c.thresholdFen > 0, { message: 'a threshold coupon needs thresholdFen', path: ['thresholdFen'] })
  .refine((c) => c.startsAt == null || c.endsAt == null || c.startsAt < c.endsAt, { message: 'startsAt must be before endsAt', path: ['endsAt'] });
export type PutCouponRequest = z.input<typeof putCouponSchema>;

export const couponSchema = z.object({
  code: z.string(),
  kind: z.enum(COUPON_KINDS),
  percentOff: z.number().int().nullable(),
  amountOffFen: z.number().int().nullable(),
  thresholdFen: z.number().int(),
  startsAt: z.number().int().nullable(),
  endsAt: z.number().int().nullable(),
  totalLimit: z.number().int().nullable(),
  perCustomerLimit: z.number().int().nullable(),
  usedCount: z.number().int(),
  active: z.boolean(),
});
export type CouponView = z.infer<typeof couponSchema>;

export const createOrderSchema = z.strictObject({
  customer: z.strictObject({
    name: text(40),
    phone: z.string().regex(/^1\d{10}$/, 'an 11-digit mainland mobile number'),
    address: addressSchema,
  }),
  lines: z
    .array(z.strictObject({ sku: codeSchema, quantity: z.number().int().min(1).max(999), priceFen: fen.min(1).optional() }))
    .min(1)
    .max(50)
    .refine((lines) => new Set(lines.map((l) => l.sku)).size === lines.length, 'each SKU once (add up the quantity)'),
  couponCodes: z.array(codeSchema).max(5).optional(),
  /** The shop's own order id, kept for its reconciliation. */
  shopReference: text(64).optional(),
});
export type CreateOrderRequest = z.input<typeof createOrderSchema>;

export const ORDER_STATUSES = ['pending_payment', 'paid', 'shipped', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const orderLineSchema = z.object({
  id: z.number().int(),
  sku: z.string(),
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  quantity: z.number().int(),
  unitPriceFen: z.number().int(),
  lineTotalFen: z.number().int(),
  warehouse: z.string().nullable(),
});

export const shopOrderSchema = z.object({
  orderNo: z.string(),
  status: z.enum(ORDER_STATUSES),
  itemsTotalFen: z.number().int(),
  discountFen: z.number().int(),
  shippingFen: z.number().int(),
  totalFen: z.number().int(),
  coupons: z.array(z.object({ code: z.string(), discountFen: z.number().int() })),
  payBy: z.number().int().nullable(),
  paidAt: z.number().int().nullable(),
  cancelledAt: z.number().int().nullable(),
  cancelReason: z.string().nullable(),
  refundedFen: z.number().int(),
  customer: z.object({ name: z.string(), phone: z.string(), address: addressSchema }),
  lines: z.array(orderLineSchema),
  shipments: z.array(z.object({ trackingNo: z.string(), status: z.string(), trackingUrl: z.string() })),
  createdAt: z.number().int(),
});
export type ShopOrderView = z.infer<typeof shopOrderSchema>;

export const cancelOrderSchema = z.strictObject({ reason: text(200).optional() });

/** The payment body of the simulated provider: nothing needed, the order says how much. */
export const payOrderSchema = z.strictObject({});
