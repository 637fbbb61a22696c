import { expect } from 'vitest';
import type { Kysely } from 'kysely';
import type { Hono } from 'hono';
import type { CarrierEventResult } from '../../shared/api/carriers';
import type { Database } from '../../server/db/schema';
import { signCarrierPush } from '../../server/domain/carriers/push-signature';
import { addShipment, createOrder } from '../support/order-fixtures';

export const SECRET = 'carrier-test-secret-0123456789';
export const SALT = 'carrier-test-salt';
export const T0 = Date.UTC(2026, 10, 20, 6, 0, 0);
const HOUR = 3_600_000;

export interface CarrierTestApp {
  app: Hono;
  db: Kysely<Database>;
  now: () => number;
}

/** A signed generic push, as a carrier sends it (signed `at` the app's clock unless told). */
export function push(t: CarrierTestApp, code: string, body: unknown, options: { secret?: string; at?: number; header?: string | null } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const at = Math.floor((options.at ?? t.now()) / 1000);
  const header = options.header === undefined ? signCarrierPush(options.secret ?? SECRET, raw, at) : options.header;
  return t.app.request(`/api/carriers/${code}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(header === null ? {} : { 'x-doorstep-signature': header }) },
    body: raw,
  });
}

export async function pushResults(t: CarrierTestApp, code: string, events: unknown[]): Promise<CarrierEventResult[]> {
  const res = await push(t, code, { events });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: CarrierEventResult[] }).results;
}

/** A parcel handed over to `carrierCode` (as the hand-over scan will leave it), not moved since. */
export async function carrierParcel(db: Kysely<Database>, carrierCode: string | null, status: 'InfoReceived' | 'InTransit' = 'InfoReceived') {
  const order = await createOrder(db);
  const parcel = await addShipment(db, order.orderId, { status });
  await db.updateTable('shipments').set({ carrier_code: carrierCode, handed_over_at: T0 }).where('id', '=', parcel.shipmentId).execute();
  return parcel;
}

export const journey = (trackingNo: string) => [
  { eventId: 'e1', trackingNo, status: 'InTransit', subStatus: 'InTransit_002', occurredAt: T0 + 1 * HOUR, place: { province: '浙江省', city: '杭州市' }, description: '顺丰速运 已收取快件' },
  { eventId: 'e2', trackingNo, status: 'InTransit', subStatus: 'InTransit_003', occurredAt: new Date(T0 + 5 * HOUR).toISOString(), place: { province: '上海市', city: '上海市' } },
  { eventId: 'e3', trackingNo, status: 'OutForDelivery', occurredAt: T0 + 20 * HOUR },
  { eventId: 'e4', trackingNo, status: 'Delivered', subStatus: 'Delivered_002', occurredAt: '2026-11-21T15:00:00+08:00' },
];

/**
 * The test: each event sent three times (concurrently) and out of order; afterwards
 * one row per event, the timeline in time order, the status where the newest event put it.
 */
export async function sendThreeTimesOutOfOrder(t: CarrierTestApp, code: string): Promise<void> {
  // Handed over and moving (the machine wants InTransit before OutForDelivery).
  const parcel = await carrierParcel(t.db, code, 'InTransit');
  const [e1, e2, e3, e4] = journey(parcel.trackingNo);
  // The newest step first, then the rest in a scrambled order, each push three times at once.
  const first = await pushResults(t, code, [e3]);
  expect(first).toEqual([{ eventId: 'e3', outcome: 'applied' }]);
  const batches = [[e2, e4, e1], [e1, e3, e2, e4], [e4, e2]];
  const answers = await Promise.all(batches.flatMap((b) => [b, b, b]).map((b) => pushResults(t, code, b)));

  const all = answers.flat();
  // Every event applied or recorded exactly once over the nine pushes; every other copy a duplicate.
  for (const id of ['e1', 'e2', 'e4']) {
    const firsts = all.filter((r) => r.eventId === id && r.outcome !== 'duplicate');
    expect(firsts, id).toHaveLength(1);
  }
  expect(all.filter((r) => r.eventId === 'e3').every((r) => r.outcome === 'duplicate')).toBe(true);
  expect(all.find((r) => r.eventId === 'e1' && r.outcome !== 'duplicate')?.outcome).toBe('recorded_late');
  expect(all.find((r) => r.eventId === 'e2' && r.outcome !== 'duplicate')?.outcome).toBe('recorded_late');
  expect(all.find((r) => r.eventId === 'e4' && r.outcome !== 'duplicate')?.outcome).toBe('applied');

  const rows = await t.db
    .selectFrom('tracking_events')
    .select(['carrier_event_id', 'status', 'sub_status', 'occurred_at', 'actor_type', 'carrier_code'])
    .where('shipment_id', '=', parcel.shipmentId)
    .orderBy('occurred_at')
    .execute();
  expect(rows.map((r) => [r.carrier_event_id, r.status, r.sub_status, Number(r.occurred_at), r.carrier_code, r.actor_type])).toEqual([
    ['e1', 'InTransit', 'InTransit_002', T0 + 1 * HOUR, code, 'carrier'],
    ['e2', 'InTransit', 'InTransit_003', T0 + 5 * HOUR, code, 'carrier'],
    ['e3', 'OutForDelivery', 'OutForDelivery_001', T0 + 20 * HOUR, code, 'carrier'],
    ['e4', 'Delivered', 'Delivered_002', Date.UTC(2026, 10, 21, 7, 0, 0), code, 'carrier'],
  ]);
  const shipment = await t.db.selectFrom('shipments').selectAll().where('id', '=', parcel.shipmentId).executeTakeFirstOrThrow();
  expect([shipment.status, shipment.sub_status, Number(shipment.delivered_at)]).toEqual(['Delivered', 'Delivered_002', Date.UTC(2026, 10, 21, 7, 0, 0)]);
  const timeline = JSON.parse(shipment.public_timeline) as { subStatus: string; occurredAt: number }[];
  expect(timeline.map((e) => e.subStatus)).toEqual(['Delivered_002', 'OutForDelivery_001', 'InTransit_003', 'InTransit_002']);

  // The public page shows the same four, newest first.
  const view = (await (await t.app.request(`/api/track/${parcel.trackingNo}`)).json()) as { status: string; events: { subStatus: string }[] };
  expect(view.status).toBe('Delivered');
  expect(view.events.map((e) => e.subStatus)).toEqual(['Delivered_002', 'OutForDelivery_001', 'InTransit_003', 'InTransit_002']);
}
