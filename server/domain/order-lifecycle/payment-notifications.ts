import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { findOrderToPay, recordPayment, refundLatePayment, type PaymentOutcome } from './order-payment';
import type { PaymentProvider } from '../payments/payment-provider';

/** What a provider posts when a customer has paid (the shape of Alipay's and WeChat Pay's notify, simplified). */
export const paymentNotificationSchema = z.strictObject({
  notificationId: z.string().min(1).max(128),
  orderNo: z.string().min(1).max(64),
  status: z.literal('paid'),
  amountFen: z.number().int().positive(),
  reference: z.string().min(1).max(128),
  paidAt: z.number().int().positive(),
});
export type PaymentNotification = z.infer<typeof paymentNotificationSchema>;

export type NotificationOutcome = PaymentOutcome | 'unknown_order' | 'amount_mismatch';

/**
 * Applies a provider's notification once: the notification id is kept in the same transaction
 * as the payment, so a repeat (providers send until answered 200) finds it and changes
 * nothing. Outcomes other than applied are answered 200 too — the provider has told us, and
 * resending would not change them — and logged by the caller for staff.
 */
export async function applyPaymentNotification(
  db: Kysely<Database>,
  payments: PaymentProvider,
  notification: PaymentNotification,
  now: number,
): Promise<{ outcome: NotificationOutcome; repeated: boolean }> {
  const order = await findOrderToPay(db, notification.orderNo);
  const result = await db.transaction().execute(async (trx) => {
    // Taken first: a repeat arriving at the same moment waits here for this one to commit.
    const first = await trx
      .insertInto('payment_notifications')
      .values({ notification_id: notification.notificationId, provider: payments.name, order_no: notification.orderNo, outcome: 'received', received_at: now })
      .onConflict((oc) => oc.column('notification_id').doNothing())
      .returning('notification_id')
      .executeTakeFirst();
    if (!first) {
      const seen = await trx.selectFrom('payment_notifications').select('outcome').where('notification_id', '=', notification.notificationId).executeTakeFirstOrThrow();
      return { outcome: seen.outcome as NotificationOutcome, repeated: true };
    }
    let outcome: NotificationOutcome;
    if (!order) outcome = 'unknown_order';
    else if (notification.amountFen !== order.totalFen) outcome = 'amount_mismatch';
    else outcome = await recordPayment(trx, order, { reference: notification.reference, amountFen: notification.amountFen }, payments.name, notification.paidAt);
    await trx.updateTable('payment_notifications').set({ outcome }).where('notification_id', '=', notification.notificationId).execute();
    return { outcome, repeated: false };
  });
  if (result.outcome === 'order_cancelled' && order && !result.repeated) {
    await refundLatePayment(db, payments, order, { reference: notification.reference, amountFen: notification.amountFen }, now);
  }
  return result;
}
