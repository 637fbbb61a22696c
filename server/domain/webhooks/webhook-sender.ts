import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { signNotification } from '../payments/notification-signature';
import { claimDueDeliveries, recordAttempt, type DueDelivery } from './webhook-delivery-repository';
import { postWebhook, WEBHOOK_TIMEOUT_MS, type WebhookResponse } from './webhook-http';
import { webhookRetryDelayMs } from './webhook-retry';

/** Far longer than one request may take (its timeout), so a claimed delivery is never sent twice at once. */
export const WEBHOOK_LEASE_MS = WEBHOOK_TIMEOUT_MS + 60_000;

export interface WebhookSendOutcome {
  delivered: number;
  retried: number;
  failed: number;
}

export type WebhookPoster = (url: string, body: string, headers: Record<string, string>) => Promise<WebhookResponse>;

/** The headers a delivery carries; the signature is the payments notifications' form (t=…,v1=…). */
export function webhookHeaders(d: Pick<DueDelivery, 'eventId' | 'eventType' | 'payload' | 'secret'>, now: number): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Doorstep-Webhooks/1',
    'doorstep-signature': signNotification(d.secret, d.payload, Math.floor(now / 1000)),
    'doorstep-event-id': d.eventId,
    'doorstep-event-type': d.eventType,
  };
}

/** Sends what is due, each delivery claimed first so two senders never send one at once. */
export async function sendDueWebhooks(db: Kysely<Database>, options: { allowPrivate: boolean; post?: WebhookPoster }, now: number, limit = 50): Promise<WebhookSendOutcome> {
  const post: WebhookPoster = options.post ?? ((url, body, headers) => postWebhook(url, body, headers, { allowPrivate: options.allowPrivate }));
  const outcome: WebhookSendOutcome = { delivered: 0, retried: 0, failed: 0 };
  const claimed = await claimDueDeliveries(db, now, limit, now + WEBHOOK_LEASE_MS);
  // Endpoints answer in parallel: one slow shop does not hold up the rest of the queue.
  await Promise.all(
    claimed.map(async (d) => {
      const attempt = d.attempts + 1;
      const res = await post(d.url, d.payload, webhookHeaders(d, now));
      const ok = res.statusCode !== null && res.statusCode >= 200 && res.statusCode < 300;
      const delay = ok ? null : webhookRetryDelayMs(attempt);
      const next = ok ? { status: 'delivered' as const } : delay === null ? { status: 'failed' as const } : { status: 'pending' as const, nextAttemptAt: now + delay };
      await recordAttempt(db, d.id, { attempt, statusCode: res.statusCode, durationMs: res.durationMs, excerpt: res.excerpt, error: res.error, at: now, next });
      outcome[next.status === 'pending' ? 'retried' : next.status] += 1;
    }),
  );
  return outcome;
}
