import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createParcel, type ParcelFixture } from '../support/factories';
import { createTestApp } from '../support/test-app';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';
import type { PublicTrackingView } from '../../shared/api/tracking-view';

const HOUR = 3600_000;
let t: Awaited<ReturnType<typeof createTestApp>>;
let parcel: ParcelFixture;
const start = Date.UTC(2026, 10, 18, 1, 0, 0);

beforeEach(async () => {
  t = await createTestApp();
  parcel = await createParcel(t.db, {
    phone: '13912347788',
    promisedBy: Date.UTC(2026, 10, 20, 15, 59, 59, 999),
    events: [
      { status: 'InfoReceived', occurredAt: start, city: '杭州市' },
      { status: 'InTransit', subStatus: 'InTransit_002', occurredAt: start + 5 * HOUR, city: '杭州市' },
      { status: 'InTransit', subStatus: 'InTransit_003', occurredAt: start + 20 * HOUR, city: '广州市', note: '王小明 13800001234 请放门口' },
      { status: 'OutForDelivery', occurredAt: start + 40 * HOUR, city: '深圳市' },
    ],
  });
});
afterEach(() => t.dispose());

describe('GET /api/health', () => {
  it('answers ok', async () => {
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('GET /api/track/:trackingNo', () => {
  it('shows status, promise, lateness and the timeline newest first', async () => {
    const res = await t.app.request(`/api/track/${parcel.trackingNo}`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as PublicTrackingView;
    expect(view.trackingNo).toBe(parcel.trackingNo);
    expect(view.status).toBe('OutForDelivery');
    expect(view.subStatus).toBe('OutForDelivery_001');
    expect(view.promisedBy).toBe(Date.UTC(2026, 10, 20, 15, 59, 59, 999));
    expect(view.late).toBe(true); // the test clock is 21 Nov
    expect(view.destination).toEqual({ province: '广东省', city: '深圳市' });
    expect(view.events.map((e) => e.subStatus)).toEqual([
      'OutForDelivery_001',
      'InTransit_003',
      'InTransit_002',
      'InfoReceived_001',
    ]);
    expect(view.events[0]!.place.city).toBe('深圳市');
    expect(view.generatedAt).toBe(t.now());
  });

  it('is not late while the promise still holds', async () => {
    t.setNow(Date.UTC(2026, 10, 19, 0, 0, 0));
    const view = (await (await t.app.request(`/api/track/${parcel.trackingNo}`)).json()) as PublicTrackingView;
    expect(view.late).toBe(false);
  });

  it('is not late once the parcel waits in a pickup locker in time, however long it waits', async () => {
    const promisedBy = Date.UTC(2026, 10, 20, 15, 59, 59, 999);
    const locker = await createParcel(t.db, {
      promisedBy,
      events: [
        { status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 20, 1, 0, 0) },
        { status: 'AvailableForPickup', subStatus: 'AvailableForPickup_002', occurredAt: Date.UTC(2026, 10, 20, 5, 0, 0) },
      ],
    });
    t.setNow(promisedBy + 4 * 86_400_000);
    const view = (await (await t.app.request(`/api/track/${locker.trackingNo}`)).json()) as PublicTrackingView;
    expect(view.status).toBe('AvailableForPickup');
    expect(view.late).toBe(false);
  });

  it('holds no personal data: no name, phone, street, items, order number or notes', async () => {
    const body = await (await t.app.request(`/api/track/${parcel.trackingNo}`)).text();
    for (const secret of ['王小明', parcel.phone, parcel.phone.slice(-4), '科技园', '88号', 'T恤', '耳机', 'OD', '请放门口', '南山区']) {
      expect(body, secret).not.toContain(secret);
    }
  });

  it('accepts the number as people type it (lower case, spaces, dashes)', async () => {
    const typed = `${parcel.trackingNo.slice(0, 6).toLowerCase()} ${parcel.trackingNo.slice(6, 9)}-${parcel.trackingNo.slice(9)}`;
    const res = await t.app.request(`/api/track/${encodeURIComponent(typed)}`);
    expect(res.status).toBe(200);
  });

  it.each(['DS00000012345', 'DS123', 'XX00000012344', 'not-a-number', `DS${'9'.repeat(500)}`])(
    'refuses the malformed number %s with 400',
    async (bad) => {
      const res = await t.app.request(`/api/track/${bad}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_tracking_number' } });
    },
  );

  it('answers 404 for a valid number nobody shipped', async () => {
    const res = await t.app.request(`/api/track/${makeTrackingNo(987_654_321)}`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body).toEqual({ error: { code: 'shipment_not_found', message: expect.any(String) } });
  });

  it('sends security headers', async () => {
    const res = await t.app.request(`/api/track/${parcel.trackingNo}`);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});

describe('unknown API paths and server faults', () => {
  it('answers an unknown endpoint with 404 in the error shape', async () => {
    const res = await t.app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers a fault with 500 and no internals', async () => {
    await t.dispose(); // the database is gone: any query now fails
    const res = await t.app.request(`/api/track/${parcel.trackingNo}`);
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toMatch(/sqlite|database|at .*\.ts/i);
    t = await createTestApp(); // so afterEach has something to dispose
  });
});

describe('GET /api/demo', () => {
  it('is 404 when demo mode is off', async () => {
    const res = await t.app.request('/api/demo');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'demo_off' } });
  });
});
