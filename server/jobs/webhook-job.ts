import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { sendDueWebhooks } from '../domain/webhooks/webhook-sender';
import type { Logger } from '../http/logger';
import { startPeriodicJob, type PeriodicJob } from './periodic-job';

/**
 * Sends the webhook outbox every few seconds. One run at a time in a process; across
 * processes each delivery's claim keeps it to one sender.
 */
export function startWebhookSender(deps: { db: Kysely<Database>; clock: () => number; logger: Logger; allowPrivate: boolean }, intervalMs = 5_000): PeriodicJob {
  return startPeriodicJob(
    'Sending webhooks',
    intervalMs,
    async () => {
      const outcome = await sendDueWebhooks(deps.db, { allowPrivate: deps.allowPrivate }, deps.clock());
      if (outcome.failed > 0) deps.logger.error(`Webhooks: ${outcome.failed} delivery(ies) given up after their last try (status failed)`);
    },
    deps.logger,
  );
}
