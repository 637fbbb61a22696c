import type { CreateWebhookRequest, CreatedWebhookEndpoint, WebhookDeliveryList, WebhookEndpointView } from '../../shared/api/webhooks';
import { api } from './api-client';
import { okResponse } from './api-error';

/** The shop's webhook endpoints (staff only). The signing secret comes back once, from createWebhook. */

export async function listWebhooks(): Promise<{ endpoints: WebhookEndpointView[] }> {
  return (await okResponse(() => api.ops.webhooks.$get())).json();
}

export async function createWebhook(request: CreateWebhookRequest): Promise<CreatedWebhookEndpoint> {
  return (await okResponse(() => api.ops.webhooks.$post({ json: request }))).json();
}

export async function deactivateWebhook(id: number): Promise<WebhookEndpointView> {
  return (await okResponse(() => api.ops.webhooks[':id'].$delete({ param: { id: String(id) } }))).json();
}

export async function listWebhookDeliveries(id: number): Promise<WebhookDeliveryList> {
  return (await okResponse(() => api.ops.webhooks[':id'].deliveries.$get({ param: { id: String(id) } }))).json();
}

export async function testWebhook(id: number): Promise<void> {
  await okResponse(() => api.ops.webhooks[':id'].test.$post({ param: { id: String(id) } }));
}

export async function redeliverWebhook(id: number, deliveryId: number): Promise<void> {
  await okResponse(() => api.ops.webhooks[':id'].deliveries[':deliveryId'].redeliver.$post({ param: { id: String(id), deliveryId: String(deliveryId) } }));
}
