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
const WARM_UP = 600;

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
 * Carrier-event ingest against the floor: raw better-sqlite3 writing the same rows (the event
 * with its carrier id, the shipment's status and public timeline) with prepared statements in
 * transactions of the same size, both with synchronous=FULL on the same disk in the same run.
 * The service path includes checking each event, the one read of the batch's parcels, the
 * dedupe guard (ON CONFLICT on the unique index), the state machine and the guarded update.
 */
export async function benchCarrierIngest() {
  console.log(`\nCarrier event ingest (${PARCELS} events in pushes of ${BATCH}, synchronous=FULL)`);
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-carrier-bench-'));
  try {
    const app = await fixture(dir, 'carrier.db');
    const events = app.trackingNos.map((trackingNo, i) => ({ eventId: `ev-${i}`, trackingNo, status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 21, 1) + i, place: { province: '广东省', city: '深圳市' } }));
    const push = async (from: number, to: number) => {
      for (let i = from; i < to; i += BATCH) {
        const { results } = await receiveCarrierEvents(app.handle.db, { id: app.carrierId, code: 'sf' }, events.slice(i, Math.min(i + BATCH, to)), Date.now());
        if (results.some((r) => r.outcome !== 'applied')) throw new Error(`bench event not applied: ${JSON.stringify(results.find((r) => r.outcome !== 'applied'))}`);
      }
    };
    await push(0, WARM_UP);
    let started = performance.now();
    await push(WARM_UP, events.length);
    const serviceRate = PARCELS / ((performance.now() - started) / 1000);

    const raw = await fixture(dir, 'raw.db');
    const conn = raw.handle.sqlite!;
    const shipments = raw.trackingNos.map((no) => conn.prepare('select id, public_timeline from shipments where tracking_no = ?').get(no) as { id: number; public_timeline: string });
    const insertEvent = conn.prepare(
      `insert into tracking_events (shipment_id, status, sub_status, occurred_at, recorded_at, province, city, actor_type, actor_id, carrier_code, carrier_event_id)
       values (?, 'OutForDelivery', 'OutForDelivery_001', ?, ?, '广东省', '深圳市', 'carrier', ?, 'sf', ?)`,
    );
    const updateShipment = conn.prepare(
      `update shipments set status = 'OutForDelivery', sub_status = 'OutForDelivery_001', version = version + 1, updated_at = ?, public_timeline = ? where id = ?`,
    );
    const writeBatch = conn.transaction((from: number) => {
      for (let i = from; i < Math.min(from + BATCH, shipments.length); i++) {
        const now = Date.now();
        insertEvent.run(shipments[i]!.id, now, now, raw.carrierId, `ev-${i}`);
        const timeline = JSON.parse(shipments[i]!.public_timeline) as unknown[];
        timeline.unshift({ status: 'OutForDelivery', subStatus: 'OutForDelivery_001', occurredAt: now, place: { province: '广东省', city: '深圳市' }, reasonCode: null });
        updateShipment.run(now, JSON.stringify(timeline), shipments[i]!.id);
      }
    });
    for (let i = 0; i < WARM_UP; i += BATCH) writeBatch(i);
    started = performance.now();
    for (let i = WARM_UP; i < shipments.length; i += BATCH) writeBatch(i);
    const rawRate = PARCELS / ((performance.now() - started) / 1000);

    await app.handle.close();
    await raw.handle.close();
    line('raw better-sqlite3, same rows', `${rawRate.toFixed(0)} events/s`, '', null);
    line('carrier push service path', `${serviceRate.toFixed(0)} events/s`, '', null);
    line('carrier ingest as a share of raw', `${((serviceRate / rawRate) * 100).toFixed(0)} %`, '≥ 50 %', serviceRate / rawRate >= 0.5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
