import type { RefundView } from '../../../shared/api/return-views';
import { shopDate } from '../../../shared/time/shop-calendar';
import { addWorkingDays } from '../../../shared/time/working-days';

/**
 * When the money should be back with the customer: the provider's usual working days, counted
 * on the shop's calendar from the day it was paid. Null until it is paid (a pending refund has
 * no day to count from) or when the provider gave no estimate.
 */
export function refundArrivalDays(refund: RefundView, timeZone: string): { from: string; to: string } | null {
  if (refund.status !== 'succeeded' || refund.completedAt === null || refund.usualArrival === null) return null;
  const paidOn = shopDate(refund.completedAt, timeZone);
  return {
    from: addWorkingDays(paidOn, refund.usualArrival.minWorkingDays),
    to: addWorkingDays(paidOn, refund.usualArrival.maxWorkingDays),
  };
}
