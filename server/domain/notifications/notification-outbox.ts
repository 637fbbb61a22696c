import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { orderNotificationBody, type OrderNotificationEvent, type OrderNotificationParams } from './order-notification-text';
import { insertNotificationOnce } from './notification-repository';

export type { OrderNotificationEvent, OrderNotificationParams } from './order-notification-text';

export interface OrderNotificationInput {
  orderId: number;
  orderNo: string;
  /** The order's recipient phone, as the order holds it. */
  recipientPhone: string;
  event: OrderNotificationEvent;
  params: OrderNotificationParams;
  /** When it became due (the caller's clock, epoch ms). */
  at: number;
}

/**
 * Queues an SMS to the customer about their order, in the caller's transaction, so the
 * message exists exactly when the change it tells of was committed; the sender
 * (notification-sender) delivers it afterwards, with retries. Each event is told once per
 * order however often this is called: the dedupe key `${event}:${orderNo}` is unique, and a
 * second call leaves the first row as it is.
 */
export async function enqueueOrderNotification(trx: Kysely<Database>, input: OrderNotificationInput): Promise<void> {
  await insertNotificationOnce(trx, {
    dedupeKey: `${input.event}:${input.orderNo}`,
    orderId: input.orderId,
    channel: 'sms',
    recipient: input.recipientPhone,
    template: input.event,
    params: input.params,
    body: orderNotificationBody(input.event, input.orderNo, input.params),
    at: input.at,
  });
}
