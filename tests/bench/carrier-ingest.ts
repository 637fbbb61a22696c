import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { insertCarrier } from '../../server/domain/carriers/carrier-repository';
import { receiveCarrierEvents } from '../../server/domain/carriers/carrier-event-service';
import { createParcel } from '../support/factories';
import { line } from './bench-support';

const PARCELS = 3_000;
const BATCH = 100;
/** Parcels pushed before the clock starts, on both paths: the timed part measures warm code, not the JIT. */
const WARM_UP = 3_000;

/** A fresh database with PARCELS parcels in transit, handed over to carrier `sf`. */
async function fixture(dir: string, name: string) {
  const handle = createDb(`sqlite:${join(dir, name)}`);
  await migrateToLatest(handle.db);
  await insertCarrier(handle.db, { code: 'sf', name: '顺丰速运', secret: 'bench-secret-0123456789', kuaidi100Salt: null }, 0);
  const carrier = await handle.db.selectFrom('carriers').select('id').where('code', '=', 'sf').executeTakeFirstOrThrow();
  const trackingNos: string[] = [];
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < WARM_UP + PARCELS; i++) {
      trackingNos.push((await createParcel(trx, { events: [{ status: 'InTransit', occurredAt: Date.UTC(2026, 10, 20) }] })).trackingNo);
    }
    await trx.updateTable('shipments').set({ carrier_code: 'sf' }).execute();
  });
  return { handle, carrierId: carrier.id, trackingNos };
}

/**
 * Carrier-event ingest against the floor: raw better-sqlite3 doing the same work with prepared
 * statements in transactions of the same size (find each parcel by its tracking number, write
 * the event with its carrier id, the shipment's status and public timeline), both with
 * synchronous=FULL on the same disk. The two paths take turns, push by push, so both see the
 * disk and the page cache in the same state (run one after the other, the second one ran on a
 * warmer disk and fsyncs differed by half). The service path includes checking each event,
 * the one read of the batch's parcels, the dedupe guard (ON CONFLICT on the unique index), the
 * state machine and the guarded update.
 */
export async function benchCarrierIngest() {
  console.log(`\nCarrier event ingest (${PARCELS} events in pushes of ${BATCH}, synchronous=FULL)`);
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-carrier-bench-'));
  try {
    const app = await fixture(dir, 'carrier.db');
    const raw = await fixture(dir, 'raw.db');
    const events = app.trackingNos.map((trackingNo, i) => ({ eventId: `ev-${i}`, trackingNo, status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 21, 1) + i, place: { province: '广东省', city: '深圳市' } }));
    const servicePush = async (from: number) => {
      const { results } = await receiveCarrierEvents(app.handle.db, { id: app.carrierId, code: 'sf' }, events.slice(from, from + BATCH), Date.now());
      if (results.some((r) => r.outcome !== 'applied')) throw new Error(`bench event not applied: ${JSON.stringify(results.find((r) => r.outcome !== 'applied'))}`);
    };

    const conn = raw.handle.sqlite!;
    const findShipment = conn.prepare('select id, public_timeline from shipments where tracking_no = ?');
    const insertEvent = conn.prepare(
      `insert into tracking_events (shipment_id, status, sub_status, occurred_at, recorded_at, province, city, actor_type, actor_id, carrier_code, carrier_event_id)
       values (?, 'OutForDelivery', 'OutForDelivery_001', ?, ?, '广东省', '深圳市', 'carrier', ?, 'sf', ?)`,
    );
    const updateShipment = conn.prepare(
      `update shipments set status = 'OutForDelivery', sub_status = 'OutForDelivery_001', version = version + 1, updated_at = ?, public_timeline = ? where id = ?`,
    );
    const rawPush = conn.transaction((from: number) => {
      for (let i = from; i < Math.min(from + BATCH, raw.trackingNos.length); i++) {
        const now = Date.now();
        const shipment = findShipment.get(raw.trackingNos[i]) as { id: number; public_timeline: string };
        insertEvent.run(shipment.id, now, now, raw.carrierId, `ev-${i}`);
        const timeline = JSON.parse(shipment.public_timeline) as unknown[];
        timeline.unshift({ status: 'OutForDelivery', subStatus: 'OutForDelivery_001', occurredAt: now, place: { province: '广东省', city: '深圳市' }, reasonCode: null });
        updateShipment.run(now, JSON.stringify(timeline), shipment.id);
      }
    });

    let serviceMs = 0;
    let rawMs = 0;
    for (let from = 0; from < events.length; from += BATCH) {
      let started = performance.now();
      await servicePush(from);
      const serviceTook = performance.now() - started;
      started = performance.now();
      rawPush(from);
      const rawTook = performance.now() - started;
      if (from >= WARM_UP) {
        serviceMs += serviceTook;
        rawMs += rawTook;
      }
    }
    const serviceRate = PARCELS / (serviceMs / 1000);
    const rawRate = PARCELS / (rawMs / 1000);

    await app.handle.close();
    await raw.handle.close();
    line('raw better-sqlite3, same rows', `${rawRate.toFixed(0)} events/s`, '', null);
    line('carrier push service path', `${serviceRate.toFixed(0)} events/s`, '', null);
    line('carrier ingest as a share of raw', `${((serviceRate / rawRate) * 100).toFixed(0)} %`, '≥ 50 %', serviceRate / rawRate >= 0.5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
