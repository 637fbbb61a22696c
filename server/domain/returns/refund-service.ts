import type { Kysely, Selectable } from 'kysely';
import { AppError, conflict } from '../../app-error';
import { lockOrder } from '../../db/row-lock';
import type { Database, RefundTable } from '../../db/schema';
import { PaymentProviderError, type PaymentProvider } from '../payments/payment-provider';

/**
 * Paying a refund exactly once, in three steps that can each be repeated safely:
 *  1. claim it: insert the refund row (unique per return or claim) in the transaction that
 *     checks the return may be refunded — a second press finds the row and joins step 2;
 *  2. pay it: ask the provider with the row's idempotency key — a provider pays a key once;
 *  3. settle it: mark the row succeeded, guarded on `pending`, and move the return once.
 * A crash between steps leaves a pending row that the next press finishes.
 */

export type RefundRow = Selectable<RefundTable>;

export interface RefundClaim {
  orderId: number;
  orderNo: string;
  returnId: number | null;
  claimId: number | null;
  idempotencyKey: string;
  /** What should be paid before the order's cap. */
  wantedFen: number;
  requestedBy: number;
}

/** Step 1, inside the caller's transaction: the existing refund, or a new pending one capped at what is left. */
export async function claimRefund(trx: Kysely<Database>, claim: RefundClaim, now: number): Promise<RefundRow> {
  await lockOrder(trx, claim.orderId);
  const existing = await trx.selectFrom('refunds').selectAll().where('idempotency_key', '=', claim.idempotencyKey).executeTakeFirst();
  if (existing) return existing;
  const [order, refunded] = await Promise.all([
    trx.selectFrom('orders').select('paid_total_fen').where('id', '=', claim.orderId).executeTakeFirstOrThrow(),
    trx
      .selectFrom('refunds')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('fen'))
      .where('order_id', '=', claim.orderId)
      .executeTakeFirstOrThrow(),
  ]);
  const amountFen = Math.min(claim.wantedFen, order.paid_total_fen - Number(refunded.fen));
  if (amountFen <= 0) throw conflict('nothing_to_refund', 'Everything paid for this order has already been refunded');
  const inserted = await trx
    .insertInto('refunds')
    .values({
      order_id: claim.orderId,
      return_id: claim.returnId,
      claim_id: claim.claimId,
      idempotency_key: claim.idempotencyKey,
      amount_fen: amountFen,
      status: 'pending',
      provider: 'pending',
      provider_reference: null,
      requested_by: claim.requestedBy,
      created_at: now,
      completed_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  // Lost a race on PostgreSQL between the check and the insert: the winner's row is the refund.
  return inserted ?? (await trx.selectFrom('refunds').selectAll().where('idempotency_key', '=', claim.idempotencyKey).executeTakeFirstOrThrow());
}

/**
 * Steps 2 and 3. `onSettled` runs in the transaction that marks the refund succeeded, and only
 * for the caller that did so: the return or claim moves once however many presses got here.
 */
export async function payRefund(
  db: Kysely<Database>,
  payments: PaymentProvider,
  refund: RefundRow,
  orderNo: string,
  now: number,
  onSettled: (trx: Kysely<Database>, refund: RefundRow) => Promise<void>,
): Promise<void> {
  if (refund.status === 'succeeded') return;
  let receipt;
  try {
    receipt = await payments.refund({ idempotencyKey: refund.idempotency_key, orderNo, amountFen: refund.amount_fen });
  } catch (err) {
    if (err instanceof PaymentProviderError) {
      throw new AppError(503, 'payment_provider_failed', `The payment provider did not take the refund: ${err.message}. Nothing was paid; try again.`, 5);
    }
    throw err;
  }
  await db.transaction().execute(async (trx) => {
    const settled = await trx
      .updateTable('refunds')
      .set({ status: 'succeeded', provider: payments.name, provider_reference: receipt.reference, completed_at: now })
      .where('id', '=', refund.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (settled) await onSettled(trx, settled);
  });
}
