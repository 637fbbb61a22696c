import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opsCallers, paidOrder, stockedShop } from '../support/ops-stock-fixtures';
import { stockBooks } from '../support/shop-fixtures';
import { createTestApp } from '../support/test-app';
import { newWave, pickedOrder, placeBins, warehouseCall, warehouseWorker } from '../support/warehouse-fixtures';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let worker: string;
let courier: string;
const BOX = { lines: [{ sku: 'TEE-WHITE-L', quantity: 2 }, { sku: 'MUG-350', quantity: 1 }], weightGrams: 850 };

beforeEach(async () => {
  t = await createTestApp({ publicUrl: 'https://doorstep.example' });
  await stockedShop(t, { gz: 10, sh: 10 });
  await placeBins(t, 'GZ01', { 'TEE-WHITE-L': 'A-01-01', 'MUG-350': 'A-01-02' });
  worker = await warehouseWorker(t, 'GZ01');
  ({ courier } = await opsCallers(t));
}, 30_000);
afterEach(() => t.dispose());

describe('packing', () => {
  it('checks the box, makes one booked parcel, ships the units through the ledger and tells the customer', async () => {
    const { orderNo, wave } = await pickedOrder(t, worker, BOX.lines);
    const view = await warehouseCall(t, worker, 'GET', `/orders/${orderNo}/packing`);
    expect(view.body).toMatchObject({ orderNo, state: 'ready_to_pack', expectedWeightGrams: 2 * 220 + 380, shipments: [] });

    const short = await warehouseCall(t, worker, 'POST', `/orders/${orderNo}/pack`, { ...BOX, lines: [{ sku: 'TEE-WHITE-L', quantity: 1 }, { sku: 'MUG-350', quantity: 1 }] });
    expect(short).toMatchObject({ status: 409, body: { error: { code: 'lines_mismatch', details: { differences: [{ sku: 'TEE-WHITE-L', expected: 2, scanned: 1 }] } } } });

    const packed = await warehouseCall(t, worker, 'POST', `/orders/${orderNo}/pack`, BOX);
    expect(packed.status).toBe(201);
    const trackingNo = packed.body.shipment.trackingNo as string;
    expect(packed.body).toMatchObject({
      shipment: { status: 'InfoReceived' },
      orderStatus: 'shipped',
      label: { orderNo, trackingUrl: `https://doorstep.example/t/${trackingNo}`, weightGrams: 850, sortCode: '深圳 南山', itemCount: 3, recipient: { phone: '138****5678', city: '深圳市' }, sender: { city: '广州市' } },
    });
    const shipment = await t.db.selectFrom('shipments').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow();
    expect(shipment).toMatchObject({ warehouse_id: expect.any(Number), weight_grams: 850, origin_city: '广州市', destination_city: '深圳市', status: 'InfoReceived' });
    expect(await t.db.selectFrom('tracking_events').select('status').where('shipment_id', '=', shipment.id).execute()).toEqual([{ status: 'InfoReceived' }]);
    const order = await t.db.selectFrom('orders').select(['status', 'packed_at']).where('order_no', '=', orderNo).executeTakeFirstOrThrow();
    expect(order).toEqual({ status: 'shipped', packed_at: t.now() });
    expect(await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01')).toMatchObject({ onHand: 8, reserved: 0, ledgerOnHand: 8, ledgerReserved: 0 });
    const sms = await t.db.selectFrom('notifications').select(['template', 'body']).where('template', '=', 'order_shipped').execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toContain(trackingNo);
    expect((await warehouseCall(t, worker, 'GET', `/waves/${wave.wave.waveNo}`)).body.wave.status).toBe('packed');
    expect((await warehouseCall(t, worker, 'GET', `/shipments/${trackingNo}/label`)).body).toEqual(packed.body.label);
    // Shipped: the existing rule refuses cancelling it.
    const staff = (await opsCallers(t)).staff;
    expect((await t.app.request(`/api/ops/orders/${orderNo}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: staff }, body: JSON.stringify({ reason: 'x' }) })).status).toBe(409);
  });

  it('makes one parcel when the pack button is pressed twice at once', async () => {
    const { orderNo } = await pickedOrder(t, worker, BOX.lines);
    const answers = await Promise.all(Array.from({ length: 4 }, () => warehouseCall(t, worker, 'POST', `/orders/${orderNo}/pack`, BOX)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(['already_packed', 'already_packed', 'already_packed']);
    const order = await t.db.selectFrom('orders').select('id').where('order_no', '=', orderNo).executeTakeFirstOrThrow();
    expect(await t.db.selectFrom('shipments').select('id').where('order_id', '=', order.id).execute()).toHaveLength(1);
    expect(await stockBooks(t.db, 'MUG-350', 'GZ01')).toMatchObject({ onHand: 9, reserved: 0, ledgerOnHand: 9 });
  });

  it('refuses an order not picked, a cancelled one, bad input, strangers and other warehouses', async () => {
    const waiting = await paidOrder(t, [{ sku: 'MUG-350', quantity: 1 }]);
    expect((await warehouseCall(t, worker, 'POST', `/orders/${waiting}/pack`, { lines: [{ sku: 'MUG-350', quantity: 1 }], weightGrams: 400 })).body.error.code).toBe('not_picked');
    const wave = await newWave(t, worker);
    const staff = (await opsCallers(t)).staff;
    const cancel = await t.app.request(`/api/ops/orders/${waiting}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: staff }, body: JSON.stringify({ reason: '客户要求' }) });
    expect(cancel.status).toBe(200);
    const after = (await warehouseCall(t, worker, 'GET', `/waves/${wave.wave.waveNo}`)).body;
    expect(after).toMatchObject({ wave: { status: 'picked' }, stops: [], orders: [{ orderNo: waiting, state: 'cancelled' }] });
    expect((await warehouseCall(t, worker, 'POST', `/waves/${wave.wave.waveNo}/scans`, { barcode: 'MUG-350' })).body.outcome).toBe('wrong_item');
    expect((await warehouseCall(t, worker, 'POST', `/orders/${waiting}/pack`, { lines: [{ sku: 'MUG-350', quantity: 1 }], weightGrams: 400 })).body.error.code).toBe('order_cancelled');

    const { orderNo } = await pickedOrder(t, worker, BOX.lines);
    for (const body of [{ lines: [], weightGrams: 1 }, { ...BOX, weightGrams: 0 }, { ...BOX, extra: true }]) {
      expect((await warehouseCall(t, worker, 'POST', `/orders/${orderNo}/pack`, body)).status).toBe(400);
    }
    expect((await warehouseCall(t, undefined, 'POST', `/orders/${orderNo}/pack`, BOX)).status).toBe(401);
    expect((await warehouseCall(t, courier, 'POST', `/orders/${orderNo}/pack`, BOX)).status).toBe(403);
    const other = await warehouseWorker(t, 'SH01');
    expect((await warehouseCall(t, other, 'POST', `/orders/${orderNo}/pack`, BOX)).status).toBe(404);
    expect((await warehouseCall(t, other, 'GET', `/orders/${orderNo}/packing`)).status).toBe(404);
    expect((await warehouseCall(t, worker, 'GET', '/shipments/DS0000000000/label')).status).toBe(404);
    expect(await t.db.selectFrom('shipments').select('id').execute()).toEqual([]);
  });
});
