import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { TrackingStatus } from '../../shared/tracking/statuses';
import { listWarehouses, type Warehouse } from '../domain/catalog/warehouse-repository';
import { takeOrder } from '../domain/orders/order-intake';
import { payOrder } from '../domain/order-lifecycle/order-payment';
import { simulatedPaymentProvider } from '../domain/payments/simulated-payment-provider';
import { SYSTEM_ACTOR } from '../domain/stock/stock-actor';
import { createWave, scanForWave, waveView } from '../domain/fulfilment/wave-service';
import { loadPackingView, packOrder } from '../domain/fulfilment/packing-service';
import { handOverParcels, loadHandoverQueue } from '../domain/handover/handover-service';
import type { CarrierEventInput } from '../domain/carriers/carrier-event-service';
import { DEMO_CARRIER, ensureDemoCarrier, pushDemoCarrierEvents } from './demo-carrier';
import { DEMO_STAFF, DEMO_WAREHOUSE_WORKERS } from './demo-accounts';
import { Random } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A barcode on no shelf of the demo: what a picker scans when they take the wrong box. */
const WRONG_BARCODE = '6900000000000';

export interface DemoFulfilmentResult {
  waves: number;
  packed: number;
  toCouriers: number;
  toCarrier: number;
  carrierEvents: number;
}

/**
 * The last two days of the demo shop played through the warehouse the way people would use
 * it, through the same services as the warehouse face and the carrier's pushes: orders paid,
 * a pick wave per warehouse walked in bin order with a wrong box scanned now and then, each
 * order packed and weighed, the parcels handed over — to the courier serving the district, or
 * to the demo carrier 顺丰 (always where no courier serves it, and every third parcel besides)
 * — and the carrier's events pushed in, one batch twice, as carriers do. The orders
 * seedDemoShop just paid are newer and stay waiting, so the warehouse face has a wave to start.
 */
export async function playDemoFulfilment(db: Kysely<Database>, options: { now: number; timeZone: string }): Promise<DemoFulfilmentResult> {
  const { now, timeZone } = options;
  const start = now - 46 * HOUR;
  const random = new Random(20261206);
  const warehouses = await listWarehouses(db);
  const staff = await staffIds(db);
  await ensureDemoCarrier(db, start - 24 * HOUR);

  const placed = await placeAndPay(db, warehouses, random, start, timeZone);
  const result: DemoFulfilmentResult = { waves: 0, packed: 0, toCouriers: 0, toCarrier: 0, carrierEvents: 0 };
  const carrierParcels: Array<{ trackingNo: string; handedOverAt: number; city: string; province: string }> = [];

  for (const [w, warehouse] of warehouses.entries()) {
    const orders = placed.get(warehouse.id) ?? 0;
    if (orders === 0) continue;
    const staffId = staff.workers.get(warehouse.id) ?? staff.ops;
    // A warehouse's day after another's, so 顺丰's parcels are at every step by `now`: the
    // first ones delivered, the last ones still on their way (for trying a push by hand).
    let at = start + 2 * HOUR + w * 8 * HOUR;
    const ctx = () => ({ warehouse, staffId, now: at, timeZone });

    // The oldest paid orders first: exactly the ones placed above, older than the shop's fresh ones.
    const wave = await db.transaction().execute((trx) => createWave(trx, orders, ctx()));
    result.waves += 1;
    const view = await waveView(db, warehouse, wave.waveNo);
    for (const [i, stop] of view.stops.entries()) {
      // A wrong box now and then, refused and counted against pick accuracy.
      if (i % 3 === 1) {
        at += 40_000;
        await db.transaction().execute((trx) => scanForWave(trx, wave.waveNo, WRONG_BARCODE, ctx()));
      }
      for (let unit = 0; unit < stop.quantity; unit++) {
        at += random.int(15, 50) * 1000;
        await db.transaction().execute((trx) => scanForWave(trx, wave.waveNo, stop.barcode ?? stop.sku, ctx()));
      }
    }

    at += 20 * MINUTE;
    for (const order of view.orders) {
      const packing = await loadPackingView(db, warehouse, order.orderNo);
      const lines = packing.lines.map((line) => ({ sku: line.sku, quantity: line.quantity }));
      const weightGrams = Math.max(50, (packing.expectedWeightGrams ?? 500) + random.int(20, 120));
      at += random.int(2, 5) * MINUTE;
      await db.transaction().execute((trx) => packOrder(trx, order.orderNo, { lines, weightGrams }, { ...ctx(), publicUrl: '' }));
      result.packed += 1;
    }

    // The afternoon collection: couriers take their districts, the carrier the rest.
    at += 2 * HOUR;
    const queue = await loadHandoverQueue(db, warehouse);
    const toCourier = queue.parcels.filter((p, i) => p.suggestedCourier && i % 3 !== 2).map((p) => p.trackingNo);
    const toCarrier = queue.parcels.filter((p) => !toCourier.includes(p.trackingNo));
    if (toCourier.length > 0) {
      await handOverParcels(db, warehouse, { trackingNos: toCourier, to: { kind: 'courier' } }, { now: at, timeZone });
      result.toCouriers += toCourier.length;
    }
    if (toCarrier.length > 0) {
      at += 10 * MINUTE;
      await handOverParcels(db, warehouse, { trackingNos: toCarrier.map((p) => p.trackingNo), to: { kind: 'carrier', carrierCode: DEMO_CARRIER.code } }, { now: at, timeZone });
      result.toCarrier += toCarrier.length;
      for (const p of toCarrier) carrierParcels.push({ trackingNo: p.trackingNo, handedOverAt: at, city: p.destination.city, province: p.destination.province });
    }
  }

  result.carrierEvents = await pushCarrierJourneys(db, carrierParcels, now);
  return result;
}

/** The demo worker of each warehouse that has one; ops staff pick where none does. */
async function staffIds(db: Kysely<Database>): Promise<{ workers: Map<number, number>; ops: number }> {
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'email', 'warehouse_id'])
    .where('email', 'in', [...DEMO_WAREHOUSE_WORKERS.map((w) => w.email), DEMO_STAFF[0]!.email])
    .execute();
  const workers = new Map(rows.filter((r) => r.warehouse_id !== null).map((r) => [r.warehouse_id!, r.id]));
  const ops = rows.find((r) => r.email === DEMO_STAFF[0]!.email)?.id;
  if (ops === undefined) throw new Error('The demo staff account is missing');
  return { workers, ops };
}

/**
 * Two or three orders for each warehouse's own provinces, from buyers of the demo's history
 * there, placed and paid through order intake (stock reserved with them) over the first hour.
 */
async function placeAndPay(db: Kysely<Database>, warehouses: readonly Warehouse[], random: Random, start: number, timeZone: string): Promise<Map<number, number>> {
  const payments = simulatedPaymentProvider(db, () => start);
  const skus = (await db.selectFrom('products').select('sku').where('barcode', 'is not', null).orderBy('sku').execute()).map((p) => p.sku);
  const placed = new Map<number, number>();
  let at = start;
  for (const warehouse of warehouses) {
    const buyers = await db
      .selectFrom('orders')
      .select(['recipient_name', 'recipient_phone', 'province', 'city', 'district', 'street', 'lat', 'lng'])
      .where('province', 'in', warehouse.provinces.length > 0 ? warehouse.provinces : [''])
      .orderBy('id')
      .limit(3)
      .execute();
    for (const buyer of buyers) {
      at += random.int(3, 12) * MINUTE;
      const lines = [...new Set([random.pick(skus), random.pick(skus)])].map((sku) => ({ sku, quantity: random.int(1, 2) }));
      const customer = { name: buyer.recipient_name, phone: buyer.recipient_phone, address: { province: buyer.province, city: buyer.city, district: buyer.district, street: buyer.street } };
      const orderId = await db.transaction().execute((trx) => takeOrder(trx, { customer, lines }, { now: at, payWithinMs: 30 * MINUTE, timeZone, apiKeyId: null, actor: SYSTEM_ACTOR }));
      // The same door as the buyer's earlier order, so the courier's map and round place it
      // (the shop API takes addresses without coordinates; the demo's history has them).
      await db.updateTable('orders').set({ lat: buyer.lat, lng: buyer.lng }).where('id', '=', orderId).execute();
      const order = await db.selectFrom('orders').select('order_no').where('id', '=', orderId).executeTakeFirstOrThrow();
      await payOrder(db, payments, order.order_no, at + random.int(1, 6) * MINUTE);
      // The line may ship from another warehouse when this one is short: count by where it ships.
      const from = await db.selectFrom('order_items').select('warehouse_id').where('order_id', '=', orderId).execute();
      for (const id of new Set(from.map((l) => l.warehouse_id).filter((x): x is number => x !== null))) placed.set(id, (placed.get(id) ?? 0) + 1);
    }
  }
  return placed;
}

/**
 * What 顺丰 tells of its parcels: at the destination city's hub some hours after collection,
 * out for delivery the next morning, delivered — each only once its time has passed. The
 * first batch is pushed twice (carriers repeat themselves); the repeat adds nothing.
 */
async function pushCarrierJourneys(
  db: Kysely<Database>,
  parcels: ReadonlyArray<{ trackingNo: string; handedOverAt: number; city: string; province: string }>,
  now: number,
): Promise<number> {
  const steps: Array<{ after: number; status: TrackingStatus; subStatus: string; description: string }> = [
    { after: 9 * HOUR, status: 'InTransit', subStatus: 'InTransit_003', description: '快件已到达目的地转运中心' },
    { after: 22 * HOUR, status: 'OutForDelivery', subStatus: 'OutForDelivery_001', description: '快递员正在为您派件' },
    { after: 26 * HOUR, status: 'Delivered', subStatus: 'Delivered_001', description: '已签收，感谢使用顺丰' },
  ];
  const events: CarrierEventInput[] = parcels.flatMap((p) =>
    steps
      .filter((s) => p.handedOverAt + s.after < now)
      .map((s, i) => ({
        eventId: `${p.trackingNo}-${i + 1}`,
        trackingNo: p.trackingNo,
        status: s.status,
        subStatus: s.subStatus,
        occurredAt: p.handedOverAt + s.after,
        place: { province: p.province, city: p.city },
        description: s.description,
      })),
  );
  if (events.length === 0) return 0;
  const first = events.filter((e) => e.eventId.endsWith('-1'));
  await pushDemoCarrierEvents(db, first, now);
  await pushDemoCarrierEvents(db, first, now);
  await pushDemoCarrierEvents(db, events.filter((e) => !e.eventId.endsWith('-1')), now);
  return events.length;
}
