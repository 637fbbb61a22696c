import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { PaymentProviderError, type ChargeOrder, type ChargeReceipt, type PaymentProvider, type RefundOrder, type RefundReceipt } from './payment-provider';

/** What Alipay and WeChat Pay say for a refund back the way it was paid: 1–3 working days. */
const SIMULATED_ARRIVAL = { minWorkingDays: 1, maxWorkingDays: 3 } as const;

/**
 * A stand-in payment provider that keeps its own ledger (simulated_provider_refunds), keyed by
 * idempotency key like a real one: the second request with a key pays nothing and gets the
 * first receipt; the same key with another amount is refused, as Stripe and Alipay do. Charges
 * (simulated_provider_charges) follow the same rule.
 */
export function simulatedPaymentProvider(db: Kysely<Database>, clock: () => number): PaymentProvider {
  const findPaid = (key: string) =>
    db.selectFrom('simulated_provider_refunds').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  const findCharged = (key: string) =>
    db.selectFrom('simulated_provider_charges').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  return {
    name: 'simulated',
    async charge(order: ChargeOrder): Promise<ChargeReceipt> {
      if (!Number.isInteger(order.amountFen) || order.amountFen <= 0) throw new PaymentProviderError('A charge must be a positive number of fen');
      await db
        .insertInto('simulated_provider_charges')
        .values({
          idempotency_key: order.idempotencyKey,
          reference: `SIMPAY-${randomUUID().slice(0, 18).toUpperCase()}`,
          order_no: order.orderNo,
          amount_fen: order.amountFen,
          created_at: clock(),
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
      const charged = await findCharged(order.idempotencyKey);
      if (!charged || charged.amount_fen !== order.amountFen || charged.order_no !== order.orderNo) {
        throw new PaymentProviderError(`Idempotency key ${order.idempotencyKey} was used for another charge`);
      }
      return { reference: charged.reference, amountFen: charged.amount_fen };
    },
    async refund(order: RefundOrder): Promise<RefundReceipt> {
      if (!Number.isInteger(order.amountFen) || order.amountFen <= 0) throw new PaymentProviderError('A refund must be a positive number of fen');
      await db
        .insertInto('simulated_provider_refunds')
        .values({
          idempotency_key: order.idempotencyKey,
          reference: `SIM-${randomUUID().slice(0, 18).toUpperCase()}`,
          order_no: order.orderNo,
          amount_fen: order.amountFen,
          created_at: clock(),
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
      const paid = await findPaid(order.idempotencyKey);
      if (!paid || paid.amount_fen !== order.amountFen || paid.order_no !== order.orderNo) {
        throw new PaymentProviderError(`Idempotency key ${order.idempotencyKey} was used for another refund`);
      }
      return { reference: paid.reference, amountFen: paid.amount_fen, usualArrival: SIMULATED_ARRIVAL };
    },
  };
}
