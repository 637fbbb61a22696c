import { z } from 'zod';
import { ITEM_CONDITIONS, RETURN_REASON_CODES } from '../returns/return-reasons';

/**
 * Request bodies of the customer's return and claim endpoints. The server validates with these;
 * the client imports only their types (zod stays out of the customer's download).
 */

const text = (max: number) => z.string().trim().max(max).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, 'must not contain control characters');
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');

export const RETURN_METHODS = ['pickup', 'dropoff'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];
export const MAX_RETURN_PHOTOS = 6;

const returnRequestFields = {
  trackingNo: z.string().min(1).max(32),
  items: z
    .array(z.strictObject({ orderItemId: z.number().int().positive().max(2_147_483_647), quantity: z.number().int().min(1).max(999) }))
    .min(1)
    .max(50),
  reasonCode: z.enum(RETURN_REASON_CODES),
  /** The second-level reason; none for a no-reason return, and not needed for a quote (see return-details.ts). */
  reasonDetail: z.string().min(1).max(40).nullable().default(null),
  condition: z.enum(ITEM_CONDITIONS),
  method: z.enum(RETURN_METHODS),
  photoIds: z.array(uuid).max(MAX_RETURN_PHOTOS).default([]),
};

export const returnQuoteRequestSchema = z.strictObject(returnRequestFields);
export type ReturnQuoteRequest = z.input<typeof returnQuoteRequestSchema>;

export const createReturnRequestSchema = z.strictObject({
  ...returnRequestFields,
  /** Start of a slot offered in the return options; required for a pickup. */
  pickupSlotStart: z.number().int().positive().nullable().default(null),
  note: text(300).default(''),
});
export type CreateReturnRequest = z.input<typeof createReturnRequestSchema>;

export const CLAIM_KINDS = ['lost', 'not_received'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const createClaimRequestSchema = z.strictObject({
  trackingNo: z.string().min(1).max(32),
  kind: z.enum(CLAIM_KINDS),
  note: text(500).default(''),
});
export type CreateClaimRequest = z.input<typeof createClaimRequestSchema>;

export const reviewReturnRequestSchema = z
  .strictObject({ decision: z.enum(['approve', 'reject']), note: text(300).default('') })
  .refine((r) => r.decision === 'approve' || r.note.length > 0, { message: 'Say why the return is rejected', path: ['note'] });

export const receiveReturnRequestSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        orderItemId: z.number().int().positive().max(2_147_483_647),
        /** Units whose refund is paid. */
        acceptedQuantity: z.number().int().min(0).max(999),
        /** Units that came back damaged (recorded; they are refunded only if accepted). */
        damagedQuantity: z.number().int().min(0).max(999),
      }),
    )
    .min(1)
    .max(50),
  note: text(300).default(''),
  /**
   * Receiving a parcel Doorstep has not seen arrive (still in transit, or a drop-off nobody
   * scanned) needs staff to say why; the reason goes on the return's history.
   */
  override: z
    .strictObject({
      reason: z
        .string()
        .trim()
        .min(1, 'Say why the parcel is received before it arrived')
        .max(200)
        .regex(/^\P{Cc}*$/u, 'must not contain control characters'),
    })
    .optional(),
});
export type ReceiveReturnRequest = z.input<typeof receiveReturnRequestSchema>;

export const decideClaimRequestSchema = z
  .strictObject({ decision: z.enum(['refund', 'resend', 'reject']), note: text(300).default('') })
  .refine((r) => r.decision !== 'reject' || r.note.length > 0, { message: 'Say why the claim is rejected', path: ['note'] });

export const opsReturnListQuerySchema = z.strictObject({
  status: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/).optional(),
  reason: z.enum(RETURN_REASON_CODES).optional(),
  /** Return number, tracking number or order number. */
  q: z.string().trim().max(40).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
