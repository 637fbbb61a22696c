import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppDeps } from './app-deps';
import { createApp } from './app';
import { simulatedPaymentProvider } from './domain/payments/simulated-payment-provider';
import { simulatedSmsProvider } from './domain/notifications/simulated-sms-provider';
import { startNotificationSender, type NotificationSender } from './jobs/notification-job';
import type { Config } from './config';
import { createDb, type DatabaseHandle } from './db/create-db';
import { migrateToLatest } from './db/migrate';
import { seedDemoIfEmpty, type SeedDemoResult } from './demo/seed-demo';
import { InProcessTrackingBus, type TrackingBus } from './domain/tracking/tracking-bus';
import { PostgresTrackingBus } from './domain/tracking/postgres-tracking-bus';
import { onceAcrossInstances } from './db/startup-lock';
import { AppMetrics } from './http/metrics';
import { jobQueueSnapshots } from './jobs/job-queue-stats';
import { feedbackModelProblem, syncRetrainedModel } from './domain/feedback/feedback-model-holder';
import { followRequestsInFlight, type DrainOutcome } from './http/graceful-close';
import type { Logger } from './http/logger';
import { StreamSlots } from './http/stream-slots';
import { deleteExpiredIdempotencyKeys } from './domain/idempotency/idempotency-repository';
import { startPaymentDeadlines } from './jobs/payment-deadline-job';
import { startPeriodicJob } from './jobs/periodic-job';
import { startWebhookSender } from './jobs/webhook-job';

const HOUR = 3_600_000;
const MINUTE = 60_000;

export interface RunningServer {
  url: string;
  port: number;
  deps: AppDeps;
  handle: DatabaseHandle;
  demo: SeedDemoResult | null;
  /** The notification outbox's sender, running in the background; tests may run it at once. */
  notifications: NotificationSender;
  /**
   * Stops accepting, ends live streams (browsers reconnect elsewhere), lets requests in
   * flight finish for up to `config.shutdownGraceMs` before cutting them, then closes the
   * database. Calling it again returns the same stop.
   */
  close(): Promise<DrainOutcome>;
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
  const clock = options.clock ?? Date.now;
  // Several instances may start at once on one PostgreSQL: one migrates and fills, the others wait.
  const demo = await onceAcrossInstances(handle, async () => {
    await migrateToLatest(handle.db);
    return config.demo ? seedDemoIfEmpty(handle, { now: clock(), afterSales: { uploadDir: config.uploadDir, timeZone: config.shopTimeZone } }) : null;
  });
  // One registry for the app, its jobs and its bus, so GET /metrics shows them all.
  const metrics = new AppMetrics(options.logger);
  metrics.registerJobQueueGauge(() => jobQueueSnapshots(handle.db, clock()));
  const bus = await openTrackingBus(handle, config.databaseUrl, options.logger, (seconds) => metrics.observeBusLag(seconds));
  const liveStreams = new StreamSlots({ perAddress: config.liveStreamsPerAddress, total: config.liveStreamsTotal });
  const deps: AppDeps = {
    db: handle.db,
    config,
    bus,
    metrics,
    logger: options.logger,
    clock,
    payments: simulatedPaymentProvider(handle.db, clock),
    sms: simulatedSmsProvider(handle.db, clock),
    clientDir: options.clientDir,
    liveStreams,
  };
  const app = createApp(deps);
  // Background work whose state is in the database, so a restart carries on where it stopped.
  const jobs = [
    startPaymentDeadlines(deps),
    startPeriodicJob('Forgetting old idempotency keys', HOUR, () => deleteExpiredIdempotencyKeys(handle.db, clock()), options.logger),
    startWebhookSender({ db: handle.db, clock, logger: options.logger, allowPrivate: config.webhookAllowPrivate }),
    // A model staff retrained on another instance reaches this one within a minute.
    startPeriodicJob('Taking up a retrained feedback model', MINUTE, () => syncRetrainedModel(handle.db, (m) => options.logger.error(m)), options.logger),
  ];
  await syncRetrainedModel(handle.db, (m) => options.logger.error(m));
  const modelProblem = feedbackModelProblem();
  if (modelProblem) options.logger.error(modelProblem);
  const server = await new Promise<Server>((resolve, reject) => {
    // serve() makes a plain HTTP/1.1 server unless told to make another kind.
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s as Server));
    // A port in use or an address not on this machine arrives as an event, not a throw.
    s.once('error', reject);
  }).catch(async (err: unknown) => {
    await Promise.all(jobs.map((job) => job.stop()));
    await bus.close();
    await handle.close();
    throw err;
  });
  const requests = followRequestsInFlight(server);
  const notifications = startNotificationSender({ db: handle.db, sms: deps.sms, clock, logger: options.logger });
  const port = (server.address() as AddressInfo).port;
  let stopping: Promise<DrainOutcome> | null = null;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    deps,
    handle,
    demo,
    notifications,
    close: () => {
      stopping ??= (async () => {
        const drained = requests.stop(config.shutdownGraceMs);
        // After accepting stopped, so a reconnecting page cannot land here again.
        liveStreams.endAll();
        // A send in progress finishes (or its lease lets another instance take it over) before the database goes.
        const [outcome] = await Promise.all([drained, notifications.stop(), ...jobs.map((job) => job.stop())]);
        await bus.close();
        await handle.close();
        return outcome;
      })();
      return stopping;
    },
  };
}

/** One process on SQLite; on PostgreSQL every instance hears the others' changes. */
async function openTrackingBus(handle: DatabaseHandle, url: string, logger: Logger, onLag: (seconds: number) => void): Promise<TrackingBus> {
  if (handle.engine !== 'postgres') return new InProcessTrackingBus();
  return PostgresTrackingBus.connect({ db: handle.db, url, logger, onLag });
}
