/**
 * Where text messages to customers go. A real gateway (Aliyun SMS, Tencent Cloud SMS) sits
 * behind this interface; the app ships a simulated one that records what it would have sent.
 *
 * The contract that makes "told once" hold across retries: a provider sends at most one
 * message per `reference`, and answers a repeated reference with the first message's own
 * reference, so a retry after an answer lost on the way back sends nothing twice.
 */
export interface SmsMessage {
  /** Our idempotency key: the notification's dedupe key. */
  reference: string;
  /** A mainland mobile number. */
  recipient: string;
  body: string;
}

export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ providerReference: string }>;
}

/** The provider refused for now or could not be reached: the message may go out on a later try. */
export class SmsProviderError extends Error {
  override name = 'SmsProviderError';
}
