import { join } from 'node:path';
import { createApp } from '../../server/app';
import type { AppDeps } from '../../server/app-deps';
import { readConfig, type Config } from '../../server/config';
import { InProcessTrackingBus } from '../../server/domain/tracking/tracking-bus';
import { silentLogger } from '../../server/http/logger';
import { StreamSlots } from '../../server/http/stream-slots';
import { createTestDb } from './test-db';
import { simulatedPaymentProvider } from '../../server/domain/payments/simulated-payment-provider';
import { simulatedSmsProvider } from '../../server/domain/notifications/simulated-sms-provider';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...readConfig({}), logRequests: false, demo: false, trustProxy: true, ...overrides };
}

/**
 * createApp over a fresh SQLite file, with a clock the test can move; `fill` puts data in first
 * (the demo, say), with the clock starting at `now`.
 */
export async function createTestApp(
  overrides: Partial<Config> = {},
  setup: { now?: number; fill?: (handle: Awaited<ReturnType<typeof createTestDb>>) => Promise<unknown> } = {},
) {
  const handle = await createTestDb();
  let now = setup.now ?? Date.UTC(2026, 10, 21, 4, 0, 0);
  await setup.fill?.(handle);
  const config = testConfig({ uploadDir: join(handle.dir, 'uploads'), ...overrides });
  const deps: AppDeps = {
    db: handle.db,
    config,
    bus: new InProcessTrackingBus(),
    logger: silentLogger,
    clock: () => now,
    payments: simulatedPaymentProvider(handle.db, () => now),
    sms: simulatedSmsProvider(handle.db, () => now),
    liveStreams: new StreamSlots({ perAddress: config.liveStreamsPerAddress, total: config.liveStreamsTotal }),
  };
  const app = createApp(deps);
  return {
    app,
    deps,
    db: handle.db,
    setNow: (ms: number) => {
      now = ms;
    },
    now: () => now,
    dispose: handle.dispose,
  };
}

export const jsonHeaders = { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' };
