import { z } from 'zod';
import { PHONE_LAST4_PATTERN } from '../tracking/phone';

export const verifyRequestSchema = z.strictObject({
  phoneLast4: z.string().regex(PHONE_LAST4_PATTERN, 'must be exactly 4 digits'),
});

export type VerifyRequest = z.infer<typeof verifyRequestSchema>;
