import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicTrackingView } from '../../shared/api/tracking-view';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';
import { createParcel, type ParcelFixture } from '../support/factories';
import { serveTestApp } from '../support/live-test-server';

// The tracking read and the headers every answer carries, through a real Node server: there
// the answer is @hono/node-server's own Response, whose plain header object it writes out as
// it is (and adds to), which app.request() in the other tests never exercises.

let s: Awaited<ReturnType<typeof serveTestApp>>;
let parcel: ParcelFixture;

beforeAll(async () => {
  s = await serveTestApp();
  parcel = await createParcel(s.db, { events: [{ status: 'InTransit', occurredAt: s.now() - 3_600_000 }] });
});
afterAll(() => s.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${s.url}${path}`, { headers });

const SECURITY = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

describe('GET /api/track/:trackingNo served by Node', () => {
  it('answers the same view with the same headers however often it is asked, each with its own request id', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await get(`/api/track/${parcel.trackingNo}`));
    const bodies = await Promise.all(answers.map((a) => a.text()));
    for (const [i, res] of answers.entries()) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
      expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(bodies[i]!)));
      expect(res.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+/);
      expect(res.headers.get('etag')).toBe(answers[0]!.headers.get('etag'));
      expect(Object.fromEntries(Object.keys(SECURITY).map((h) => [h, res.headers.get(h)]))).toEqual(SECURITY);
      expect(bodies[i]).toBe(bodies[0]);
    }
    expect(new Set(answers.map((a) => a.headers.get('x-request-id'))).size).toBe(4);
    expect((JSON.parse(bodies[0]!) as PublicTrackingView).trackingNo).toBe(parcel.trackingNo);
  });

  it('answers 304 with no body to the current tag', async () => {
    const etag = (await get(`/api/track/${parcel.trackingNo}`)).headers.get('etag')!;
    const res = await get(`/api/track/${parcel.trackingNo}`, { 'if-none-match': etag });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(res.headers.get('etag')).toBe(etag);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps the security headers and request id on errors, without the view\'s cache policy', async () => {
    for (const [path, status] of [['/api/track/not-a-number', 400], [`/api/track/${makeTrackingNo(987_654_321)}`, 404], ['/api/nothing-here', 404]] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(res.headers.get('x-request-id'), path).toBeTruthy();
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('etag'), path).toBeNull();
      expect(res.headers.get('cache-control') ?? '', path).not.toContain('max-age');
    }
  });

  it('lets an answer that sets its own policy keep it (the API reference page)', async () => {
    const res = await get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
