import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { errorJson } from '../http/error-handler';
import type { AppMetrics } from '../http/metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `GET /metrics` for Prometheus, behind `Authorization: Bearer <METRICS_TOKEN>`: route names,
 * error rates and queue sizes tell an outsider more about the service than it should know.
 * Without a token configured it answers 404, as if there were nothing here.
 */
export function metricsRoutes(metrics: AppMetrics, token: string | null) {
  // Compared as digests: equal lengths for timingSafeEqual, and no early exit that would let
  // response times reveal how much of a guess was right.
  const expected = token === null ? null : digest(token);
  return new Hono().get('/', async (c) => {
    if (!expected) return errorJson(c, 404, 'not_found', `Nothing at ${c.req.path}`);
    const given = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!given || !timingSafeEqual(digest(given), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return errorJson(c, 401, 'unauthorized', 'The metrics need Authorization: Bearer <METRICS_TOKEN>');
    }
    const { body, contentType } = await metrics.render();
    return c.body(body, 200, { 'content-type': contentType, 'cache-control': 'no-store' });
  });
}
