import { z } from 'zod';

export const loginRequestSchema = z.strictObject({
  /** A courier's mainland mobile number or a staff member's email. */
  login: z.string().trim().min(3).max(100),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;
