import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { enqueueWebhookEvent } from '../../server/domain/webhooks/webhook-outbox';
import { sendDueWebhooks, type WebhookPoster } from '../../server/domain/webhooks/webhook-sender';
import { freePort } from '../support/free-port';
import { startPostgres } from '../support/postgres-server';

// The webhook outbox on the scale-out engine: two app instances (two pools) sending at once.
let pg: ReturnType<typeof startPostgres>;
let instanceA: DatabaseHandle;
let instanceB: DatabaseHandle;
const T0 = Date.UTC(2026, 11, 5, 4, 0, 0);

beforeAll(async () => {
  pg = startPostgres(await freePort());
  instanceA = createDb(pg.url);
  instanceB = createDb(pg.url);
  await migrateToLatest(instanceA.db);
}, 60_000);
afterAll(async () => {
  await instanceA?.close();
  await instanceB?.close();
  pg?.stop();
});

describe('the webhook outbox on PostgreSQL', () => {
  it('delivers every event to every subscriber exactly once when two instances send at the same time', async () => {
    for (const url of ['https://a.example.com/h', 'https://b.example.com/h']) {
      await instanceA.db.insertInto('webhook_endpoints').values({ url, events: '["stock.low","order.confirmed"]', secret: 'whsec_x', created_by: null, created_at: T0 }).execute();
    }
    for (let i = 0; i < 15; i++) {
      await instanceA.db.transaction().execute((trx) => enqueueWebhookEvent(trx, 'order.confirmed', { orderNo: `ODR${i}`, amountFen: 100, paidAt: T0 }, T0));
    }
    const posted: string[] = [];
    const post: WebhookPoster = async (url, _body, headers) => {
      posted.push(`${url} ${headers['doorstep-event-id']}`);
      // Yield so the other instance's claims interleave with this one's sends.
      await new Promise((resolve) => setImmediate(resolve));
      return { statusCode: 204, excerpt: '', error: null, durationMs: 1 };
    };
    let delivered = 0;
    for (let round = 0; round < 10; round++) {
      const outcomes = await Promise.all([sendDueWebhooks(instanceA.db, { allowPrivate: false, post }, T0, 7), sendDueWebhooks(instanceB.db, { allowPrivate: false, post }, T0, 7)]);
      delivered += outcomes.reduce((sum, o) => sum + o.delivered, 0);
    }
    expect(delivered).toBe(30);
    expect(posted).toHaveLength(30);
    expect(new Set(posted).size).toBe(30);
    const left = await instanceA.db.selectFrom('webhook_deliveries').select('id').where('status', '!=', 'delivered').execute();
    expect(left).toEqual([]);
    const attempts = await instanceA.db.selectFrom('webhook_attempts').select('id').execute();
    expect(attempts).toHaveLength(30);
  });
});
