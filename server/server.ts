import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { AppDeps } from './app-deps';
import { createApp } from './app';
import { simulatedPaymentProvider } from './domain/payments/simulated-payment-provider';
import type { Config } from './config';
import { createDb, type DatabaseHandle } from './db/create-db';
import { migrateToLatest } from './db/migrate';
import { seedDemoIfEmpty, type SeedDemoResult } from './demo/seed-demo';
import { TrackingBus } from './domain/tracking/tracking-bus';
import type { Logger } from './http/logger';

export interface RunningServer {
  url: string;
  port: number;
  deps: AppDeps;
  handle: DatabaseHandle;
  demo: SeedDemoResult | null;
  close(): Promise<void>;
}

/**
 * Opens the database, migrates it, fills an empty one with demo data when demo mode is on,
 * and serves API + built client. Used by the process entry and by the browser tests, so
 * both run exactly the same server.
 */
export async function startServer(
  config: Config,
  options: { logger: Logger; clientDir?: string; clock?: () => number },
): Promise<RunningServer> {
  const handle = createDb(config.databaseUrl);
  await migrateToLatest(handle.db);
  const clock = options.clock ?? Date.now;
  const demo = config.demo ? await seedDemoIfEmpty(handle, { now: clock(), afterSales: { uploadDir: config.uploadDir, timeZone: config.shopTimeZone } }) : null;
  const deps: AppDeps = {
    db: handle.db,
    config,
    bus: new TrackingBus(),
    logger: options.logger,
    clock,
    payments: simulatedPaymentProvider(handle.db, clock),
    clientDir: options.clientDir,
  };
  const app = createApp(deps);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    // A port in use or an address not on this machine arrives as an event, not a throw.
    s.once('error', reject);
  }).catch(async (err: unknown) => {
    await handle.close();
    throw err;
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    deps,
    handle,
    demo,
    close: async () => {
      // Open event streams would hold the server open forever; drop them.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
    },
  };
}
