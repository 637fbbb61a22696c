import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicTrackingView } from '../../shared/api/tracking-view';
import { createApp } from '../../server/app';
import { InProcessTrackingBus } from '../../server/domain/tracking/tracking-bus';
import { PUBLIC_VIEW_TTL_MS, PublicViewCache } from '../../server/domain/tracking/public-view-cache';
import { createCourier } from '../support/accounts';
import { report, signIn, sync } from '../support/courier-fixtures';
import { createParcel, type ParcelFixture } from '../support/factories';
import { createTestApp } from '../support/test-app';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';

const HOUR = 3600_000;
const PROMISED_BY = Date.UTC(2026, 10, 21, 15, 59, 59, 999);

/** The in-process bus, plus the gap the PostgreSQL one reports after a lost connection. */
class GappyBus extends InProcessTrackingBus {
  private readonly everything = new Set<(trackingNo: string | null) => void>();
  override subscribeAll(listener: (trackingNo: string | null) => void): () => void {
    this.everything.add(listener);
    const off = super.subscribeAll(listener);
    return () => {
      this.everything.delete(listener);
      off();
    };
  }

  announceGap(): void {
    for (const listener of this.everything) listener(null);
  }
}

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: ReturnType<typeof createApp>;
let bus: GappyBus;
let parcel: ParcelFixture;
let courier: Awaited<ReturnType<typeof createCourier>>;
/** Queries the app has run against the database (not the test's own writes). */
let queries = 0;

/** While set, the app's reads wait for it: a read caught in flight. */
let heldReads: Promise<void> | null = null;

const counting: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    queries++;
    await heldReads;
    return args.result;
  },
};

const get = (trackingNo: string, headers: Record<string, string> = {}) => app.request(`/api/track/${trackingNo}`, { headers });
const view = async (trackingNo: string) => (await (await get(trackingNo)).json()) as PublicTrackingView;
/** A write behind the app's back, which no bus hears of (a script, a console). */
const renameCityBehindTheBus = (city: string) => t.db.updateTable('shipments').set({ destination_city: city }).where('id', '=', parcel.shipmentId).execute();

beforeEach(async () => {
  t = await createTestApp();
  bus = new GappyBus();
  app = createApp({ ...t.deps, db: t.db.withPlugin(counting), bus });
  courier = await createCourier(t.db);
  parcel = await createParcel(t.db, {
    courierId: courier.id,
    promisedBy: PROMISED_BY,
    events: [{ status: 'InTransit', subStatus: 'InTransit_005', occurredAt: t.now() - 3 * HOUR }],
  });
  queries = 0;
  heldReads = null;
});
afterEach(() => t.dispose());

describe('GET /api/track/:trackingNo from the instance cache', () => {
  it('reads the database once for repeated views of a parcel', async () => {
    const first = await (await get(parcel.trackingNo)).text();
    expect(queries).toBe(1);
    for (let i = 0; i < 5; i++) expect(await (await get(parcel.trackingNo)).text()).toBe(first);
    expect(queries).toBe(1);
  });

  it('keeps serving its copy when the row changes behind the bus, and reads again once the bus tells', async () => {
    expect((await view(parcel.trackingNo)).destination.city).toBe('深圳市');
    await renameCityBehindTheBus('广州市');
    expect((await view(parcel.trackingNo)).destination.city).toBe('深圳市');
    bus.publish(parcel.trackingNo);
    expect((await view(parcel.trackingNo)).destination.city).toBe('广州市');
  });

  it('shows a courier report at once: the sync announces the change and the next read is fresh', async () => {
    expect((await view(parcel.trackingNo)).status).toBe('InTransit');
    const cookie = await signIn(t, courier.phone);
    const res = await syncThroughThisApp(cookie, [report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2, occurredAt: t.now() - HOUR })]);
    expect(res.status).toBe(200);
    const after = await view(parcel.trackingNo);
    expect(after.status).toBe('OutForDelivery');
    expect(after.events[0]!.status).toBe('OutForDelivery');
  });

  it('forgets every parcel when the bus says changes may have been missed', async () => {
    const other = await createParcel(t.db, { events: [{ status: 'InTransit', occurredAt: t.now() - HOUR }] });
    await view(parcel.trackingNo);
    await view(other.trackingNo);
    await renameCityBehindTheBus('广州市');
    await t.db.updateTable('shipments').set({ destination_city: '佛山市' }).where('id', '=', other.shipmentId).execute();
    bus.announceGap();
    queries = 0;
    expect((await view(parcel.trackingNo)).destination.city).toBe('广州市');
    expect((await view(other.trackingNo)).destination.city).toBe('佛山市');
    expect(queries).toBe(2);
  });

  it('does not keep what a read in flight saw when a change was announced meanwhile', async () => {
    let release!: () => void;
    heldReads = new Promise((resolve) => (release = resolve));
    const inFlight = view(parcel.trackingNo);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The read has its row; a change to the parcel is announced before it answers (the write
    // itself comes after, as the held read keeps the one connection busy till then).
    bus.publish(parcel.trackingNo);
    heldReads = null;
    release();
    expect((await inFlight).destination.city).toBe('深圳市');
    await renameCityBehindTheBus('广州市');
    expect((await view(parcel.trackingNo)).destination.city).toBe('广州市');
  });

  it('holds a copy no longer than the TTL, so a change nobody announced is seen within seconds', async () => {
    await view(parcel.trackingNo);
    await renameCityBehindTheBus('广州市');
    t.setNow(t.now() + PUBLIC_VIEW_TTL_MS - 1);
    expect((await view(parcel.trackingNo)).destination.city).toBe('深圳市');
    t.setNow(t.now() + 1);
    expect((await view(parcel.trackingNo)).destination.city).toBe('广州市');
  });

  it('turns late the moment the promise passes, however fresh its copy', async () => {
    t.setNow(PROMISED_BY - 1_000);
    const before = await view(parcel.trackingNo);
    expect(before.late).toBe(false);
    t.setNow(PROMISED_BY);
    expect((await view(parcel.trackingNo)).late).toBe(false);
    t.setNow(PROMISED_BY + 1);
    expect((await view(parcel.trackingNo)).late).toBe(true);
  });

  it('does not keep a copy made by a clock that then goes back', async () => {
    await view(parcel.trackingNo);
    t.setNow(t.now() - 1);
    await renameCityBehindTheBus('广州市');
    expect((await view(parcel.trackingNo)).destination.city).toBe('广州市');
  });

  it('keeps no answer for a number nobody has shipped yet', async () => {
    const unknown = makeTrackingNo(987_654_321);
    expect((await get(unknown)).status).toBe(404);
    await t.db.updateTable('shipments').set({ tracking_no: unknown }).where('id', '=', parcel.shipmentId).execute();
    expect((await get(unknown)).status).toBe(200);
  });
});

describe('PublicViewCache bounds', () => {
  it('keeps the parcels read most recently, dropping the least recently read past its size', async () => {
    const parcels = [parcel, ...(await Promise.all([1, 2, 3, 4].map(() => createParcel(t.db, { events: [{ status: 'InTransit', occurredAt: t.now() - HOUR }] }))))];
    const cache = new PublicViewCache(t.db, { maxEntries: 4, ttlMs: PUBLIC_VIEW_TTL_MS });
    for (const p of parcels.slice(0, 4)) await cache.get(p.trackingNo, t.now());
    expect(cache.peek(parcels[0]!.trackingNo, t.now())).toBeDefined(); // read again: now the most recent
    await cache.get(parcels[4]!.trackingNo, t.now());
    expect(cache.size).toBe(4);
    expect(parcels.map((p) => cache.peek(p.trackingNo, t.now()) !== undefined)).toEqual([true, false, true, true, true]);
  });
});

describe('ETag, 304 and Cache-Control', () => {
  it('tags the view, lets shared caches keep it for a few seconds and has browsers revalidate', async () => {
    const res = await get(parcel.trackingNo);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^W\/"[\w-]+"$/);
    expect(res.headers.get('cache-control')).toBe(`public, max-age=0, s-maxage=${PUBLIC_VIEW_TTL_MS / 1000}, stale-while-revalidate=${PUBLIC_VIEW_TTL_MS / 1000}`);
  });

  it('answers 304 with no body to the current tag, weak or strong, alone or in a list', async () => {
    const etag = (await get(parcel.trackingNo)).headers.get('etag')!;
    for (const given of [etag, etag.slice(2), `"other", ${etag}`, '*']) {
      const res = await get(parcel.trackingNo, { 'if-none-match': given });
      expect(res.status, given).toBe(304);
      expect(await res.text(), given).toBe('');
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('cache-control')).toContain('s-maxage=');
    }
  });

  it('answers 200 with the new view to a tag from before a change', async () => {
    const old = (await get(parcel.trackingNo)).headers.get('etag')!;
    await renameCityBehindTheBus('广州市');
    bus.publish(parcel.trackingNo);
    const res = await get(parcel.trackingNo, { 'if-none-match': old });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(old);
    expect(((await res.json()) as PublicTrackingView).destination.city).toBe('广州市');
  });

  it('keeps the tag of an unchanged view across copies made at other moments, until time changes what it says', async () => {
    t.setNow(PROMISED_BY - 2 * PUBLIC_VIEW_TTL_MS);
    const first = (await get(parcel.trackingNo)).headers.get('etag')!;
    t.setNow(PROMISED_BY - PUBLIC_VIEW_TTL_MS / 2);
    const again = await get(parcel.trackingNo, { 'if-none-match': first });
    expect(again.status).toBe(304);
    t.setNow(PROMISED_BY + 1);
    const late = await get(parcel.trackingNo, { 'if-none-match': first });
    expect(late.status).toBe(200);
    expect(((await late.json()) as PublicTrackingView).late).toBe(true);
  });

  it('leaves the errors for unknown and malformed numbers as they were', async () => {
    const bad = await get('not-a-number', { 'if-none-match': '*' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_tracking_number' } });
    expect(bad.headers.get('etag')).toBeNull();
  });
});

function syncThroughThisApp(cookie: string, reports: Parameters<typeof sync>[2]) {
  return sync({ ...t, app }, cookie, reports);
}
