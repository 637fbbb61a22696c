import type { Generated } from 'kysely';

/** A shop endpoint that receives webhooks; `secret` signs every delivery (never shown after creation). */
export interface WebhookEndpointTable {
  id: Generated<number>;
  url: string;
  /** JSON WebhookEventType[]. */
  events: string;
  secret: string;
  description: Generated<string>;
  active: Generated<number>;
  created_by: number | null;
  created_at: number;
  deactivated_at: Generated<number | null>;
}

/** The outbox: one event for one endpoint, tried until delivered or given up. */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  endpoint_id: number;
  /** A uuid, the same on every try (Doorstep-Event-Id) so the receiver can drop repeats. */
  event_id: string;
  event_type: string;
  /** The JSON body as sent. */
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: number;
  last_status_code: Generated<number | null>;
  last_response_excerpt: Generated<string | null>;
  last_error: Generated<string | null>;
  created_at: number;
  updated_at: number;
  delivered_at: Generated<number | null>;
}

export interface WebhookAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  attempt: number;
  status_code: number | null;
  duration_ms: number;
  response_excerpt: string | null;
  error: string | null;
  attempted_at: number;
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
}
