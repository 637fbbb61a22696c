import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { sendDueNotifications, type SendOutcome } from '../domain/notifications/notification-sender';
import type { SmsProvider } from '../domain/notifications/sms-provider';
import type { Logger } from '../http/logger';

export interface NotificationSender {
  /** Sends what is due now (after any run in progress); resolves with what that run did. */
  runNow(): Promise<SendOutcome>;
  /** No more runs; resolves once the one in progress, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * Sends the notification outbox in the background, every `intervalMs`. Runs never overlap in
 * one process (the next is scheduled when one ends, and runNow waits its turn); across
 * processes the sender's claim keeps each message to one sender. The timer does not keep the
 * process alive: stopping the server is never held up by it.
 */
export function startNotificationSender(options: {
  db: Kysely<Database>;
  sms: SmsProvider;
  clock: () => number;
  logger: Logger;
  intervalMs?: number;
}): NotificationSender {
  const { db, sms, clock, logger, intervalMs = 5_000 } = options;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The end of the latest run asked for; each run starts after the one before it.
  let last: Promise<unknown> = Promise.resolve();

  const runNow = (): Promise<SendOutcome> => {
    if (stopped) return Promise.reject(new Error('The notification sender is stopped'));
    const run = last.then(async () => {
      const outcome = await sendDueNotifications(db, sms, clock());
      if (outcome.failed > 0) logger.error(`Notifications: ${outcome.failed} given up after their last try (status failed)`);
      return outcome;
    });
    last = run.catch(() => undefined);
    return run;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      runNow()
        .catch((err: unknown) => logger.error('Notifications: sending failed', err))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await last;
    },
  };
}
