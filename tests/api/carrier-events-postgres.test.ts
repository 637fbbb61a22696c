import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { insertCarrier } from '../../server/domain/carriers/carrier-repository';
import { freePort } from '../support/free-port';
import { testDeps } from '../support/app-deps';
import { startPostgres } from '../support/postgres-server';
import { carrierParcel, journey, pushResults, SALT, SECRET, sendThreeTimesOutOfOrder, type CarrierTestApp } from './carrier-events-scenario';

// Concurrent pushes of the same events on a real PostgreSQL server: the unique index makes the
// second writer wait and skip, a moved parcel makes a batch retry.
let pg: ReturnType<typeof startPostgres>;
let handle: DatabaseHandle;
let t: CarrierTestApp;
const now = Date.UTC(2026, 10, 21, 4, 0, 0);

beforeAll(async () => {
  pg = startPostgres(await freePort());
  handle = createDb(pg.url);
  await migrateToLatest(handle.db);
  t = { app: createApp(testDeps(handle.db, () => now)), db: handle.db, now: () => now };
  await insertCarrier(handle.db, { code: 'sf', name: '顺丰速运', secret: SECRET, kuaidi100Salt: SALT }, now);
}, 60_000);
afterAll(async () => {
  await handle?.close();
  pg?.stop();
});

describe('carrier events on PostgreSQL', () => {
  it('applies each event once however often and in whatever order it arrives, in time order', async () => {
    await sendThreeTimesOutOfOrder(t, 'sf');
  });

  it('applies different events for one parcel pushed at once (retrying the batch that lost the race)', async () => {
    const parcel = await carrierParcel(t.db, 'sf', 'InTransit');
    // New ids: an event id is the carrier's, unique across all its parcels (the first test used e1…e4).
    const events = journey(parcel.trackingNo).map((e) => ({ ...e, eventId: `race-${e.eventId}` }));
    const answers = await Promise.all(events.map((e) => pushResults(t, 'sf', [e])));
    expect(answers.flat().filter((r) => r.outcome === 'duplicate' || r.outcome === 'rejected')).toEqual([]);
    const rows = await t.db.selectFrom('tracking_events').select('carrier_event_id').where('shipment_id', '=', parcel.shipmentId).orderBy('occurred_at').execute();
    expect(rows.map((r) => r.carrier_event_id)).toEqual(['race-e1', 'race-e2', 'race-e3', 'race-e4']);
    const shipment = await t.db.selectFrom('shipments').select(['status', 'public_timeline']).where('id', '=', parcel.shipmentId).executeTakeFirstOrThrow();
    expect((JSON.parse(shipment.public_timeline) as unknown[]).length).toBe(4);
  });
});
