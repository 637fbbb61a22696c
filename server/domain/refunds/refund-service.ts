import type { Kysely } from 'kysely';
import { AppError, conflict } from '../../app-error';
import { lockOrder } from '../../db/row-lock';
import type { Database } from '../../db/schema';
import { requireOrder } from '../orders/order-repository';
import { PaymentProviderError, type PaymentProvider, type RefundReceipt } from '../payments/payment-provider';
import { findRefundByKey, insertPendingRefund, markRefundSucceeded, sumOrderRefunds, type Refund } from './refund-repository';

/**
 * Paying a refund exactly once, for a return or a claim, in three steps that can each be
 * repeated safely:
 *  1. claim: insert the refund row (unique per idempotency key) in the caller's transaction
 *     that checks the return or claim may be refunded; a second press finds the row;
 *  2. pay: ask the provider with the row's key, outside any transaction (a provider call
 *     can take seconds and must not hold the order's lock; a provider pays a key once);
 *  3. settle: in a second transaction, mark the row succeeded guarded on `pending`; the one
 *     caller that settled moves the return or claim, in that same transaction.
 * The provider call between 1 and 3 is the one reason this takes two transactions. A crash
 * between steps leaves a pending row that the next press finishes.
 */

export interface RefundRequest {
  orderId: number;
  returnId: number | null;
  claimId: number | null;
  idempotencyKey: string;
  /** What should be paid before the order's cap. */
  wantedFen: number;
  requestedBy: number | null;
}

/** Step 1, inside the caller's transaction: the existing refund, or a new pending one capped at what is left of the order. */
export async function claimRefund(trx: Kysely<Database>, request: RefundRequest, now: number): Promise<Refund> {
  await lockOrder(trx, request.orderId);
  const existing = await findRefundByKey(trx, request.idempotencyKey);
  if (existing) return existing;
  const [order, refunded] = await Promise.all([requireOrder(trx, request.orderId), sumOrderRefunds(trx, request.orderId)]);
  const amountFen = Math.min(request.wantedFen, order.paidTotalFen - refunded);
  if (amountFen <= 0) throw conflict('nothing_to_refund', 'Everything paid for this order has already been refunded');
  const inserted = await insertPendingRefund(trx, { ...request, amountFen, createdAt: now });
  // Lost a race on PostgreSQL between the check and the insert: the winner's row is the refund.
  return inserted ?? (await findRefundByKey(trx, request.idempotencyKey))!;
}

/** Step 2: the provider pays the refund's key (at most once however often it is asked). */
export async function payRefund(payments: PaymentProvider, refund: Refund, orderNo: string): Promise<RefundReceipt> {
  try {
    return await payments.refund({ idempotencyKey: refund.idempotencyKey, orderNo, amountFen: refund.amountFen });
  } catch (err) {
    if (err instanceof PaymentProviderError) {
      throw new AppError(503, 'payment_provider_failed', `The payment provider did not take the refund: ${err.message}. Nothing was paid; try again.`, 5);
    }
    throw err;
  }
}

/** Step 3, inside the caller's second transaction: true for the one caller that settled it (and so moves the return or claim). */
export async function settleRefund(trx: Kysely<Database>, refund: Refund, receipt: RefundReceipt, provider: string, now: number): Promise<boolean> {
  if (refund.status === 'succeeded') return false;
  return markRefundSucceeded(trx, refund.id, { provider, reference: receipt.reference, at: now, usualArrival: receipt.usualArrival });
}
