import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { kpiReportFromRollups } from '../../server/domain/analytics/kpi-rollup-queries';
import { processMapFromRollups } from '../../server/domain/analytics/process-map-rollup-query';
import { refreshAnalyticsRollups } from '../../server/domain/analytics/rollup-refresh';
import { recordTrackingEvent } from '../../server/domain/tracking/tracking-service';
import { bucketedPercentile } from '../../shared/analytics/duration-buckets';
import type { KpiLog, LogShipment } from '../../shared/analytics/event-log';
import { kpiReportFromLog } from '../../shared/analytics/kpi-formulas';
import { processMapFromLog } from '../../shared/analytics/process-map';
import { at, SAMPLE_LOG } from '../unit/analytics-sample-log';
import { freePort } from '../support/free-port';
import { startPostgres } from '../support/postgres-server';
import { waitFor } from '../support/wait-for';
import { writeKpiLog } from './ops-analytics-log-writer';

// Ids come from a sequence when a row is inserted, not when it commits: on PostgreSQL event 101
// may still be in an open transaction while 102 is committed. A refresh folding "up to the
// largest id" would skip 101 for ever. These tests commit events out of id order around refreshes.
const TZ = 'Asia/Shanghai';
const RANGE = { from: '2026-11-09', to: '2026-11-15' };
const NOW = Date.UTC(2026, 10, 21);

let pg: ReturnType<typeof startPostgres>;
let writer: DatabaseHandle;
let holder: DatabaseHandle;
let log: KpiLog;
let trackingNoOfE: string;

beforeAll(async () => {
  pg = startPostgres(await freePort());
  writer = createDb(pg.url);
  holder = createDb(pg.url);
  await migrateToLatest(writer.db);
  log = structuredClone(SAMPLE_LOG);
  await writeKpiLog(writer.db, log);
  await refreshAnalyticsRollups(writer.db, TZ, NOW);
  // E: still on its way (id 5 of the sample, the only one not delivered).
  const e = log.shipments.find((s) => s.id === 5)!;
  trackingNoOfE = (await writer.db.selectFrom('shipments').select('tracking_no').where('promised_by', '=', e.promisedBy).where('created_at', '=', e.createdAt).executeTakeFirstOrThrow()).tracking_no;
}, 60_000);
afterAll(async () => {
  await writer?.close();
  await holder?.close();
  pg?.stop();
});

/** An event for E in a transaction of its own that stays open until `commit()`. */
async function openEventForE(status: 'InTransit' | 'OutForDelivery' | 'Delivered', local: string) {
  let commit!: () => void;
  const gate = new Promise<void>((resolve) => (commit = resolve));
  let inserted!: (id: number) => void;
  const insertedId = new Promise<number>((resolve) => (inserted = resolve));
  const done = holder.db.transaction().execute(async (trx) => {
    const occurredAt = at(local);
    const { event } = await recordTrackingEvent(trx, { trackingNo: trackingNoOfE, status, occurredAt, place: { province: null, city: '上海市' }, actor: { type: 'system', id: null } }, NOW);
    const e = log.shipments.find((s) => s.id === 5)!;
    (e.events as LogShipment['events'][number][]).push({ id: event.id, status, subStatus: event.subStatus, occurredAt, reasonCode: null });
    inserted(event.id);
    await gate;
  });
  return { id: await insertedId, commit: async () => (commit(), done) };
}

/** A whole new delivered parcel, committed at once (its events get later ids than the open one). */
async function committedParcel(id: number, day: string): Promise<number> {
  const parcel: LogShipment = {
    id,
    leg: 'delivery',
    courierId: null,
    destinationCity: '杭州市',
    createdAt: at(`${day} 08:00`),
    promisedBy: at(`${day} 20:00`),
    deliveredAt: at(`${day} 18:00`),
    events: [
      { id: 1, status: 'InTransit', subStatus: 'InTransit_002', occurredAt: at(`${day} 09:00`), reasonCode: null },
      { id: 2, status: 'OutForDelivery', subStatus: 'OutForDelivery_001', occurredAt: at(`${day} 15:00`), reasonCode: null },
      { id: 3, status: 'Delivered', subStatus: 'Delivered_001', occurredAt: at(`${day} 18:00`), reasonCode: null },
    ],
  };
  await writeKpiLog(writer.db, { orders: [], shipments: [parcel], returns: [], refunds: [], feedback: [], feedbackCategories: [] });
  log.shipments = [...log.shipments, parcel];
  return Number((await sql<{ m: number }>`SELECT MAX(id) AS m FROM tracking_events`.execute(writer.db)).rows[0]!.m);
}

async function expectRollupsEqualTheLog() {
  expect(await kpiReportFromRollups(writer.db, RANGE, TZ)).toEqual(kpiReportFromLog(log, RANGE, TZ, bucketedPercentile));
  const expected = processMapFromLog(log.shipments, RANGE, TZ, bucketedPercentile);
  const actual = await processMapFromRollups(writer.db, RANGE);
  expect({ ...actual, filters: expected.filters }).toEqual(expected);
}

const refreshWaitingForALock = () =>
  sql<{ n: number }>`SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'LOCK TABLE%'`
    .execute(writer.db)
    .then((r) => r.rows[0]!.n > 0);

describe('roll-ups on PostgreSQL when events commit out of id order', () => {
  it('a refresh waits for the open writer and then folds both events, each once', async () => {
    const open = await openEventForE('OutForDelivery', '2026-11-14 08:00');
    const laterId = await committedParcel(90, '2026-11-13');
    expect(laterId).toBeGreaterThan(open.id);

    const refresh = refreshAnalyticsRollups(writer.db, TZ, NOW);
    await waitFor('the refresh to wait on the open transaction', refreshWaitingForALock);
    await open.commit();
    await refresh;
    await expectRollupsEqualTheLog();
    // Folded once: refreshing again changes nothing.
    expect((await refreshAnalyticsRollups(writer.db, TZ, NOW)).foldedShipments).toBe(0);
    await expectRollupsEqualTheLog();
  });

  it('a writer holding its transaction open does not stall the refresh; its event is folded once it commits', async () => {
    const open = await openEventForE('Delivered', '2026-11-14 10:00');
    const laterId = await committedParcel(91, '2026-11-14');
    expect(laterId).toBeGreaterThan(open.id);

    // The refresh gives up waiting (lock_timeout) and folds no events this time, not even the committed later one…
    const first = await refreshAnalyticsRollups(writer.db, TZ, NOW);
    expect(first.foldedShipments).toBe(0);
    const { events_upto } = await writer.db.selectFrom('analytics_state').select('events_upto').executeTakeFirstOrThrow();
    expect(Number(events_upto)).toBeLessThan(open.id);

    // …and the next one, after the commit, folds both.
    await open.commit();
    const second = await refreshAnalyticsRollups(writer.db, TZ, NOW);
    expect(second.foldedShipments).toBe(2);
    await expectRollupsEqualTheLog();
  });
});
