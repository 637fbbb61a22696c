import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { cancelOverdueOrders } from '../domain/order-lifecycle/order-cancel';
import type { PaymentProvider } from '../domain/payments/payment-provider';
import type { Logger } from '../http/logger';
import { startPeriodicJob, type PeriodicJob } from './periodic-job';

/**
 * Cancels orders whose time to pay has run out and releases their stock. Runs at start (so
 * deadlines that passed while the server was down are kept) and then every interval; each
 * cancellation's guard makes it exactly once across restarts and app instances.
 */
export function startPaymentDeadlines(deps: { db: Kysely<Database>; payments: PaymentProvider; clock: () => number; logger: Logger }, intervalMs = 15_000): PeriodicJob {
  const job = startPeriodicJob(
    'Cancelling unpaid orders',
    intervalMs,
    async () => {
      const cancelled = await cancelOverdueOrders(deps.db, deps.payments, deps.clock());
      if (cancelled > 0) deps.logger.info(`Cancelled ${cancelled} unpaid order(s) past their payment deadline; their stock is released.`);
    },
    deps.logger,
  );
  void job.runNow();
  return job;
}
