import { z } from 'zod';
import { deliveryInstructionsSchema } from './delivery-instructions';

/**
 * `POST /api/track/:trackingNo/attempt-choice`: the verified customer's choice after a failed
 * attempt (shared/tracking/attempt-choices.ts says which are on offer). The server validates
 * with these; the client imports only the types.
 */
export const attemptChoiceRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('redeliver'),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD'),
    /** New instructions for the next attempt, where the reason allows them. */
    instructions: deliveryInstructionsSchema.optional(),
  }),
  z.strictObject({ kind: z.literal('hold') }),
]);
export type AttemptChoiceRequest = z.input<typeof attemptChoiceRequestSchema>;

/** How a choice is stored with the parcel (shipments.attempt_choice). */
export const storedAttemptChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('redeliver'), day: z.string(), at: z.number() }),
  z.strictObject({ kind: z.literal('hold'), at: z.number() }),
]);
