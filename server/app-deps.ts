import type { Kysely } from 'kysely';
import type { Config } from './config';
import type { Database } from './db/schema';
import type { TrackingBus } from './domain/tracking/tracking-bus';
import type { Logger } from './http/logger';
import type { AppMetrics } from './http/metrics';
import type { StreamSlots } from './http/stream-slots';
import type { PaymentProvider } from './domain/payments/payment-provider';
import type { SmsProvider } from './domain/notifications/sms-provider';

/** Everything the HTTP app needs from outside; tests build their own. */
export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  bus: TrackingBus;
  logger: Logger;
  /** Epoch ms; injectable so rules about time can be tested at their edges. */
  clock: () => number;
  /** Where refunds are paid (the simulated provider unless a real one is wired in). */
  payments: PaymentProvider;
  /** Where text messages to customers go (the simulated provider unless a real one is wired in). */
  sms: SmsProvider;
  /** Built client to serve (the `dist` folder); omitted when only the API is wanted. */
  clientDir?: string;
  /**
   * Open live-update streams, counted per client address; given by the server so it can end
   * them at shutdown. Without it the tracking routes keep their own, sized from config.
   */
  liveStreams?: StreamSlots;
  /**
   * This instance's Prometheus metrics, given by the server so its jobs and bus can report
   * into the same registry `GET /metrics` renders. Without it createApp makes its own.
   */
  metrics?: AppMetrics;
}
