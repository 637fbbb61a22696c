import type { Kysely } from 'kysely';
import type { AppDeps } from '../../server/app-deps';
import type { Config } from '../../server/config';
import type { Database } from '../../server/db/schema';
import { simulatedSmsProvider } from '../../server/domain/notifications/simulated-sms-provider';
import { simulatedPaymentProvider } from '../../server/domain/payments/simulated-payment-provider';
import { InProcessTrackingBus } from '../../server/domain/tracking/tracking-bus';
import { silentLogger } from '../../server/http/logger';
import { testConfig } from './test-app';

/** Everything createApp needs over a database the test opened (PostgreSQL, say), with the simulated providers. */
export function testDeps(db: Kysely<Database>, clock: () => number, config: Partial<Config> = {}): AppDeps {
  return { db, config: testConfig(config), bus: new InProcessTrackingBus(), logger: silentLogger, clock, payments: simulatedPaymentProvider(db, clock), sms: simulatedSmsProvider(db, clock) };
}
