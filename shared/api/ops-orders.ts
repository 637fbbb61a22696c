import { z } from 'zod';
import { cancelOrderSchema, ORDER_STATUSES, shopOrderSchema } from './shop';
import { stockLedgerEntrySchema } from './ops-inventory';

/** The ops face's orders (product document 4b, "Ops: orders (search, detail, cancel)"). */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD');

export const opsOrderListQuerySchema = z.strictObject({
  /** The start of an order number, a whole phone number, or (part of) the customer's name. */
  q: z.string().trim().max(40).optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  /** Shop days (the shop's time zone), both included. */
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type OpsOrderListQuery = z.input<typeof opsOrderListQuerySchema>;

export const opsOrderSummarySchema = z.object({
  orderNo: z.string(),
  status: z.enum(ORDER_STATUSES),
  customerName: z.string(),
  phoneMasked: z.string(),
  totalFen: z.number().int(),
  createdAt: z.number().int(),
  paidAt: z.number().int().nullable(),
  payBy: z.number().int().nullable(),
  /** Where the lines ship from (codes), in code order. */
  warehouses: z.array(z.string()),
  units: z.number().int(),
});
export type OpsOrderSummary = z.infer<typeof opsOrderSummarySchema>;
export const opsOrderListSchema = z.object({ orders: z.array(opsOrderSummarySchema), total: z.number().int() });
export type OpsOrderList = z.infer<typeof opsOrderListSchema>;

export const orderPaymentSchema = z.object({ provider: z.string(), reference: z.string(), amountFen: z.number().int(), paidAt: z.number().int() });
export const orderRefundSchema = z.object({ amountFen: z.number().int(), status: z.string(), createdAt: z.number().int(), completedAt: z.number().int().nullable() });
export const orderNotificationSchema = z.object({
  template: z.string(),
  channel: z.string(),
  /** Masked: the page is read over shoulders; the order above has the number for a call. */
  recipient: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  body: z.string(),
  sentAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  lastError: z.string().nullable(),
});
export type OrderNotificationView = z.infer<typeof orderNotificationSchema>;

export const opsOrderDetailSchema = z.object({
  order: shopOrderSchema,
  ledger: z.array(stockLedgerEntrySchema),
  payments: z.array(orderPaymentSchema),
  refunds: z.array(orderRefundSchema),
  notifications: z.array(orderNotificationSchema),
});
export type OpsOrderDetail = z.infer<typeof opsOrderDetailSchema>;

/** Staff say why, always: the reason is kept on the order and on each released stock line. */
export const opsCancelOrderSchema = z.strictObject({ reason: cancelOrderSchema.shape.reason.unwrap() });
export type OpsCancelOrderRequest = z.input<typeof opsCancelOrderSchema>;
