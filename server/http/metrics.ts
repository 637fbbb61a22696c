import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SyncResult } from '../../shared/courier/courier-report';
import { silentLogger, type Logger } from './logger';

/** What one queue of background work looks like at the moment of a scrape. */
export interface JobQueueSnapshot {
  /** The queue's name as the jobs know it (`notifications`, `webhooks`, …): a label, so a fixed set. */
  queue: string;
  /** Jobs waiting to run (due or not yet due, not finished). */
  depth: number;
  /** How long the oldest waiting job has waited; 0 when the queue is empty. */
  oldestAgeSeconds: number;
}

export type JobQueueCollector = () => Promise<JobQueueSnapshot[]>;

/** Seconds; from a cache hit (~1 ms) to a request that should have timed out long before. */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds; the target is a change on one instance reaching a page on another within 1 s. */
const BUS_LAG_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Methods Hono routes; anything else a client sends is counted under one label. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The metrics of one app instance, in a registry of its own rather than prom-client's global
 * one: tests build many apps in one process, and each must count only its own requests.
 * `GET /metrics` renders it (see metrics-endpoint.ts).
 *
 * Everything here is process-local: with N instances, Prometheus scrapes each one and sums.
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly requestDuration: Histogram<'method' | 'route' | 'status'>;
  /** Children by `method route status`: skips prom-client's per-call label hashing on the hot path. */
  private readonly requestSeries = new Map<string, { observe(seconds: number): void }>();
  private readonly syncReports: Counter<'outcome'>;
  private readonly busLag: Histogram;
  private readonly jobQueueCollectors: JobQueueCollector[] = [];
  private jobQueueSnapshot: Promise<JobQueueSnapshot[]> | null = null;
  private processMetricsStarted = false;

  constructor(private readonly logger: Logger = silentLogger) {
    const registers = [this.registry];
    this.requestDuration = new Histogram({
      name: 'doorstep_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer starting (for an event stream: until it opens), by route pattern. Its _count is the request rate.',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.syncReports = new Counter({
      name: 'doorstep_courier_sync_reports_total',
      help: 'Courier reports answered by POST /api/courier/sync, by outcome (applied, duplicate, conflict, rejected).',
      labelNames: ['outcome'],
      registers,
    });
    this.busLag = new Histogram({
      name: 'doorstep_bus_lag_seconds',
      help: 'Time from a tracking change being announced to this instance hearing of it.',
      buckets: BUS_LAG_BUCKETS,
      registers,
    });
    const snapshot = () => this.takeJobQueueSnapshot();
    new Gauge({
      name: 'doorstep_job_queue_depth',
      help: 'Background jobs waiting, by queue, as read at scrape time.',
      labelNames: ['queue'],
      registers,
      async collect() {
        this.reset();
        for (const q of await snapshot()) this.set({ queue: q.queue }, q.depth);
      },
    });
    new Gauge({
      name: 'doorstep_job_queue_oldest_age_seconds',
      help: 'How long the oldest waiting job of each queue has waited, as read at scrape time.',
      labelNames: ['queue'],
      registers,
      async collect() {
        this.reset();
        for (const q of await snapshot()) this.set({ queue: q.queue }, q.oldestAgeSeconds);
      },
    });
  }

  /** Called once per request by the metrics middleware. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const m = KNOWN_METHODS.has(method) ? method : 'OTHER';
    const key = `${m} ${route} ${status}`;
    let series = this.requestSeries.get(key);
    if (!series) {
      series = this.requestDuration.labels({ method: m, route, status: String(status) });
      this.requestSeries.set(key, series);
    }
    series.observe(seconds);
  }

  /** Counts each report of a courier sync answer by its outcome. */
  countSyncOutcomes(results: readonly Pick<SyncResult, 'outcome'>[]): void {
    for (const r of results) this.syncReports.inc({ outcome: r.outcome });
  }

  /**
   * Records how late one tracking change reached this instance over the bus: `seconds` is
   * now minus the moment the publishing instance sent it. Call it where a message from
   * another instance is received.
   */
  observeBusLag(seconds: number): void {
    // Clocks of two machines can disagree by a little; a negative lag means "at once".
    this.busLag.observe(Math.max(0, seconds));
  }

  /**
   * Adds a source of job queue figures, read at every scrape (a query, typically: count and
   * oldest `run_at` per queue). Call once per source at start; several sources may each give
   * their own queues. A source that fails is logged and leaves its queues out of that scrape,
   * rather than failing the whole answer and losing every other figure with it.
   */
  registerJobQueueGauge(collect: JobQueueCollector): void {
    this.jobQueueCollectors.push(collect);
  }

  /** The text exposition format, for `GET /metrics`. */
  async render(): Promise<{ body: string; contentType: string }> {
    this.startProcessMetrics();
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }

  /**
   * CPU, memory, heap, event loop delay, open handles. Started on the first scrape, not in the
   * constructor: they run a sampling timer for the life of the process, which an app that is
   * never scraped (every test's) has no use for.
   */
  private startProcessMetrics(): void {
    if (this.processMetricsStarted) return;
    this.processMetricsStarted = true;
    collectDefaultMetrics({ register: this.registry });
  }

  /** Both queue gauges are collected in the same scrape: one read of the sources serves both. */
  private takeJobQueueSnapshot(): Promise<JobQueueSnapshot[]> {
    const read = (collect: JobQueueCollector) =>
      collect().catch((err: unknown) => {
        this.logger.error('Metrics: could not read a job queue', err);
        return [];
      });
    this.jobQueueSnapshot ??= Promise.all(this.jobQueueCollectors.map(read))
      .then((lists) => lists.flat())
      .finally(() => {
        this.jobQueueSnapshot = null;
      });
    return this.jobQueueSnapshot;
  }
}
