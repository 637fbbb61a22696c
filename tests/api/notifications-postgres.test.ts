import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { enqueueOrderNotification } from '../../server/domain/notifications/notification-outbox';
import { ORDER_NOTIFICATION_EVENTS } from '../../server/domain/notifications/order-notification-text';
import { sendDueNotifications } from '../../server/domain/notifications/notification-sender';
import { simulatedSmsProvider } from '../../server/domain/notifications/simulated-sms-provider';
import type { SmsProvider } from '../../server/domain/notifications/sms-provider';
import { freePort } from '../support/free-port';
import { createOrder } from '../support/order-fixtures';
import { startPostgres } from '../support/postgres-server';

// The outbox on the scale-out engine: two app instances (two connection pools) sending at once.
let pg: ReturnType<typeof startPostgres>;
let instanceA: DatabaseHandle;
let instanceB: DatabaseHandle;
const T0 = Date.UTC(2026, 10, 21, 4, 0, 0);

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

describe('the notification outbox on PostgreSQL', () => {
  it('sends every message exactly once when two instances send at the same time', async () => {
    const calls: string[] = [];
    const countingSms = (handle: DatabaseHandle): SmsProvider => {
      const inner = simulatedSmsProvider(handle.db, () => T0);
      return { name: inner.name, send: async (message) => (calls.push(message.reference), inner.send(message)) };
    };
    for (let i = 0; i < 10; i++) {
      const order = await createOrder(instanceA.db);
      for (const event of ORDER_NOTIFICATION_EVENTS) {
        await enqueueOrderNotification(instanceA.db, { orderId: order.orderId, orderNo: order.orderNo, recipientPhone: order.phone, event, params: {}, at: T0 });
      }
    }
    // Small batches, several rounds: the two instances keep reading the same due rows.
    const smsA = countingSms(instanceA);
    const smsB = countingSms(instanceB);
    let sent = 0;
    for (let round = 0; round < 10; round++) {
      const outcomes = await Promise.all([sendDueNotifications(instanceA.db, smsA, T0, 7), sendDueNotifications(instanceB.db, smsB, T0, 7)]);
      sent += outcomes.reduce((sum, o) => sum + o.sent, 0);
    }
    expect(sent).toBe(40);
    expect(calls).toHaveLength(40);
    expect(new Set(calls).size).toBe(40);
    const left = await instanceA.db.selectFrom('notifications').select('id').where('status', '!=', 'sent').execute();
    expect(left).toEqual([]);
  });
});
