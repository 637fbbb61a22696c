import { Hono } from 'hono';
import { z } from 'zod';
import { described } from '../http/api-description';
import type { AppDeps } from '../app-deps';
import { AppError, badRequest, unauthorized } from '../app-error';
import { checkNotificationSignature } from '../domain/payments/notification-signature';
import { applyPaymentNotification, paymentNotificationSchema } from '../domain/order-lifecycle/payment-notifications';

/**
 * `POST /api/payments/notify`: the provider's server tells us an order was paid. Signed with
 * the shared secret (Doorstep-Signature: t=…,v1=…) over the exact bytes sent, so the body is
 * read as text and checked before it is parsed. Answered 200 once applied or already known,
 * so the provider stops resending.
 */
export function paymentNotificationRoutes({ db, clock, config, payments, logger }: AppDeps) {
  return new Hono().post(
    '/notify',
    described({
      tag: 'Payments',
      summary: 'Payment notification (called by the payment provider)',
      description: 'Signed with the shared secret PAYMENT_NOTIFY_SECRET: header `Doorstep-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, within 5 minutes. Applied once per notificationId; a repeat gets the same answer with repeated: true. Not called with a shop API key.',
      body: paymentNotificationSchema,
      ok: { 200: [notificationAnswerSchema, 'Received (outcome: applied, already_paid, order_cancelled — then refunded —, unknown_order, amount_mismatch)'] },
      errors: { 400: 'invalid_json, invalid_request', 401: 'bad_signature', 503: 'notifications_not_configured' },
    }),
    async (c) => {
      const secret = config.paymentNotifySecret;
      if (!secret) throw new AppError(503, 'notifications_not_configured', 'Set PAYMENT_NOTIFY_SECRET to accept payment notifications');
      const body = await c.req.text();
      const check = checkNotificationSignature(c.req.header('doorstep-signature'), body, secret, clock());
      if (check !== 'ok') throw unauthorized('bad_signature', `The notification's signature is ${check}`);
      // Parsed from the text already read (Hono keeps it), so what is applied is what was signed.
      const json: unknown = await c.req.json().catch(() => {
        throw badRequest('invalid_json', 'The body is not JSON');
      });
      const parsed = paymentNotificationSchema.safeParse(json);
      if (!parsed.success) throw badRequest('invalid_request', parsed.error.issues[0]?.message ?? 'invalid notification');
      const result = await applyPaymentNotification(db, payments, parsed.data, clock());
      if (result.outcome === 'unknown_order' || result.outcome === 'amount_mismatch') {
        logger.error(`Payment notification ${parsed.data.notificationId} for ${parsed.data.orderNo} not applied: ${result.outcome}`);
      }
      return c.json({ received: true, ...result });
    },
  );
}

const notificationAnswerSchema = z.object({ received: z.literal(true), outcome: z.string(), repeated: z.boolean() });
