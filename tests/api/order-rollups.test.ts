import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { refreshAnalyticsRollups } from '../../server/domain/analytics/rollup-refresh';
import { testDeps } from '../support/app-deps';
import { freePort } from '../support/free-port';
import { paidOrder, stockedShop } from '../support/ops-stock-fixtures';
import { startPostgres } from '../support/postgres-server';
import { createTestApp } from '../support/test-app';
import { computeFulfilmentKpis } from '../../server/domain/analytics/fulfilment-queries';
import { fulfilmentKpisFromRollups } from '../../server/domain/analytics/fulfilment-rollup-queries';
import { bucketedPercentile } from '../../shared/analytics/duration-buckets';
import { shopDate } from '../../shared/time/shop-calendar';
import { playOrderSide } from './order-rollups-scenario';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

describe('order-side roll-ups follow every write exactly (SQLite)', () => {
  let t: TestApp;
  afterEach(() => t?.dispose());

  it('pay, cancel, pick, pack and hand over, before and between refreshes, and a rebuild', async () => {
    t = await createTestApp();
    await playOrderSide(t, (ms) => t.setNow(t.now() + ms));
  }, 60_000);
});

describe('order-side roll-ups on PostgreSQL', () => {
  let pg: ReturnType<typeof startPostgres>;
  const handles: DatabaseHandle[] = [];
  let instances: TestApp[];
  let now = Date.UTC(2026, 10, 21, 4, 0, 0);

  beforeAll(async () => {
    pg = startPostgres(await freePort());
    for (let i = 0; i < 2; i++) handles.push(createDb(pg.url));
    await migrateToLatest(handles[0]!.db);
    instances = handles.map((h) => {
      const deps = testDeps(h.db, () => now);
      return { app: createApp(deps), deps, db: h.db, now: () => now, setNow: (ms: number) => void (now = ms), dispose: async () => undefined } as unknown as TestApp;
    });
  }, 60_000);
  afterAll(async () => {
    for (const h of handles) await h.close();
    pg?.stop();
  });

  it('the same play gives the same agreement', async () => {
    await playOrderSide(instances[0]!, (ms) => void (now += ms));
  }, 90_000);

  it('orders paid on one instance while another refreshes are each counted once', async () => {
    const [a, b] = instances as [TestApp, TestApp];
    const tz = a.deps.config.shopTimeZone;
    const range = { from: shopDate(now, tz), to: shopDate(now, tz) };
    await stockedShop(a, { gz: 60, sh: 60 });
    const writers = Promise.all(Array.from({ length: 12 }, (_, i) => paidOrder(i % 2 ? a : b, [{ sku: 'MUG-350', quantity: 1 }])));
    let refreshes = 0;
    let writing = true;
    void writers.finally(() => (writing = false));
    while (writing) {
      await refreshAnalyticsRollups(b.db, tz, now);
      refreshes++;
    }
    await writers;
    await refreshAnalyticsRollups(a.db, tz, now);
    expect(refreshes).toBeGreaterThan(0);
    expect(await fulfilmentKpisFromRollups(a.db, range, tz, now)).toEqual(await computeFulfilmentKpis(a.db, range, tz, now, bucketedPercentile));
  }, 60_000);
});
