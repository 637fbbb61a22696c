import { describe, expect, it } from 'vitest';
import { AppMetrics } from '../../server/http/metrics';
import type { Logger } from '../../server/http/logger';

const text = async (m: AppMetrics) => (await m.render()).body;

describe('AppMetrics', () => {
  it('keeps each instance\'s figures apart (tests build many apps in one process)', async () => {
    const a = new AppMetrics();
    const b = new AppMetrics();
    a.observeRequest('GET', '/api/health', 200, 0.001);
    expect(await text(a)).toContain('doorstep_http_request_duration_seconds_count{method="GET",route="/api/health",status="200"} 1');
    expect(await text(b)).not.toContain('route="/api/health"');
  });

  it('puts a method Hono does not route under one label', async () => {
    const m = new AppMetrics();
    m.observeRequest('PROPFIND', '/*', 404, 0.001);
    m.observeRequest('SEARCH', '/*', 404, 0.001);
    expect(await text(m)).toContain('doorstep_http_request_duration_seconds_count{method="OTHER",route="/*",status="404"} 2');
  });

  it.each([
    [0.04, '0.05', 1],
    [0.04, '0.025', 0],
    [-0.3, '0.005', 1], // another machine's clock a little ahead: counted as at once
  ])('puts a bus lag of %s s into the buckets (le=%s holds %i)', async (seconds, le, count) => {
    const m = new AppMetrics();
    m.observeBusLag(seconds);
    expect(await text(m)).toContain(`doorstep_bus_lag_seconds_bucket{le="${le}"} ${count}`);
  });

  it('reads every job queue source once per scrape, for both gauges', async () => {
    const m = new AppMetrics();
    let reads = 0;
    m.registerJobQueueGauge(async () => {
      reads += 1;
      return [
        { queue: 'notifications', depth: 3, oldestAgeSeconds: 42 },
        { queue: 'webhooks', depth: 0, oldestAgeSeconds: 0 },
      ];
    });
    m.registerJobQueueGauge(async () => [{ queue: 'payment_deadlines', depth: 7, oldestAgeSeconds: 1.5 }]);
    const body = await text(m);
    expect(reads).toBe(1);
    expect(body).toContain('doorstep_job_queue_depth{queue="notifications"} 3');
    expect(body).toContain('doorstep_job_queue_depth{queue="webhooks"} 0');
    expect(body).toContain('doorstep_job_queue_depth{queue="payment_deadlines"} 7');
    expect(body).toContain('doorstep_job_queue_oldest_age_seconds{queue="notifications"} 42');
    expect(body).toContain('doorstep_job_queue_oldest_age_seconds{queue="payment_deadlines"} 1.5');
    await text(m);
    expect(reads).toBe(2);
  });

  it('shows the queues as they are now, not as they were at an earlier scrape', async () => {
    const m = new AppMetrics();
    let queues = [{ queue: 'webhooks', depth: 5, oldestAgeSeconds: 9 }, { queue: 'retired', depth: 1, oldestAgeSeconds: 1 }];
    m.registerJobQueueGauge(async () => queues);
    await text(m);
    queues = [{ queue: 'webhooks', depth: 0, oldestAgeSeconds: 0 }];
    const body = await text(m);
    expect(body).toContain('doorstep_job_queue_depth{queue="webhooks"} 0');
    expect(body).not.toContain('queue="retired"');
  });

  it('leaves a failing source\'s queues out and logs it, keeping every other figure', async () => {
    const errors: string[] = [];
    const logger: Logger = { info: () => {}, error: (message) => void errors.push(message) };
    const m = new AppMetrics(logger);
    m.registerJobQueueGauge(async () => {
      throw new Error('connection lost');
    });
    m.registerJobQueueGauge(async () => [{ queue: 'webhooks', depth: 2, oldestAgeSeconds: 4 }]);
    m.countSyncOutcomes([{ outcome: 'applied' }, { outcome: 'rejected' }, { outcome: 'applied' }]);
    const body = await text(m);
    expect(body).toContain('doorstep_job_queue_depth{queue="webhooks"} 2');
    expect(body).toContain('doorstep_courier_sync_reports_total{outcome="applied"} 2');
    expect(body).toContain('doorstep_courier_sync_reports_total{outcome="rejected"} 1');
    expect(errors).toEqual(['Metrics: could not read a job queue']);
  });
});
