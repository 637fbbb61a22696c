import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createParcel, type ParcelFixture } from '../support/factories';
import { createTestApp } from '../support/test-app';
import { recordTrackingEvent } from '../../server/domain/tracking/tracking-service';
import type { PublicTrackingView } from '../../shared/api/tracking-view';

let t: Awaited<ReturnType<typeof createTestApp>>;
let parcel: ParcelFixture;

beforeEach(async () => {
  t = await createTestApp();
  parcel = await createParcel(t.db, {
    events: [{ status: 'InTransit', occurredAt: Date.UTC(2026, 10, 20, 1, 0, 0), city: '广州市' }],
  });
});
afterEach(() => t.dispose());

/** Reads server-sent events off a fetch body, one `tracking` payload at a time. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<PublicTrackingView> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: tracking') && data) return JSON.parse(data.slice(6)) as PublicTrackingView;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe('GET /api/track/:trackingNo/stream', () => {
  it('sends the current view, then a new one when an event is recorded', async () => {
    const res = await t.app.request(`/api/track/${parcel.trackingNo}/stream`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const stream = sseReader(res.body!);

    const first = await stream.next();
    expect(first.status).toBe('InTransit');
    expect(first.events).toHaveLength(1);
    expect(t.deps.bus.listenerCount(parcel.trackingNo)).toBe(1);

    const occurredAt = Date.UTC(2026, 10, 21, 2, 30, 0);
    await t.db.transaction().execute((trx) =>
      recordTrackingEvent(
        trx,
        { trackingNo: parcel.trackingNo, status: 'OutForDelivery', occurredAt, place: { province: '广东省', city: '深圳市' }, actor: { type: 'system', id: null } },
        t.now(),
      ),
    );
    t.deps.bus.publish(parcel.trackingNo);

    const second = await stream.next();
    expect(second.status).toBe('OutForDelivery');
    expect(second.events[0]).toMatchObject({ status: 'OutForDelivery', occurredAt, place: { city: '深圳市' } });
    await stream.cancel();
  });

  it('refuses malformed and unknown numbers before streaming', async () => {
    expect((await t.app.request('/api/track/DS1/stream')).status).toBe(400);
    expect((await t.app.request('/api/track/DS00000000018/stream')).status).toBe(404);
  });
});

describe('recordTrackingEvent', () => {
  const place = { province: '广东省', city: '深圳市' };
  const system = { type: 'system' as const, id: null };

  it('moves the status, bumps the version and keeps device and server time apart', async () => {
    const occurredAt = Date.UTC(2026, 10, 21, 1, 0, 0);
    const { shipment, event } = await recordTrackingEvent(
      t.db,
      { trackingNo: parcel.trackingNo, status: 'OutForDelivery', subStatus: 'OutForDelivery_002', occurredAt, place, actor: system },
      t.now(),
    );
    expect(shipment).toMatchObject({ status: 'OutForDelivery', subStatus: 'OutForDelivery_002', version: 3 });
    expect(event).toMatchObject({ occurredAt, recordedAt: t.now() });
    const row = await t.db.selectFrom('shipments').selectAll().where('id', '=', parcel.shipmentId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'OutForDelivery', version: 3 });
  });

  it('refuses a transition the state machine forbids and changes nothing', async () => {
    await expect(
      recordTrackingEvent(t.db, { trackingNo: parcel.trackingNo, status: 'Pending', occurredAt: t.now(), place, actor: system }, t.now()),
    ).rejects.toMatchObject({ status: 409, code: 'transition_not_allowed' });
    await expect(
      recordTrackingEvent(t.db, { trackingNo: parcel.trackingNo, status: 'OutForDelivery', subStatus: 'Delivered_001', occurredAt: t.now(), place, actor: system }, t.now()),
    ).rejects.toMatchObject({ status: 400, code: 'sub_status_mismatch' });
    const events = await t.db.selectFrom('tracking_events').select('id').where('shipment_id', '=', parcel.shipmentId).execute();
    expect(events).toHaveLength(1);
  });

  it('refuses a report made against an old version', async () => {
    await expect(
      recordTrackingEvent(
        t.db,
        { trackingNo: parcel.trackingNo, status: 'OutForDelivery', occurredAt: t.now(), place, actor: system, expectedVersion: 1 },
        t.now(),
      ),
    ).rejects.toMatchObject({ status: 409, code: 'version_conflict' });
  });

  it('refuses anything after delivery', async () => {
    for (const status of ['OutForDelivery', 'Delivered'] as const) {
      await recordTrackingEvent(t.db, { trackingNo: parcel.trackingNo, status, occurredAt: t.now(), place, actor: system }, t.now());
    }
    await expect(
      recordTrackingEvent(t.db, { trackingNo: parcel.trackingNo, status: 'Exception', occurredAt: t.now(), place, actor: system }, t.now()),
    ).rejects.toMatchObject({ status: 409, code: 'already_final' });
    const row = await t.db.selectFrom('shipments').select(['status', 'delivered_at']).where('id', '=', parcel.shipmentId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'Delivered', delivered_at: t.now() });
  });
});
