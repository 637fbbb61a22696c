import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { PostgresTrackingBus, packPayloads } from '../../server/domain/tracking/postgres-tracking-bus';
import { InProcessTrackingBus, type TrackingBus } from '../../server/domain/tracking/tracking-bus';
import { silentLogger } from '../../server/http/logger';
import { freePort } from '../support/free-port';
import { startPostgres } from '../support/postgres-server';
import { waitFor } from '../support/wait-for';

/**
 * One contract, two buses. `sender` publishes, `receiver` is where listeners are: the same
 * bus in one process, two instances' buses on PostgreSQL.
 */
interface BusPair {
  sender: TrackingBus;
  receiver: TrackingBus;
}

function heard(bus: TrackingBus, trackingNo: string) {
  let count = 0;
  const unsubscribe = bus.subscribe(trackingNo, () => count++);
  return {
    get count() {
      return count;
    },
    unsubscribe,
  };
}

function busContract(name: string, pair: () => BusPair) {
  describe(`the tracking bus: ${name}`, () => {
    it('tells a parcel\'s listeners of its change, and no one else', async () => {
      const { sender, receiver } = pair();
      const mine = heard(receiver, 'SF1000000001');
      const other = heard(receiver, 'SF1000000002');
      sender.publish('SF1000000001');
      await waitFor('the change to arrive', () => mine.count === 1, 1_000);
      // A later change to the other parcel arrives after the first, so the first one's absence is real.
      sender.publish('SF1000000002');
      await waitFor('the second change to arrive', () => other.count === 1, 1_000);
      expect(mine.count).toBe(1);
      mine.unsubscribe();
      other.unsubscribe();
      expect(receiver.listenerCount('SF1000000001')).toBe(0);
    });

    it('stops telling a listener once it unsubscribes', async () => {
      const { sender, receiver } = pair();
      const gone = heard(receiver, 'SF1000000003');
      const stays = heard(receiver, 'SF1000000003');
      gone.unsubscribe();
      sender.publish('SF1000000003');
      await waitFor('the change to arrive', () => stays.count === 1, 1_000);
      expect(gone.count).toBe(0);
      stays.unsubscribe();
    });

    it('tells whole-bus listeners (caches) every parcel of a batch', async () => {
      const { sender, receiver } = pair();
      const seen: Array<string | null> = [];
      const unsubscribe = receiver.subscribeAll((no) => seen.push(no));
      const batch = Array.from({ length: 600 }, (_, i) => `SF2${String(i).padStart(9, '0')}`);
      for (const no of batch) sender.publish(no);
      await waitFor('the whole batch to arrive', () => seen.length >= batch.length, 2_000);
      expect([...seen].sort()).toEqual(batch);
      unsubscribe();
    });
  });
}

busContract('in one process', () => {
  const bus = new InProcessTrackingBus();
  return { sender: bus, receiver: bus };
});

let pg: ReturnType<typeof startPostgres>;
let handle: DatabaseHandle;
let instanceA: PostgresTrackingBus;
let instanceB: PostgresTrackingBus;
const lags: number[] = [];

beforeAll(async () => {
  pg = startPostgres(await freePort());
  handle = createDb(pg.url);
  instanceA = await PostgresTrackingBus.connect({ db: handle.db, url: pg.url, logger: silentLogger });
  instanceB = await PostgresTrackingBus.connect({ db: handle.db, url: pg.url, logger: silentLogger, onLag: (s) => lags.push(s) });
}, 60_000);
afterAll(async () => {
  await instanceA?.close();
  await instanceB?.close();
  await handle?.close();
  pg?.stop();
});

busContract('two instances on PostgreSQL (LISTEN/NOTIFY)', () => ({ sender: instanceA, receiver: instanceB }));
busContract('an instance hearing itself on PostgreSQL', () => ({ sender: instanceA, receiver: instanceA }));

describe('the PostgreSQL bus', () => {
  it('reports how long a message took to cross', async () => {
    const before = lags.length;
    const listener = heard(instanceB, 'SF3000000001');
    instanceA.publish('SF3000000001');
    await waitFor('the change to arrive', () => listener.count === 1, 1_000);
    // Earlier suites' messages from A may still be arriving: at least this one was measured.
    expect(lags.length).toBeGreaterThan(before);
    expect(lags.at(-1)).toBeGreaterThanOrEqual(0);
    expect(lags.at(-1)).toBeLessThan(1);
    listener.unsubscribe();
  });

  it('does not deliver an instance\'s own message twice', async () => {
    const listener = heard(instanceA, 'SF3000000002');
    const onB = heard(instanceB, 'SF3000000002');
    instanceA.publish('SF3000000002');
    await waitFor('the change to reach B', () => onB.count === 1, 1_000);
    // B heard it through PostgreSQL, so A's own copy from PostgreSQL has arrived (and was dropped) too.
    const marker = heard(instanceB, 'SF3000000003');
    instanceA.publish('SF3000000003');
    await waitFor('a second message to reach B', () => marker.count === 1, 1_000);
    expect(listener.count).toBe(1);
    marker.unsubscribe();
    listener.unsubscribe();
    onB.unsubscribe();
  });

  it('reconnects after losing its connection and tells every listener to read afresh', async () => {
    const listener = heard(instanceB, 'SF3000000004');
    const cache: Array<string | null> = [];
    const unsubscribe = instanceB.subscribeAll((no) => cache.push(no));
    // The server drops B's listening connection (a restart, a network cut, an idle timeout).
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN doorstep_tracking' and pid <> pg_backend_pid()`.execute(handle.db);
    await waitFor('B to reconnect and flag a possible gap', () => cache.includes(null), 5_000);
    expect(listener.count).toBeGreaterThanOrEqual(1);
    // A lost its connection too (both listened with the same statement); both hear again.
    const after = listener.count;
    instanceA.publish('SF3000000004');
    await waitFor('a change after reconnecting to arrive', () => listener.count === after + 1, 5_000);
    unsubscribe();
    listener.unsubscribe();
  });

  it('packs a batch into as few NOTIFY payloads as fit the 8000-byte limit', () => {
    const nos = Array.from({ length: 1_000 }, (_, i) => `SF4${String(i).padStart(9, '0')}`);
    const payloads = packPayloads('abcd1234|1700000000000|', nos);
    expect(payloads.length).toBe(2);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8_000);
    expect(payloads.flatMap((p) => p.split('|')[2]!.split(','))).toEqual(nos);
    expect(packPayloads('x|1|', [])).toEqual([]);
  });

  it('publishes nothing after close', async () => {
    const bus = await PostgresTrackingBus.connect({ db: handle.db, url: pg.url, logger: silentLogger });
    await bus.close();
    const onB = heard(instanceB, 'SF3000000005');
    bus.publish('SF3000000005');
    const marker = heard(instanceB, 'SF3000000006');
    instanceA.publish('SF3000000006');
    await waitFor('a later message to reach B', () => marker.count >= 1, 1_000);
    expect(onB.count).toBe(0);
    marker.unsubscribe();
    onB.unsubscribe();
  });
});
