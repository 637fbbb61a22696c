import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhooks/webhook-events';

/** Webhook endpoints as staff manage them (`/api/ops/webhooks`). The secret travels once, in the answer to creation. */
export const WEBHOOK_URL_MAX = 500;

export const createWebhookRequestSchema = z.strictObject({
  url: z.string().trim().min(1).max(WEBHOOK_URL_MAX),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1)
    .refine((s) => new Set(s).size === s.length, 'each event once'),
  description: z
    .string()
    .trim()
    .max(100)
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters')
    .default(''),
});
export type CreateWebhookRequest = z.input<typeof createWebhookRequestSchema>;

export interface WebhookEndpointView {
  id: number;
  url: string;
  events: WebhookEventType[];
  description: string;
  active: boolean;
  createdAt: number;
  deactivatedAt: number | null;
}

export interface CreatedWebhookEndpoint extends WebhookEndpointView {
  /** `whsec_…`: the only time it is shown. */
  secret: string;
}

export interface WebhookDeliveryView {
  id: number;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: number | null;
  lastStatusCode: number | null;
  lastResponseExcerpt: string | null;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
}

export interface WebhookDeliveryList {
  deliveries: WebhookDeliveryView[];
}
