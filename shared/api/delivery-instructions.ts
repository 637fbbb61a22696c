import { z } from 'zod';
import { DELIVERY_OPTIONS, type DeliveryInstructions } from '../courier/manifest';

/** What a verified customer tells the courier before they arrive; shown on the courier's stop. */
export const deliveryInstructionsSchema = z.strictObject({
  option: z.enum(DELIVERY_OPTIONS).nullable(),
  note: z
    .string()
    .trim()
    .max(200)
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, 'must not contain control characters')
    .nullable(),
});

/** Instructions as kept: nothing said is none, an empty note is no note. */
export function keptInstructions(instructions: DeliveryInstructions): DeliveryInstructions | null {
  return !instructions.option && !instructions.note ? null : { option: instructions.option, note: instructions.note || null };
}
