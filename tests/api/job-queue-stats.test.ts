import { afterEach, describe, expect, it } from 'vitest';
import { enqueueOrderNotification } from '../../server/domain/notifications/notification-outbox';
import { ORDER_NOTIFICATION_EVENTS } from '../../server/domain/notifications/order-notification-text';
import { jobQueueSnapshots } from '../../server/jobs/job-queue-stats';
import { createOrder } from '../support/order-fixtures';
import { createTestApp } from '../support/test-app';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
afterEach(() => t?.dispose());

const T0 = Date.UTC(2026, 10, 21, 4, 0, 0);
const byQueue = (snapshots: Awaited<ReturnType<typeof jobQueueSnapshots>>) => Object.fromEntries(snapshots.map((s) => [s.queue, s]));

describe('what the job queues hold, for /metrics', () => {
  it('reads empty queues as zero deep and zero old', async () => {
    t = await createTestApp();
    expect(byQueue(await jobQueueSnapshots(t.db, T0))).toEqual({
      notifications: { queue: 'notifications', depth: 0, oldestAgeSeconds: 0 },
      webhooks: { queue: 'webhooks', depth: 0, oldestAgeSeconds: 0 },
      payment_deadlines: { queue: 'payment_deadlines', depth: 0, oldestAgeSeconds: 0 },
    });
  });

  it('counts pending messages and ages them from when they fell due; overdue unpaid orders likewise', async () => {
    t = await createTestApp();
    const order = await createOrder(t.db);
    await enqueueOrderNotification(t.db, { orderId: order.orderId, orderNo: order.orderNo, recipientPhone: order.phone, event: ORDER_NOTIFICATION_EVENTS[0]!, params: {}, at: T0 - 90_000 });
    await enqueueOrderNotification(t.db, { orderId: order.orderId, orderNo: order.orderNo, recipientPhone: order.phone, event: ORDER_NOTIFICATION_EVENTS[1]!, params: {}, at: T0 - 30_000 });
    // One still waiting for payment inside its time, one past it by a minute.
    const waiting = await createOrder(t.db, { status: 'pending_payment' });
    const overdue = await createOrder(t.db, { status: 'pending_payment' });
    await t.db.updateTable('orders').set({ pay_by: T0 + 600_000 }).where('id', '=', waiting.orderId).execute();
    await t.db.updateTable('orders').set({ pay_by: T0 - 60_000 }).where('id', '=', overdue.orderId).execute();

    const queues = byQueue(await jobQueueSnapshots(t.db, T0));
    expect(queues.notifications).toEqual({ queue: 'notifications', depth: 2, oldestAgeSeconds: 90 });
    expect(queues.payment_deadlines).toEqual({ queue: 'payment_deadlines', depth: 1, oldestAgeSeconds: 60 });
    // A message not yet due (waiting its back-off) has not waited at all.
    expect(byQueue(await jobQueueSnapshots(t.db, T0 - 120_000)).notifications).toEqual({ queue: 'notifications', depth: 2, oldestAgeSeconds: 0 });
  });
});
