import { z } from 'zod';
import { ORDER_STATUSES } from './shop';

/**
 * The customer's order page (`/api/orders/:orderNo`, product document 4b). Without proof the
 * answer holds nothing personal: the status and when it was ordered. With a session verified
 * by the recipient phone's last 4 digits (on this page or on a parcel of the order) it holds
 * the lines, the paid-price breakdown, the masked recipient and the shipments.
 */

/** Order numbers as the server makes them: letters and digits, safe in a URL and a cookie name. */
export const ORDER_NO_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

const fen = z.number().int();
const epochMs = z.number().int();

export const publicCustomerOrderSchema = z.object({
  orderNo: z.string(),
  status: z.enum(ORDER_STATUSES),
  createdAt: epochMs,
  verified: z.literal(false),
});
export type PublicCustomerOrder = z.infer<typeof publicCustomerOrderSchema>;

export const customerOrderLineSchema = z.object({
  sku: z.string(),
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  quantity: z.number().int(),
  unitPriceFen: fen,
  lineTotalFen: fen,
});
export type CustomerOrderLine = z.infer<typeof customerOrderLineSchema>;

export const customerOrderShipmentSchema = z.object({
  trackingNo: z.string(),
  /** One of the nine tracking statuses (shared/tracking/statuses.ts). */
  status: z.string(),
  subStatus: z.string().optional(),
  promisedBy: epochMs.nullable(),
  deliveredAt: epochMs.nullable(),
});
export type CustomerOrderShipment = z.infer<typeof customerOrderShipmentSchema>;

export const verifiedCustomerOrderSchema = z.object({
  orderNo: z.string(),
  status: z.enum(ORDER_STATUSES),
  verified: z.literal(true),
  createdAt: epochMs,
  /** The payment deadline while waiting to be paid; null for orders without one. */
  payBy: epochMs.nullable(),
  paidAt: epochMs.nullable(),
  cancelledAt: epochMs.nullable(),
  cancelReason: z.string().nullable(),
  /** Masked as the parcel's verified view masks them: 张*, 138****1234, the street without numbers. */
  recipient: z.object({
    name: z.string(),
    phone: z.string(),
    address: z.object({ province: z.string(), city: z.string(), district: z.string(), street: z.string() }),
  }),
  lines: z.array(customerOrderLineSchema),
  breakdown: z.object({
    itemsTotalFen: fen,
    coupons: z.array(z.object({ code: z.string(), discountFen: fen })),
    /** Every discount on the order, the coupons' included. */
    discountFen: fen,
    shippingFen: fen,
    /** What the customer pays or paid: items − discount + shipping. */
    totalFen: fen,
    /** Paid back so far (refunds the payment provider confirmed). */
    refundedFen: fen,
  }),
  shipments: z.array(customerOrderShipmentSchema),
  /** When this verification ends (epoch ms). */
  verifiedUntil: epochMs,
});
export type VerifiedCustomerOrder = z.infer<typeof verifiedCustomerOrderSchema>;

export const customerOrderViewSchema = z.discriminatedUnion('verified', [publicCustomerOrderSchema, verifiedCustomerOrderSchema]);
export type CustomerOrderView = z.infer<typeof customerOrderViewSchema>;
