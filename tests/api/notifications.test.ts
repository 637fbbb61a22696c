import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import { enqueueOrderNotification } from '../../server/domain/notifications/notification-outbox';
import { sendDueNotifications } from '../../server/domain/notifications/notification-sender';
import { failNextSends, simulatedSmsProvider, type SimulatedSmsFaults } from '../../server/domain/notifications/simulated-sms-provider';
import type { SmsProvider } from '../../server/domain/notifications/sms-provider';
import { startNotificationSender } from '../../server/jobs/notification-job';
import { silentLogger } from '../../server/http/logger';
import { createOrder, type OrderFixture } from '../support/order-fixtures';
import { createTestDb } from '../support/test-db';

const T0 = Date.UTC(2026, 10, 21, 4, 0, 0);
const MINUTE = 60_000;

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Kysely<Database>;
let order: OrderFixture;

beforeEach(async () => {
  handle = await createTestDb();
  db = handle.db;
  order = await createOrder(db, { phone: '13812345678' });
});
afterEach(() => handle.dispose());

const confirm = (executor: Kysely<Database> = db, at = T0, amountFen = order.totalFen) =>
  enqueueOrderNotification(executor, { orderId: order.orderId, orderNo: order.orderNo, recipientPhone: order.phone, event: 'order_confirmed', params: { amountFen }, at });
const notifications = () => db.selectFrom('notifications').selectAll().orderBy('id').execute();
const simulatedMessages = () => db.selectFrom('simulated_sms_messages').selectAll().orderBy('id').execute();

/** The simulated gateway, counting the sends it was asked for (a provider's own dedupe would hide a second send). */
function countingSms(faults?: SimulatedSmsFaults): SmsProvider & { calls: string[] } {
  const inner = simulatedSmsProvider(db, () => T0, faults);
  const calls: string[] = [];
  return {
    name: inner.name,
    calls,
    send: async (message) => {
      calls.push(message.reference);
      return inner.send(message);
    },
  };
}

describe('enqueueOrderNotification', () => {
  it('queues one Chinese message, due at once, with the order page’s link', async () => {
    await confirm();
    const [row] = await notifications();
    expect(row).toMatchObject({
      dedupe_key: `order_confirmed:${order.orderNo}`,
      order_id: order.orderId,
      channel: 'sms',
      recipient: '13812345678',
      template: 'order_confirmed',
      params: JSON.stringify({ amountFen: order.totalFen }),
      body: `【Doorstep】您的订单 ${order.orderNo} 已付款 ¥357.00，仓库正在备货。查看订单：/o/${order.orderNo}`,
      status: 'pending',
      attempts: 0,
      next_attempt_at: T0,
      last_error: null,
      provider_reference: null,
      sent_at: null,
      created_at: T0,
    });
  });

  it('tells each event once, however often it is called: the first message stands', async () => {
    await confirm();
    await confirm(db, T0 + MINUTE, 1);
    await enqueueOrderNotification(db, { orderId: order.orderId, orderNo: order.orderNo, recipientPhone: order.phone, event: 'order_shipped', params: {}, at: T0 });
    const rows = await notifications();
    expect(rows.map((r) => r.dedupe_key)).toEqual([`order_confirmed:${order.orderNo}`, `order_shipped:${order.orderNo}`]);
    expect(rows[0]).toMatchObject({ next_attempt_at: T0, body: expect.stringContaining('¥357.00') });
  });

  it('writes in the caller’s transaction: rolled back with it, nothing is told', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await confirm(trx);
        throw new Error('the payment was not recorded after all');
      }),
    ).rejects.toThrow('not recorded');
    expect(await notifications()).toEqual([]);
  });
});

describe('sendDueNotifications', () => {
  it('sends a due message once, and marks it sent with the provider’s reference', async () => {
    await confirm();
    const sms = countingSms();
    expect(await sendDueNotifications(db, sms, T0)).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await sendDueNotifications(db, sms, T0 + MINUTE)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(sms.calls).toEqual([`order_confirmed:${order.orderNo}`]);

    const [message] = await simulatedMessages();
    expect(message).toMatchObject({ reference: `order_confirmed:${order.orderNo}`, recipient: '13812345678', body: expect.stringMatching(/^【Doorstep】/) });
    expect(await notifications()).toMatchObject([{ status: 'sent', attempts: 1, provider_reference: `SIMSMS-${message!.id}`, sent_at: T0, last_error: null }]);
  });

  it('leaves a message that is not due yet', async () => {
    await confirm(db, T0 + MINUTE);
    expect(await sendDueNotifications(db, countingSms(), T0)).toEqual({ sent: 0, failed: 0, retried: 0 });
  });

  it('sends each message once when two senders run at once', async () => {
    for (const event of ['order_confirmed', 'order_shipped', 'order_cancelled', 'order_refunded'] as const) {
      await enqueueOrderNotification(db, { orderId: order.orderId, orderNo: order.orderNo, recipientPhone: order.phone, event, params: {}, at: T0 });
    }
    const sms = countingSms();
    const [a, b] = await Promise.all([sendDueNotifications(db, sms, T0), sendDueNotifications(db, sms, T0)]);
    expect(a.sent + b.sent).toBe(4);
    expect(sms.calls.toSorted()).toEqual([...new Set(sms.calls)].toSorted());
    expect(sms.calls).toHaveLength(4);
    expect(await simulatedMessages()).toHaveLength(4);
  });

  it('retries a failing send with back-off, then gives up after six tries', async () => {
    await confirm();
    const sms = countingSms(failNextSends(6));
    let now = T0;
    for (const wait of [1, 5, 30, 120, 360]) {
      expect(await sendDueNotifications(db, sms, now)).toEqual({ sent: 0, failed: 0, retried: 1 });
      const [row] = await notifications();
      expect(row).toMatchObject({ status: 'pending', next_attempt_at: now + wait * MINUTE, last_error: 'simulated: Simulated SMS gateway unavailable' });
      // Not before its time.
      expect(await sendDueNotifications(db, sms, now + wait * MINUTE - 1)).toEqual({ sent: 0, failed: 0, retried: 0 });
      now += wait * MINUTE;
    }
    expect(await sendDueNotifications(db, sms, now)).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await notifications()).toMatchObject([{ status: 'failed', attempts: 6, sent_at: null, last_error: expect.stringContaining('unavailable') }]);
    expect(await sendDueNotifications(db, sms, now + 24 * 60 * MINUTE)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(sms.calls).toHaveLength(6);
    expect(await simulatedMessages()).toEqual([]);
  });

  it('sends on the next try after a gateway blip', async () => {
    await confirm();
    const sms = countingSms(failNextSends(1));
    expect(await sendDueNotifications(db, sms, T0)).toMatchObject({ retried: 1 });
    expect(await sendDueNotifications(db, sms, T0 + MINUTE)).toMatchObject({ sent: 1 });
    expect(await notifications()).toMatchObject([{ status: 'sent', attempts: 2, last_error: null }]);
  });

  it('sends nothing twice when the gateway’s answer was lost and the message is tried again', async () => {
    await confirm();
    const sms = countingSms(failNextSends(1, 'loseAnswer'));
    expect(await sendDueNotifications(db, sms, T0)).toMatchObject({ retried: 1 });
    expect(await simulatedMessages()).toHaveLength(1);

    expect(await sendDueNotifications(db, sms, T0 + MINUTE)).toMatchObject({ sent: 1 });
    const messages = await simulatedMessages();
    expect(messages).toHaveLength(1);
    expect(sms.calls).toHaveLength(2);
    expect(await notifications()).toMatchObject([{ status: 'sent', provider_reference: `SIMSMS-${messages[0]!.id}` }]);
  });

  it('takes a message back from a sender that died mid-send once its lease runs out', async () => {
    await confirm();
    // A sender claimed it and vanished: the claim counted the attempt and moved it two minutes on.
    await db.updateTable('notifications').set({ attempts: 1, next_attempt_at: T0 + 2 * MINUTE }).execute();
    expect(await sendDueNotifications(db, countingSms(), T0 + MINUTE)).toMatchObject({ sent: 0 });
    expect(await sendDueNotifications(db, countingSms(), T0 + 2 * MINUTE)).toMatchObject({ sent: 1 });
    expect(await notifications()).toMatchObject([{ status: 'sent', attempts: 2 }]);
  });
});

describe('startNotificationSender', () => {
  it('runs on demand one run at a time, and stops', async () => {
    await confirm();
    let inFlight = 0;
    let most = 0;
    const inner = countingSms();
    const sms: SmsProvider = {
      name: 'slow',
      send: async (message) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight--;
        return inner.send(message);
      },
    };
    const sender = startNotificationSender({ db, sms, clock: () => T0, logger: silentLogger, intervalMs: 60_000 });
    const [first, second] = await Promise.all([sender.runNow(), sender.runNow()]);
    expect([first.sent, second.sent]).toEqual([1, 0]);
    expect(most).toBe(1);
    await sender.stop();
    await expect(sender.runNow()).rejects.toThrow('stopped');
  });

  it('sends by itself on its timer', async () => {
    await confirm();
    const sender = startNotificationSender({ db, sms: countingSms(), clock: () => T0, logger: silentLogger, intervalMs: 10 });
    await expect.poll(async () => (await notifications())[0]!.status, { timeout: 5_000 }).toBe('sent');
    await sender.stop();
  });
});
