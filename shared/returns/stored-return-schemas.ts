import { z } from 'zod';
import type { RefundBreakdown } from './refund-breakdown';

/**
 * The shapes a return keeps in its JSON columns (quote, settlement, photos, review reasons),
 * checked when a row is read. Server side only: the client gets these through the API's views.
 */

const fen = z.number().int();

export const refundLineSchema = z.object({
  orderItemId: z.number().int(),
  quantity: z.number().int(),
  listFen: z.number(),
  discountFen: z.number(),
  paidFen: fen,
});

export const refundBreakdownSchema: z.ZodType<RefundBreakdown> = z.object({
  lines: z.array(refundLineSchema),
  itemsFen: fen,
  shippingRefundFen: fen,
  returnShippingFeeFen: fen,
  cappedFen: fen,
  totalFen: fen,
});

export const storedPhotoIdsSchema = z.array(z.string());
export const storedReviewReasonsSchema = z.array(z.string());
