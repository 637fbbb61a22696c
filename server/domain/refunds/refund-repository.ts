import type { Kysely, Selectable } from 'kysely';
import type { Database, RefundTable } from '../../db/schema';

/** Money going back to a customer for a return or a claim: `pending` until the provider confirms. */
export interface Refund {
  id: number;
  orderId: number;
  returnId: number | null;
  claimId: number | null;
  idempotencyKey: string;
  amountFen: number;
  status: 'pending' | 'succeeded';
  provider: string;
  providerReference: string | null;
  requestedBy: number | null;
  createdAt: number;
  completedAt: number | null;
}

export function toRefund(row: Selectable<RefundTable>): Refund {
  return {
    id: row.id,
    orderId: row.order_id,
    returnId: row.return_id,
    claimId: row.claim_id,
    idempotencyKey: row.idempotency_key,
    amountFen: row.amount_fen,
    status: row.status === 'succeeded' ? 'succeeded' : 'pending',
    provider: row.provider,
    providerReference: row.provider_reference,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}

export async function findRefundByKey(db: Kysely<Database>, idempotencyKey: string): Promise<Refund | null> {
  const row = await db.selectFrom('refunds').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  return row ? toRefund(row) : null;
}

/** Everything refunded or being refunded for an order, in fen. */
export async function sumOrderRefunds(db: Kysely<Database>, orderId: number): Promise<number> {
  const row = await db
    .selectFrom('refunds')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('fen'))
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  return Number(row.fen);
}

/** Inserts a pending refund; null when another writer's row with the same key got there first. */
export async function insertPendingRefund(
  db: Kysely<Database>,
  refund: Pick<Refund, 'orderId' | 'returnId' | 'claimId' | 'idempotencyKey' | 'amountFen' | 'requestedBy' | 'createdAt'>,
): Promise<Refund | null> {
  const row = await db
    .insertInto('refunds')
    .values({
      order_id: refund.orderId,
      return_id: refund.returnId,
      claim_id: refund.claimId,
      idempotency_key: refund.idempotencyKey,
      amount_fen: refund.amountFen,
      status: 'pending',
      provider: 'pending',
      provider_reference: null,
      requested_by: refund.requestedBy,
      created_at: refund.createdAt,
      completed_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toRefund(row) : null;
}

/** Marks a pending refund paid; true only for the one writer that moved it. */
export async function markRefundSucceeded(
  db: Kysely<Database>,
  refundId: number,
  paid: { provider: string; reference: string; at: number; usualArrival: { minWorkingDays: number; maxWorkingDays: number } },
): Promise<boolean> {
  const result = await db
    .updateTable('refunds')
    .set({
      status: 'succeeded',
      provider: paid.provider,
      provider_reference: paid.reference,
      completed_at: paid.at,
      arrival_min_days: paid.usualArrival.minWorkingDays,
      arrival_max_days: paid.usualArrival.maxWorkingDays,
    })
    .where('id', '=', refundId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
