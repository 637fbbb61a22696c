import { refundBreakdown, type RefundBreakdown, type RefundInput } from '../../../shared/returns/refund-breakdown';
import type { InspectionLine } from './ops-inspection';

/**
 * The settlement these counts would give, before staff confirm them: the shared refund
 * arithmetic over the accepted units only (damaged and missing ones are not paid back), on the
 * basis the server settles from. Same function, same inputs, so the same fen the server stores.
 */
export function settlementPreview(basis: Omit<RefundInput, 'items'>, lines: readonly InspectionLine[]): RefundBreakdown {
  // Zero-unit lines are left out, as the server leaves them out: the breakdown lists only what is paid back.
  const items = lines.filter((line) => line.acceptedQuantity > 0).map((line) => ({ orderItemId: line.orderItemId, quantity: line.acceptedQuantity }));
  return refundBreakdown({ ...basis, items });
}
