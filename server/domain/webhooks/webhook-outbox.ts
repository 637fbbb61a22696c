import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { WebhookEventType, WebhookPayloads } from '../../../shared/webhooks/webhook-events';
import type { Database } from '../../db/schema';
import { findActiveSubscriptions } from './webhook-endpoint-repository';

export type WebhookEvent = { [T in WebhookEventType]: { type: T; data: WebhookPayloads[T] } }[WebhookEventType];

/**
 * Queues an event for every active endpoint subscribed to its type, in the caller's
 * transaction, so the webhook exists exactly when the change it tells of was committed. One
 * event id for all endpoints and all retries. No subscriber: one small read, nothing written.
 */
export async function enqueueWebhookEvent<T extends WebhookEventType>(trx: Kysely<Database>, type: T, data: WebhookPayloads[T], now: number): Promise<void> {
  await enqueueWebhookEvents(trx, [{ type, data } as WebhookEvent], now);
}

/**
 * enqueueWebhookEvent for a batch (a courier's sync): the subscriptions are read once. The
 * events may be given as a function, called only when someone subscribes: a batch's hundred
 * payloads cost more than the read, and most shops have no endpoint.
 */
export async function enqueueWebhookEvents(
  trx: Kysely<Database>,
  events: readonly WebhookEvent[] | (() => readonly WebhookEvent[]),
  now: number,
): Promise<void> {
  if (Array.isArray(events) && events.length === 0) return;
  const endpoints = await findActiveSubscriptions(trx);
  if (endpoints.length === 0) return;
  for (const event of typeof events === 'function' ? events() : events) {
    const ids = endpoints.filter((e) => e.events.includes(event.type)).map((e) => e.id);
    if (ids.length > 0) await insertDeliveries(trx, ids, randomUUID(), event.type, event.data, now);
  }
}

/** The body every delivery carries (and is signed over). */
export function webhookBody(eventId: string, type: string, data: unknown, createdAt: number): string {
  return JSON.stringify({ id: eventId, type, createdAt, data });
}

export async function insertDeliveries(trx: Kysely<Database>, endpointIds: number[], eventId: string, type: string, data: unknown, now: number): Promise<void> {
  const payload = webhookBody(eventId, type, data, now);
  await trx
    .insertInto('webhook_deliveries')
    .values(endpointIds.map((endpointId) => ({ endpoint_id: endpointId, event_id: eventId, event_type: type, payload, status: 'pending' as const, next_attempt_at: now, created_at: now, updated_at: now })))
    .execute();
}
