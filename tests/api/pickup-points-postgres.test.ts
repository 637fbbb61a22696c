import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { simulatedPaymentProvider } from '../../server/domain/payments/simulated-payment-provider';
import { simulatedSmsProvider } from '../../server/domain/notifications/simulated-sms-provider';
import { InProcessTrackingBus } from '../../server/domain/tracking/tracking-bus';
import { silentLogger } from '../../server/http/logger';
import type { PublicTrackingView, VerifiedTrackingDetails } from '../../shared/api/tracking-view';
import type { SyncResponse } from '../../shared/courier/courier-report';
import { createCourier } from '../support/accounts';
import { report, signIn, sync } from '../support/courier-fixtures';
import { createParcel } from '../support/factories';
import { freePort } from '../support/free-port';
import { startPostgres } from '../support/postgres-server';
import { jsonHeaders, testConfig, type createTestApp } from '../support/test-app';

// A drop at a locker moves a parcel and writes the new columns: the same path on the scale-out engine.
let pg: ReturnType<typeof startPostgres>;
let handle: DatabaseHandle;
let uploadDir: string;
let t: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  pg = startPostgres(await freePort());
  handle = createDb(pg.url);
  await migrateToLatest(handle.db);
  uploadDir = mkdtempSync(join(tmpdir(), 'doorstep-pg-lockers-'));
  const now = Date.UTC(2026, 10, 21, 4, 0, 0);
  const deps = { db: handle.db, config: testConfig({ uploadDir }), bus: new InProcessTrackingBus(), logger: silentLogger, clock: () => now, payments: simulatedPaymentProvider(handle.db, () => now), sms: simulatedSmsProvider(handle.db, () => now) };
  t = { app: createApp(deps), deps, db: handle.db, now: () => now, setNow: () => {}, dispose: async () => {} } as unknown as typeof t;
}, 60_000);
afterAll(async () => {
  await handle?.close();
  pg?.stop();
  if (uploadDir) rmSync(uploadDir, { recursive: true, force: true });
});

describe('lockers and stations on PostgreSQL', () => {
  it('applies a locker drop, shows the place publicly and the code only when verified, and refuses bad input', async () => {
    const me = await createCourier(t.db);
    const cookie = await signIn(t, me.phone);
    const parcel = await createParcel(t.db, { courierId: me.id, phone: '13600005791', events: [{ status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 21, 1) }] });
    const pickupPoint = { type: 'locker' as const, code: '628391', name: '丰巢快递柜（创业大厦3号柜）', address: '南山区科技园南路88号创业大厦北门' };
    const at = Date.UTC(2026, 10, 21, 3);

    const bad = await sync(t, cookie, [report({ trackingNo: parcel.trackingNo, kind: 'at_pickup_point', shipmentVersion: 2, occurredAt: at, pickupPoint: { ...pickupPoint, code: '6-2' } })]);
    expect(bad.status).toBe(400);

    const res = await sync(t, cookie, [report({ trackingNo: parcel.trackingNo, kind: 'at_pickup_point', shipmentVersion: 2, occurredAt: at, pickupPoint })]);
    expect(((await res.json()) as SyncResponse).results[0]).toMatchObject({ outcome: 'applied', shipmentVersion: 3 });

    const text = await (await t.app.request(`/api/track/${parcel.trackingNo}`)).text();
    expect((JSON.parse(text) as PublicTrackingView).pickupPlace).toEqual({ type: 'locker', name: pickupPoint.name, address: pickupPoint.address, keepUntil: at + 72 * 3600_000 });
    expect(text).not.toContain('628391');

    const verified = await t.app.request(`/api/track/${parcel.trackingNo}/verify`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ phoneLast4: '5791' }) });
    const { details } = (await verified.json()) as { details: VerifiedTrackingDetails };
    expect(details.pickup).toMatchObject({ code: '628391', name: pickupPoint.name, placedAt: at });
    expect(details.canChangeInstructions).toBe(false);
  });
});
