import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { claimDueNotifications, recordTryOutcome, type DueNotification, type TryOutcome } from './notification-repository';
import { retryDelayMs } from './notification-retry';
import type { SmsProvider } from './sms-provider';

/**
 * How long a claimed message stays out of other senders' reach while it is being sent. Far
 * longer than a gateway call takes; if the sender dies mid-send, the message is due again
 * after it, and the gateway's idempotency by reference keeps the retry from sending twice.
 */
export const SEND_LEASE_MS = 2 * 60_000;

export interface SendOutcome {
  /** Messages the provider took. */
  sent: number;
  /** Messages given up on after their last try. */
  failed: number;
  /** Messages that failed this try and wait for another. */
  retried: number;
}

/** Sends what is due: each message claimed first, so two senders never send one twice. */
export async function sendDueNotifications(db: Kysely<Database>, sms: SmsProvider, now: number, limit = 50): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: 0, failed: 0, retried: 0 };
  for (const due of await claimDueNotifications(db, now, limit, now + SEND_LEASE_MS)) {
    const tried = await tryToSend(sms, due, now);
    await recordTryOutcome(db, due.id, due.attempts + 1, tried);
    outcome[tried.kind === 'retry' ? 'retried' : tried.kind] += 1;
  }
  return outcome;
}

async function tryToSend(sms: SmsProvider, due: DueNotification, now: number): Promise<TryOutcome> {
  try {
    const { providerReference } = await sms.send({ reference: due.dedupeKey, recipient: due.recipient, body: due.body });
    return { kind: 'sent', providerReference, at: now };
  } catch (err) {
    // Any failure is worth another try: the gateway's idempotency makes a retry safe, and a
    // message that can never go stops after the last try anyway.
    const error = `${sms.name}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500);
    const delay = retryDelayMs(due.attempts + 1);
    return delay === null ? { kind: 'failed', error } : { kind: 'retry', nextAttemptAt: now + delay, error };
  }
}
