import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createWebhookRequestSchema, type CreateWebhookRequest, type CreatedWebhookEndpoint, type WebhookDeliveryList, type WebhookEndpointView } from '../../../shared/api/webhooks';
import { WEBHOOK_PING } from '../../../shared/webhooks/webhook-events';
import { conflict, notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import { listEndpointDeliveries, requeueFailedDelivery } from './webhook-delivery-repository';
import { deactivateWebhookEndpoint, findWebhookEndpoint, insertWebhookEndpoint, listWebhookEndpoints, toWebhookEndpointView } from './webhook-endpoint-repository';
import { insertDeliveries } from './webhook-outbox';
import { checkWebhookUrl } from './webhook-url';

/** Registers an endpoint; the answer holds its signing secret, shown this once. */
export async function registerWebhookEndpoint(
  db: Kysely<Database>,
  request: CreateWebhookRequest,
  by: { staffId: number | null; at: number; allowPrivate: boolean },
): Promise<CreatedWebhookEndpoint> {
  const { url, events, description } = createWebhookRequestSchema.parse(request);
  const checked = checkWebhookUrl(url, by.allowPrivate);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const row = await insertWebhookEndpoint(db, { url: checked, events, secret, description, createdBy: by.staffId, createdAt: by.at });
  return { ...toWebhookEndpointView(row), secret };
}

export async function listWebhooks(db: Kysely<Database>): Promise<{ endpoints: WebhookEndpointView[] }> {
  return { endpoints: await listWebhookEndpoints(db) };
}

async function requireEndpoint(db: Kysely<Database>, id: number) {
  const row = await findWebhookEndpoint(db, id);
  if (!row) throw notFound('webhook_not_found', `There is no webhook endpoint ${id}`);
  return row;
}

export async function listWebhookDeliveries(db: Kysely<Database>, id: number): Promise<WebhookDeliveryList> {
  await requireEndpoint(db, id);
  return { deliveries: await listEndpointDeliveries(db, id) };
}

/** No more events for it; what was queued waits (and is not sent) rather than being lost. */
export async function deactivateWebhook(db: Kysely<Database>, id: number, now: number): Promise<WebhookEndpointView> {
  await requireEndpoint(db, id);
  await deactivateWebhookEndpoint(db, id, now);
  return toWebhookEndpointView(await requireEndpoint(db, id));
}

/** Queues a `ping` to this endpoint alone, so staff can see their receiver answer. */
export async function queueWebhookPing(db: Kysely<Database>, id: number, now: number): Promise<void> {
  const row = await requireEndpoint(db, id);
  if (row.active !== 1) throw conflict('webhook_inactive', 'This endpoint is deactivated');
  await insertDeliveries(db, [id], randomUUID(), WEBHOOK_PING, { endpointId: id }, now);
}

/** A failed delivery sent again (same event id, so the receiver can still drop a repeat). */
export async function redeliverWebhook(db: Kysely<Database>, id: number, deliveryId: number, now: number): Promise<void> {
  await requireEndpoint(db, id);
  if (!(await requeueFailedDelivery(db, id, deliveryId, now))) throw conflict('delivery_not_failed', 'Only a failed delivery of this endpoint can be sent again');
}
