import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { TrackingBus } from '../../server/domain/tracking/tracking-bus';
import { silentLogger } from '../../server/http/logger';
import { createParcel } from '../support/factories';
import { startPostgres } from '../support/postgres-server';
import { testConfig } from '../support/test-app';
import { freePort } from '../support/free-port';
import { simulatedPaymentProvider } from '../../server/domain/payments/simulated-payment-provider';

// The scale-out engine: the same migrations and the same API over a real PostgreSQL server.
let pg: ReturnType<typeof startPostgres>;
let handle: DatabaseHandle;

beforeAll(async () => {
  pg = startPostgres(await freePort());
  handle = createDb(pg.url);
}, 60_000);
afterAll(async () => {
  await handle?.close();
  pg?.stop();
});

describe('PostgreSQL', () => {
  it('runs every migration, and a second run does nothing', async () => {
    const applied = await migrateToLatest(handle.db);
    expect(applied.length).toBeGreaterThan(0);
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('serves tracking and verification with the same answers as SQLite', async () => {
    const parcel = await createParcel(handle.db, {
      phone: '13655554321',
      events: [
        { status: 'InTransit', occurredAt: Date.UTC(2026, 10, 19, 2, 0, 0), city: '广州市' },
        { status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 20, 2, 0, 0), city: '深圳市' },
      ],
    });
    const app = createApp({ db: handle.db, config: testConfig(), bus: new TrackingBus(), logger: silentLogger, clock: () => Date.UTC(2026, 10, 20, 3, 0, 0), payments: simulatedPaymentProvider(handle.db, Date.now) });
    const view = await (await app.request(`/api/track/${parcel.trackingNo}`)).json();
    expect(view.status).toBe('OutForDelivery');
    expect(view.events.map((e: { occurredAt: number }) => e.occurredAt)).toEqual([
      Date.UTC(2026, 10, 20, 2, 0, 0),
      Date.UTC(2026, 10, 19, 2, 0, 0),
    ]);
    // BIGINT times come back as numbers, not strings.
    expect(typeof view.promisedBy).toBe('number');

    const verify = (digits: string) =>
      app.request(`/api/track/${parcel.trackingNo}/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' },
        body: JSON.stringify({ phoneLast4: digits }),
      });
    expect((await verify('0000')).status).toBe(403);
    const ok = await verify('4321');
    expect(ok.status).toBe(200);
    expect((await ok.json()).details.items).toHaveLength(2);
  });
});
