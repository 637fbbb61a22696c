import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opsCallers, paidOrder, placeOrder, stockedShop } from '../support/ops-stock-fixtures';
import { createTestApp } from '../support/test-app';
import { newWave, pickWholeWave, placeBins, warehouseCall, warehouseWorker } from '../support/warehouse-fixtures';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let worker: string;
let staff: string;
let courier: string;

beforeEach(async () => {
  t = await createTestApp();
  await stockedShop(t, { gz: 10, sh: 10 });
  await placeBins(t, 'GZ01', { 'TEE-WHITE-L': 'A-10-1', 'MUG-350': 'A-2-10' });
  worker = await warehouseWorker(t, 'GZ01');
  ({ staff, courier } = await opsCallers(t));
});
afterEach(() => t.dispose());

describe('warehouse sessions', () => {
  it('signs a warehouse worker in by e-mail with the warehouse role, and keeps them out of ops', async () => {
    const me = await t.app.request('/api/auth/me', { headers: { cookie: worker } });
    expect(await me.json()).toMatchObject({ role: 'warehouse' });
    expect((await t.app.request('/api/ops/orders', { headers: { cookie: worker } })).status).toBe(403);
    expect((await t.app.request('/api/courier/manifest', { headers: { cookie: worker } })).status).toBe(403);
  });
});

describe('pick waves', () => {
  it('builds a wave of the oldest paid orders, walks the bins in natural order, and picks by scan', async () => {
    const first = await paidOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 2 }, { sku: 'MUG-350', quantity: 1 }]);
    t.setNow(t.now() + 60_000);
    const second = await paidOrder(t, [{ sku: 'MUG-350', quantity: 1 }]);
    await placeOrder(t, [{ sku: 'MUG-350', quantity: 1 }]); // unpaid: not ready
    expect((await warehouseCall(t, worker, 'GET', '/waves')).body).toMatchObject({ warehouse: { code: 'GZ01' }, ordersReady: 2, waves: [] });

    const wave = await newWave(t, worker, 1);
    expect(wave.wave.waveNo).toMatch(/^BC\d{8}-\d{4}$/);
    expect(wave.orders.map((o) => o.orderNo)).toEqual([first]);
    expect(wave.stops.map((s) => [s.bin, s.sku, s.quantity])).toEqual([['A-2-10', 'MUG-350', 1], ['A-10-1', 'TEE-WHITE-L', 2]]);

    const wrong = await warehouseCall(t, worker, 'POST', `/waves/${wave.wave.waveNo}/scans`, { barcode: '0000000000000' });
    expect(wrong).toMatchObject({ status: 200, body: { outcome: 'wrong_item', stop: null } });
    await pickWholeWave(t, worker, wave);
    const again = await warehouseCall(t, worker, 'POST', `/waves/${wave.wave.waveNo}/scans`, { barcode: '6901234567892' });
    expect(again.body).toMatchObject({ outcome: 'already_picked', wave: { status: 'picked', pickedUnits: 3 } });
    const view = (await warehouseCall(t, worker, 'GET', `/waves/${wave.wave.waveNo}`)).body;
    expect(view.orders).toEqual([{ orderNo: first, state: 'ready_to_pack', units: 3 }]);
    const scans = await t.db.selectFrom('pick_scans').select('outcome').orderBy('id').execute();
    expect(scans.map((s) => s.outcome)).toEqual(['wrong_item', 'picked', 'picked', 'picked', 'already_picked']);
    const order = await t.db.selectFrom('orders').select('picked_at').where('order_no', '=', first).executeTakeFirstOrThrow();
    expect(order.picked_at).toBe(t.now());

    const next = await newWave(t, worker);
    expect(next.orders.map((o) => o.orderNo)).toEqual([second]);
    expect((await warehouseCall(t, worker, 'POST', '/waves', {})).body).toMatchObject({ error: { code: 'no_orders_ready' } });
  });

  it('lets staff work a named warehouse, and refuses strangers, bad input and other warehouses', async () => {
    await paidOrder(t, [{ sku: 'MUG-350', quantity: 1 }]);
    expect((await warehouseCall(t, staff, 'GET', '/waves')).status).toBe(400);
    expect((await warehouseCall(t, staff, 'GET', '/waves?warehouse=NOPE')).status).toBe(400);
    const wave = (await warehouseCall(t, staff, 'POST', '/waves?warehouse=GZ01', { maxOrders: 5 })).body;
    expect(wave.wave.warehouse.code).toBe('GZ01');
    expect((await warehouseCall(t, undefined, 'GET', '/waves')).status).toBe(401);
    expect((await warehouseCall(t, courier, 'GET', '/waves')).status).toBe(403);
    const other = await warehouseWorker(t, 'SH01');
    expect((await warehouseCall(t, other, 'GET', `/waves/${wave.wave.waveNo}`)).status).toBe(404);
    expect((await warehouseCall(t, other, 'POST', `/waves/${wave.wave.waveNo}/scans`, { barcode: 'MUG-350' })).status).toBe(404);
    expect((await warehouseCall(t, worker, 'POST', '/waves', { maxOrders: 0 })).status).toBe(400);
    expect((await warehouseCall(t, worker, 'POST', `/waves/${wave.wave.waveNo}/scans`, { barcode: ' ' })).status).toBe(400);
    expect((await warehouseCall(t, worker, 'POST', `/waves/${wave.wave.waveNo}/scans`, { barcode: 'MUG-350', extra: 1 })).status).toBe(400);
    expect(await t.db.selectFrom('pick_scans').select('id').execute()).toEqual([]);
  });

  it('never puts one order line in two waves when workers press at once', async () => {
    for (let i = 0; i < 6; i++) await paidOrder(t, [{ sku: 'MUG-350', quantity: 1 }]);
    const answers = await Promise.all(Array.from({ length: 5 }, () => warehouseCall(t, worker, 'POST', '/waves', { maxOrders: 2 })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(2);
    const lines = await t.db.selectFrom('pick_lines').select('order_item_id').execute();
    expect(new Set(lines.map((l) => l.order_item_id)).size).toBe(6);
    expect(lines).toHaveLength(6);
  });
});
