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
import type { CourierFiguresList, OpenExceptionList, SettingsHistory } from '../../shared/api/ops-desk';
import type { SyncResponse } from '../../shared/courier/courier-report';
import { DEFAULT_RETURN_POLICY } from '../../shared/returns/return-policy';
import { createCourier } from '../support/accounts';
import { report, signIn, sync } from '../support/courier-fixtures';
import { createParcel } from '../support/factories';
import { freePort } from '../support/free-port';
import { startPostgres } from '../support/postgres-server';
import { staffCookie } from '../support/return-fixtures';
import { testConfig } from '../support/test-app';
import { HOUR, courierEvent, get, parcelInException, send, shipmentRow, type TestApp } from './ops-desk-fixtures';

// The ops desk's SQL (correlated subqueries, CASE in SUM, BIGINT times) on the scale-out engine.
let pg: ReturnType<typeof startPostgres>;
let handle: DatabaseHandle;
let uploadDir: string;
let t: TestApp;

beforeAll(async () => {
  pg = startPostgres(await freePort());
  handle = createDb(pg.url);
  await migrateToLatest(handle.db);
  uploadDir = mkdtempSync(join(tmpdir(), 'doorstep-pg-ops-desk-'));
  let now = Date.UTC(2026, 10, 21, 4, 0, 0);
  const deps = { db: handle.db, config: testConfig({ uploadDir }), bus: new InProcessTrackingBus(), logger: silentLogger, clock: () => now, payments: simulatedPaymentProvider(handle.db, () => now), sms: simulatedSmsProvider(handle.db, () => now) };
  t = { app: createApp(deps), deps, db: handle.db, now: () => now, setNow: (ms: number) => void (now = ms), dispose: async () => {} } as TestApp;
}, 60_000);
afterAll(async () => {
  await handle?.close();
  pg?.stop();
  if (uploadDir) rmSync(uploadDir, { recursive: true, force: true });
});

describe('the ops desk on PostgreSQL', () => {
  it('lists exceptions, acts on one, gives courier figures, reassigns a stop and keeps settings history', async () => {
    const cookie = await staffCookie(t);
    const li = await createCourier(t.db, { name: '李师傅' });
    const wang = await createCourier(t.db, { name: '王师傅' });
    const refused = await parcelInException(t, li.id, t.now() - 2 * HOUR, 'refused');
    const damaged = await parcelInException(t, li.id, t.now() - 5 * HOUR, 'parcel_damaged');

    const list = (await (await get(t, '/api/ops/exceptions', cookie)).json()) as OpenExceptionList;
    expect(list.exceptions.map((e) => [e.trackingNo, e.since, e.reasonCode, e.suggestedAction])).toEqual([
      [damaged.trackingNo, t.now() - 5 * HOUR, 'parcel_damaged', 'contact_customer'],
      [refused.trackingNo, t.now() - 2 * HOUR, 'refused', 'return_to_sender'],
    ]);
    expect(list.total).toBe(2);

    const acted = await send(t, 'POST', `/api/ops/exceptions/${damaged.trackingNo}/actions`, { action: 'contact_customer', note: '已致电', version: 4 }, cookie);
    expect(acted.status).toBe(200);
    expect((await send(t, 'POST', `/api/ops/exceptions/${damaged.trackingNo}/actions`, { action: 'contact_customer', version: 4 }, cookie)).status).toBe(409);
    const after = (await (await get(t, '/api/ops/exceptions', cookie)).json()) as OpenExceptionList;
    expect(after.exceptions[0]).toMatchObject({ trackingNo: damaged.trackingNo, customerContactedAt: t.now(), reasonCode: 'parcel_damaged', version: 5 });

    const delivered = await createParcel(t.db, { courierId: li.id, events: [{ status: 'InTransit', occurredAt: t.now() - 30 * HOUR }] });
    await courierEvent(t.db, delivered.trackingNo, li.id, 'OutForDelivery', t.now() - 28 * HOUR);
    await courierEvent(t.db, delivered.trackingNo, li.id, 'AttemptFail', t.now() - 27 * HOUR, { reasonCode: 'recipient_unavailable', subStatus: 'AttemptFail_001' });
    await courierEvent(t.db, delivered.trackingNo, li.id, 'OutForDelivery', t.now() - 4 * HOUR);
    await courierEvent(t.db, delivered.trackingNo, li.id, 'Delivered', t.now() - 3 * HOUR);
    const figures = (await (await get(t, '/api/ops/couriers?from=2026-11-20&to=2026-11-21', cookie)).json()) as CourierFiguresList;
    expect(figures.couriers.find((c) => c.id === li.id)).toMatchObject({ delivered: 1, firstAttemptRate: 0, exceptions: 2, openStops: 2 });
    expect(figures.couriers.find((c) => c.id === wang.id)).toMatchObject({ delivered: 0, firstAttemptRate: null, openStops: 0 });

    const liCookie = await signIn(t, li.phone);
    const moved = await send(t, 'POST', '/api/ops/stops/reassign', { trackingNo: refused.trackingNo, toCourierId: wang.id, version: 4 }, cookie);
    expect(moved.status).toBe(200);
    expect(await shipmentRow(t, refused.trackingNo)).toMatchObject({ courier_id: wang.id, version: 5 });
    const late = report({ trackingNo: refused.trackingNo, kind: 'exception', reasonCode: 'refused', shipmentVersion: 4, occurredAt: t.now() - HOUR });
    const synced = (await (await sync(t, liCookie, [late])).json()) as SyncResponse;
    expect(synced.results[0]).toMatchObject({ outcome: 'conflict', code: 'reassigned', shipmentVersion: 5 });

    const put = await send(t, 'PUT', '/api/ops/settings', { returnPolicy: { ...DEFAULT_RETURN_POLICY, noReasonDays: 10 }, proofOfDelivery: { photo: true, recipientName: false, signature: false } }, cookie);
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ updatedAt: t.now(), returnPolicy: { noReasonDays: 10 } });
    const history = (await (await get(t, '/api/ops/settings/history', cookie)).json()) as SettingsHistory;
    expect(history.changes.map((c) => [c.key, c.changedAt, typeof c.changedAt])).toEqual([
      ['proof_of_delivery', t.now(), 'number'],
      ['return_policy', t.now(), 'number'],
    ]);
  }, 60_000);
});
