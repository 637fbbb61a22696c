import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { answerTrackingReadsFirst } from '../../server/http/tracking-read-in-front';
import { createJsonLogger } from '../../server/http/logger';
import { AppMetrics } from '../../server/http/metrics';
import { publicViewCacheFor } from '../../server/domain/tracking/public-view-cache';
import { createParcel, type ParcelFixture } from '../support/factories';
import { serveTestApp } from '../support/live-test-server';
import { createTestApp } from '../support/test-app';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';

// The public view of a canonical tracking number is answered in front of the app
// (tracking-read-in-front.ts). These tests prove which requests take that way, and that its
// answers are the app's answers.

let t: Awaited<ReturnType<typeof createTestApp>>;
let parcel: ParcelFixture;

beforeEach(async () => {
  t = await createTestApp();
  parcel = await createParcel(t.db, { events: [{ status: 'InTransit', occurredAt: t.now() - 3_600_000 }] });
});
afterEach(() => t.dispose());

/** Every header but the two that differ between any two answers. */
const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => name !== 'x-request-id' && name !== 'date'));

describe('which requests are answered in front of the app', () => {
  // An app with no routes at all: whatever is not answered in front of it is its 404.
  const bare = () => {
    const app = new Hono();
    answerTrackingReadsFirst(app, { ...t.deps, metrics: new AppMetrics() });
    return app;
  };

  it('answers a view, from memory or read for the purpose', async () => {
    const app = bare();
    const first = await app.request(`/api/track/${parcel.trackingNo}`);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { trackingNo: string }).trackingNo).toBe(parcel.trackingNo);
    expect((await app.request(`/api/track/${parcel.trackingNo}`)).status).toBe(200);
  });

  it('leaves a number nobody shipped to the app, which answers every error', async () => {
    expect((await bare().request(`/api/track/${makeTrackingNo(987_654_321)}`)).status).toBe(404);
    const res = await t.app.request(`/api/track/${makeTrackingNo(987_654_321)}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'shipment_not_found' } });
  });

  it.each([
    ['another method', (no: string) => ({ path: `/api/track/${no}`, init: { method: 'POST' } })],
    ['HEAD', (no: string) => ({ path: `/api/track/${no}`, init: { method: 'HEAD' } })],
    ['the number as someone typed it', (no: string) => ({ path: `/api/track/${no.toLowerCase()}`, init: {} })],
    ['a query string', (no: string) => ({ path: `/api/track/${no}?x=1`, init: {} })],
    ['the live stream', (no: string) => ({ path: `/api/track/${no}/stream`, init: {} })],
    ['another path ending in the number', (no: string) => ({ path: `/api/orders/${no}`, init: {} })],
  ])('leaves %s to the app', async (_, request) => {
    const app = bare();
    await publicViewCacheFor(t.deps).get(parcel.trackingNo, t.now());
    const { path, init } = request(parcel.trackingNo);
    expect((await app.request(path, init)).status).toBe(404);
  });
});

describe('an answer in front of the app is the app\'s answer', () => {
  // The number in lower case always takes the app's way (the route normalises it); the same
  // number as printed is answered in front.
  const throughApp = (no: string, init?: RequestInit) => t.app.request(`/api/track/${no.toLowerCase()}`, init);
  const inFront = (no: string, init?: RequestInit) => t.app.request(`/api/track/${no}`, init);

  it('the view, read from the database or kept: same status, headers and body', async () => {
    const read = await inFront(parcel.trackingNo);
    const kept = await inFront(parcel.trackingNo);
    const app = await throughApp(parcel.trackingNo);
    for (const res of [read, kept]) {
      expect(res.status).toBe(app.status);
      expect(headersOf(res)).toEqual(headersOf(app));
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const body = await app.text();
    expect([await read.text(), await kept.text()]).toEqual([body, body]);
  });

  it('the 304 to a current tag', async () => {
    const etag = (await inFront(parcel.trackingNo)).headers.get('etag')!;
    const app = await throughApp(parcel.trackingNo, { headers: { 'if-none-match': etag } });
    const front = await inFront(parcel.trackingNo, { headers: { 'if-none-match': etag } });
    expect([app.status, front.status]).toEqual([304, 304]);
    expect(headersOf(front)).toEqual(headersOf(app));
  });

  it('the same through a real Node server', async () => {
    const s = await serveTestApp();
    try {
      const served = await createParcel(s.db);
      const app = await fetch(`${s.url}/api/track/${served.trackingNo.toLowerCase()}`);
      const front = await fetch(`${s.url}/api/track/${served.trackingNo}`);
      expect(headersOf(front)).toEqual(headersOf(app));
      expect(await front.text()).toBe(await app.text());
    } finally {
      await s.close();
    }
  });

  it('the request metric and the log line, the same both ways', async () => {
    const lines: string[] = [];
    const metrics = new AppMetrics();
    const logger = createJsonLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    const app = createApp({ ...t.deps, metrics, logger, config: { ...t.deps.config, logRequests: true } });
    await app.request(`/api/track/${parcel.trackingNo.toLowerCase()}`);
    await app.request(`/api/track/${parcel.trackingNo}`);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(logged.map(({ method, route, status }) => ({ method, route, status }))).toEqual([
      { method: 'GET', route: '/api/track/:trackingNo', status: 200 },
      { method: 'GET', route: '/api/track/:trackingNo', status: 200 },
    ]);
    expect(logged.every((l) => typeof l.requestId === 'string' && typeof l.durationMs === 'number')).toBe(true);
    expect((await metrics.render()).body).toContain('doorstep_http_request_duration_seconds_count{method="GET",route="/api/track/:trackingNo",status="200"} 2');
  });
});
