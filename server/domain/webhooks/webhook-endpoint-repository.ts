import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { WebhookEndpointView } from '../../../shared/api/webhooks';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../shared/webhooks/webhook-events';
import { parseJsonColumn } from '../../db/json-column';
import { reusableQuery } from '../../db/reusable-query';
import type { Database } from '../../db/schema';
import type { WebhookEndpointTable } from '../../db/schema-webhooks';

const storedEvents = z.array(z.enum(WEBHOOK_EVENT_TYPES));

export function toWebhookEndpointView(row: Selectable<WebhookEndpointTable>): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    events: parseJsonColumn(storedEvents, row.events, `webhook_endpoints.events of ${row.id}`),
    description: row.description,
    active: row.active === 1,
    createdAt: row.created_at,
    deactivatedAt: row.deactivated_at,
  };
}

export async function insertWebhookEndpoint(
  db: Kysely<Database>,
  e: { url: string; events: readonly string[]; secret: string; description: string; createdBy: number | null; createdAt: number },
): Promise<Selectable<WebhookEndpointTable>> {
  return db
    .insertInto('webhook_endpoints')
    .values({ url: e.url, events: JSON.stringify(e.events), secret: e.secret, description: e.description, created_by: e.createdBy, created_at: e.createdAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listWebhookEndpoints(db: Kysely<Database>): Promise<WebhookEndpointView[]> {
  const rows = await db.selectFrom('webhook_endpoints').selectAll().orderBy('id', 'desc').execute();
  return rows.map(toWebhookEndpointView);
}

export async function findWebhookEndpoint(db: Kysely<Database>, id: number): Promise<Selectable<WebhookEndpointTable> | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

const selectActiveSubscriptions = reusableQuery<{ id: number; events: string }, []>(0, (db) =>
  db.selectFrom('webhook_endpoints').select(['id', 'events']).where('active', '=', 1),
);

/** Active endpoints with their subscriptions: a tiny table, read once per enqueue (compiled once: it is on every write path). */
export async function findActiveSubscriptions(db: Kysely<Database>): Promise<Array<{ id: number; events: WebhookEventType[] }>> {
  const { rows } = await selectActiveSubscriptions(db);
  return rows.map((r) => ({ id: r.id, events: parseJsonColumn(storedEvents, r.events, `webhook_endpoints.events of ${r.id}`) }));
}

export async function deactivateWebhookEndpoint(db: Kysely<Database>, id: number, at: number): Promise<void> {
  await db.updateTable('webhook_endpoints').set({ active: 0, deactivated_at: at }).where('id', '=', id).where('active', '=', 1).execute();
}
