import { afterEach, describe, expect, it } from 'vitest';
import { createCourier } from '../support/accounts';
import { report, signIn, sync } from '../support/courier-fixtures';
import { createParcel } from '../support/factories';
import { createTestApp } from '../support/test-app';

const TOKEN = 'scrape-token-0123456789';
let t: Awaited<ReturnType<typeof createTestApp>>;
afterEach(() => t.dispose());

const scrape = (authorization?: string) => t.app.request('/metrics', { headers: authorization ? { authorization } : {} });

describe('GET /metrics', () => {
  it('is not there when no METRICS_TOKEN is set', async () => {
    t = await createTestApp();
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', 'Bearer scrape-token-0123456780'],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token as Basic credentials', `Basic ${TOKEN}`],
  ])('refuses %s with 401 and the error shape', async (_, authorization) => {
    t = await createTestApp({ metricsToken: TOKEN });
    const res = await scrape(authorization);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect(text).not.toContain('doorstep_');
  });

  it('counts requests by route pattern, not by path, with method and status', async () => {
    t = await createTestApp({ metricsToken: TOKEN });
    const parcel = await createParcel(t.db);
    expect((await t.app.request(`/api/track/${parcel.trackingNo}`)).status).toBe(200);
    expect((await t.app.request('/api/track/not-a-number')).status).toBe(400);
    expect((await t.app.request('/api/no-such-endpoint')).status).toBe(404);

    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await res.text();
    expect(body).toContain('doorstep_http_request_duration_seconds_count{method="GET",route="/api/track/:trackingNo",status="200"} 1');
    expect(body).toContain('doorstep_http_request_duration_seconds_count{method="GET",route="/api/track/:trackingNo",status="400"} 1');
    expect(body).toContain('doorstep_http_request_duration_seconds_count{method="GET",route="/api/*",status="404"} 1');
    expect(body).not.toContain(parcel.trackingNo);
    expect(body).toContain('doorstep_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/track/:trackingNo",status="200"}');
    // Process figures start with the first scrape.
    expect(body).toContain('process_cpu_seconds_total');
  });

  it('counts courier sync reports by outcome', async () => {
    t = await createTestApp({ metricsToken: TOKEN });
    const courier = await createCourier(t.db);
    const cookie = await signIn(t, courier.phone);
    const parcel = await createParcel(t.db, { courierId: courier.id, events: [{ status: 'InTransit', occurredAt: Date.UTC(2026, 10, 21, 0) }] });
    const out = report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2, occurredAt: Date.UTC(2026, 10, 21, 2) });
    expect((await sync(t, cookie, [out])).status).toBe(200);
    // The same report again (the phone never heard the answer): a duplicate, not applied twice.
    expect((await sync(t, cookie, [out])).status).toBe(200);

    const body = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(body).toContain('doorstep_courier_sync_reports_total{outcome="applied"} 1');
    expect(body).toContain('doorstep_courier_sync_reports_total{outcome="duplicate"} 1');
    expect(body).toContain('doorstep_http_request_duration_seconds_count{method="POST",route="/api/courier/sync",status="200"} 2');
  });

  it('counts a refusal by the guard under the guard\'s pattern', async () => {
    t = await createTestApp({ metricsToken: TOKEN });
    expect((await t.app.request('/api/ops/shipments/123')).status).toBe(401);
    const body = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(body).toMatch(/doorstep_http_request_duration_seconds_count\{method="GET",route="\/api\/ops\/\*",status="401"\} 1/);
  });
});
