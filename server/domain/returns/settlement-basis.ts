import type { Kysely } from 'kysely';
import type { RefundInput } from '../../../shared/returns/refund-breakdown';
import { findReturnReason } from '../../../shared/returns/return-reasons';
import { conflict } from '../../app-error';
import type { Database } from '../../db/schema';
import { loadOrderReturnContext } from './order-return-context';
import type { ReturnRequest } from './return-repository';

/**
 * Everything the settlement of a return is computed from except the accepted quantities: the
 * order's money, the units earlier returns took, who is at fault, the method, today's
 * return-shipping fee and what the order has refunded. Staff's inspection form adds the counts
 * and runs the shared refundBreakdown on it, so the refund it previews while they count is, to
 * the fen, the one receiveReturn settles (it reads the same sources; tests hold the two together).
 */
export type SettlementBasis = Omit<RefundInput, 'items'>;

export async function loadSettlementBasis(db: Kysely<Database>, ret: ReturnRequest): Promise<SettlementBasis> {
  if (ret.status !== 'picked_up' && ret.status !== 'awaiting_dropoff') {
    throw conflict('not_awaiting_receipt', `Return ${ret.returnNo} is ${ret.status}; only a return on its way back is settled`);
  }
  // Units are priced after the earlier returns' (returnsBefore); any other return past
  // cancelling, earlier or later, counts towards emptying the order (excludeReturnId).
  const ctx = await loadOrderReturnContext(db, ret.orderId, { returnsBefore: ret.id, excludeReturnId: ret.id });
  return {
    order: {
      lines: ctx.lines.map((l) => ({ orderItemId: l.orderItemId, quantity: l.quantity, unitPriceFen: l.unitPriceFen })),
      shippingFen: ctx.shippingFen,
      paidTotalFen: ctx.paidTotalFen,
    },
    alreadyReturned: [...ctx.alreadyReturned].map(([orderItemId, quantity]) => ({ orderItemId, quantity })),
    returnedForGood: [...ctx.returnedForGood].map(([orderItemId, quantity]) => ({ orderItemId, quantity })),
    sellerFault: findReturnReason(ret.reasonCode)!.sellerFault,
    method: ret.method,
    // The fee the customer was quoted, not today's: a changed policy applies to the next request.
    returnShippingFeeFen: ret.quote.returnShippingFeeFen,
    alreadyRefundedFen: ctx.alreadyRefundedFen,
  };
}
