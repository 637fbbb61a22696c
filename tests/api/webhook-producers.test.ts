import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCourier } from '../support/accounts';
import { report, signIn, sync } from '../support/courier-fixtures';
import { createParcel } from '../support/factories';
import { createTestApp } from '../support/test-app';
import { GUANGZHOU_WAREHOUSE, seedShop, shopJson, shopKey } from '../support/shop-fixtures';
import { parcelInException, send, staff, type TestApp } from './ops-desk-fixtures';
import { carrierParcel, journey, pushResults, SECRET } from './carrier-events-scenario';

// Where parcels move, the shop's webhooks are queued in the same transaction.
let t: TestApp;

beforeEach(async () => {
  t = await createTestApp({ webhookAllowPrivate: true });
  const cookie = await staff(t);
  const res = await send(t, 'POST', '/api/ops/webhooks', { url: 'http://127.0.0.1:9/h', events: ['shipment.status_changed', 'shipment.exception', 'stock.low'] }, cookie);
  expect(res.status).toBe(201);
}, 30_000);
afterEach(() => t.dispose());

const queued = async () =>
  (await t.db.selectFrom('webhook_deliveries').select(['event_type', 'payload']).orderBy('id').execute()).map((r) => ({ type: r.event_type, data: (JSON.parse(r.payload) as { data: Record<string, unknown> }).data }));

describe('shipment webhooks', () => {
  it('a tracking event (applyTrackingEvent) queues status_changed, and exception when it becomes Exception', async () => {
    const courier = await createCourier(t.db);
    const before = await t.db.selectFrom('webhook_deliveries').select('id').execute();
    const parcel = await parcelInException(t, courier.id, t.now());
    const all = await queued();
    // The fixture's own earlier events are told too; the last two are the move into Exception.
    expect(all.length).toBeGreaterThan(before.length);
    expect(all.slice(-2)).toEqual([
      { type: 'shipment.status_changed', data: { trackingNo: parcel.trackingNo, from: 'OutForDelivery', to: 'Exception', subStatus: 'Exception_003', occurredAt: t.now() } },
      { type: 'shipment.exception', data: { trackingNo: parcel.trackingNo, subStatus: 'Exception_003', reasonCode: 'refused', occurredAt: t.now() } },
    ]);
  });

  it('a courier sync batch queues one status_changed per applied report, in the batch transaction', async () => {
    const me = await createCourier(t.db);
    const cookie = await signIn(t, me.phone);
    const parcel = await createParcel(t.db, { courierId: me.id, events: [{ status: 'InTransit', subStatus: 'InTransit_005', occurredAt: Date.UTC(2026, 10, 21, 0) }] });
    const start = (await queued()).length;
    const out = report({ trackingNo: parcel.trackingNo, kind: 'out_for_delivery', shipmentVersion: 2, occurredAt: Date.UTC(2026, 10, 21, 2) });
    const res = await sync(t, cookie, [out]);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { results: Array<{ outcome: string }> }).results[0]!.outcome).toBe('applied');
    // Sent again: a duplicate changes nothing and tells nothing.
    await sync(t, cookie, [out]);
    const told = (await queued()).slice(start);
    expect(told).toEqual([{ type: 'shipment.status_changed', data: { trackingNo: parcel.trackingNo, from: 'InTransit', to: 'OutForDelivery', subStatus: expect.any(String), occurredAt: out.occurredAt } }]);
  });

  it('a carrier push queues one status_changed per move, none for a late or repeated event', async () => {
    const cookie = await staff(t);
    expect((await send(t, 'POST', '/api/ops/carriers', { code: 'sf', name: '顺丰速运', secret: SECRET }, cookie)).status).toBe(201);
    const parcel = await carrierParcel(t.db, 'sf', 'InTransit');
    const [e1, e2, e3] = journey(parcel.trackingNo);
    const start = (await queued()).length;
    await pushResults(t, 'sf', [e3, e1]);
    await pushResults(t, 'sf', [e3, e2]);
    const told = (await queued()).slice(start);
    // e3 moves InTransit → OutForDelivery; e1 and e2 arrive after it (late) and move nothing.
    expect(told).toEqual([{ type: 'shipment.status_changed', data: { trackingNo: parcel.trackingNo, from: 'InTransit', to: 'OutForDelivery', subStatus: expect.any(String), occurredAt: e3!.occurredAt } }]);
  });
});

describe('stock webhooks', () => {
  it('queues stock.low once when an alert opens, not again while it stays open', async () => {
    const key = await shopKey(t);
    await seedShop(t, key, { sh: 0, gz: 5 });
    await shopJson(t, key, '/stock/counts', { body: { warehouse: 'GZ01', reason: '设安全库存', lines: [{ sku: 'MUG-350', onHand: 5, safetyStock: 4 }] } }, 201);
    const buyer = { name: '王小明', phone: '13812345678', address: GUANGZHOU_WAREHOUSE.address };
    await shopJson(t, key, '/orders', { body: { customer: buyer, lines: [{ sku: 'MUG-350', quantity: 2 }] } }, 201);
    await shopJson(t, key, '/orders', { body: { customer: buyer, lines: [{ sku: 'MUG-350', quantity: 1 }] } }, 201);
    const alert = await t.db.selectFrom('low_stock_alerts').select(['id', 'product_id', 'warehouse_id']).where('closed_at', 'is', null).executeTakeFirstOrThrow();
    expect((await queued()).filter((e) => e.type === 'stock.low')).toEqual([
      { type: 'stock.low', data: { alertId: alert.id, productId: alert.product_id, warehouseId: alert.warehouse_id, available: 3, safetyStock: 4, openedAt: t.now() } },
    ]);
  });
});
