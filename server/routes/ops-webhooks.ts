import { Hono } from 'hono';
import { createWebhookRequestSchema } from '../../shared/api/webhooks';
import type { AppDeps } from '../app-deps';
import { notFound } from '../app-error';
import { deactivateWebhook, listWebhookDeliveries, listWebhooks, queueWebhookPing, redeliverWebhook, registerWebhookEndpoint } from '../domain/webhooks/webhook-service';
import { jsonBody, requireJsonContent } from '../http/json-body';

const numericId = (raw: string, what: string): number => {
  const id = Number(raw);
  if (!/^\d{1,10}$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) throw notFound('webhook_not_found', `There is no ${what} ${raw.slice(0, 20)}`);
  return id;
};

/** Staff register, list and deactivate webhook endpoints and read their deliveries (behind the ops guard). */
export function opsWebhookRoutes({ db, clock, config }: AppDeps) {
  return new Hono()
    .get('/', async (c) => c.json(await listWebhooks(db)))
    .post('/', requireJsonContent, jsonBody(createWebhookRequestSchema), async (c) =>
      c.json(await registerWebhookEndpoint(db, c.req.valid('json'), { staffId: c.var.user.id, at: clock(), allowPrivate: config.webhookAllowPrivate }), 201),
    )
    .delete('/:id', async (c) => c.json(await deactivateWebhook(db, numericId(c.req.param('id'), 'webhook endpoint'), clock())))
    .get('/:id/deliveries', async (c) => c.json(await listWebhookDeliveries(db, numericId(c.req.param('id'), 'webhook endpoint'))))
    .post('/:id/test', async (c) => {
      await queueWebhookPing(db, numericId(c.req.param('id'), 'webhook endpoint'), clock());
      return c.json({ queued: true }, 202);
    })
    .post('/:id/deliveries/:deliveryId/redeliver', async (c) => {
      await redeliverWebhook(db, numericId(c.req.param('id'), 'webhook endpoint'), numericId(c.req.param('deliveryId'), 'delivery'), clock());
      return c.json({ queued: true }, 202);
    });
}
