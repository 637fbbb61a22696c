import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opsCallers, paidOrder, placeOrder, stockedShop } from '../support/ops-stock-fixtures';
import { stockBooks } from '../support/shop-fixtures';
import { createTestApp } from '../support/test-app';
import { newWave, placeBins, warehouseCall, warehouseWorker } from '../support/warehouse-fixtures';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let worker: string;
const SHANGHAI = { name: '陈静', phone: '13900001111', address: { province: '上海市', city: '上海市', district: '浦东新区', street: '世纪大道 100 号' } };

beforeEach(async () => {
  t = await createTestApp();
  await stockedShop(t, { gz: 10, sh: 10 });
  await placeBins(t, 'GZ01', { 'TEE-WHITE-L': 'A-01-01', 'MUG-350': 'A-01-02' });
  worker = await warehouseWorker(t, 'GZ01');
}, 30_000);
afterEach(() => t.dispose());

const books = async () => ({ gz: await stockBooks(t.db, 'TEE-WHITE-L', 'GZ01'), sh: await stockBooks(t.db, 'TEE-WHITE-L', 'SH01') });

describe('short picks', () => {
  it('writes the missing units off by a count and re-allocates the short order to a warehouse that has them', async () => {
    const first = await paidOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 2 }]);
    const second = await paidOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 1 }, { sku: 'MUG-350', quantity: 1 }]);
    const wave = await newWave(t, worker);
    const res = await warehouseCall(t, worker, 'POST', `/waves/${wave.wave.waveNo}/shorts`, { sku: 'TEE-WHITE-L', foundQuantity: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ countDocumentNo: expect.stringMatching(/^PD/), orders: [{ orderNo: first, outcome: 'reallocated' }, { orderNo: second, outcome: 'unaffected' }], wave: { shortUnits: 2 } });
    const { gz, sh } = await books();
    expect(gz).toMatchObject({ onHand: 8, reserved: 1, ledgerOnHand: 8, ledgerReserved: 1 });
    expect(sh).toMatchObject({ onHand: 10, reserved: 2, ledgerOnHand: 10, ledgerReserved: 2 });
    const moved = await t.db.selectFrom('order_items as i').innerJoin('orders as o', 'o.id', 'i.order_id').innerJoin('warehouses as w', 'w.id', 'i.warehouse_id').select('w.code').where('o.order_no', '=', first).execute();
    expect(moved).toEqual([{ code: 'SH01' }]);
    // The Shanghai worker now finds it waiting; here the rest of the wave is picked and packed.
    const shWorker = await warehouseWorker(t, 'SH01');
    expect((await newWave(t, shWorker)).orders.map((o) => o.orderNo)).toEqual([first]);
    for (const code of ['TEE-WHITE-L', 'MUG-350']) expect((await warehouseCall(t, worker, 'POST', `/waves/${wave.wave.waveNo}/scans`, { barcode: code })).body.outcome).toBe('picked');
    expect((await warehouseCall(t, worker, 'GET', `/waves/${wave.wave.waveNo}`)).body.wave.status).toBe('picked');
  });

  it('holds the order when no warehouse has the units, and never packs it', async () => {
    await placeOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 10 }], SHANGHAI); // SH01's tees all reserved
    const held = await paidOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 2 }, { sku: 'MUG-350', quantity: 1 }]);
    const wave = await newWave(t, worker);
    const res = await warehouseCall(t, worker, 'POST', `/waves/${wave.wave.waveNo}/shorts`, { sku: 'TEE-WHITE-L', foundQuantity: 0 });
    expect(res.body).toMatchObject({ orders: [{ orderNo: held, outcome: 'held' }] });
    const order = await t.db.selectFrom('orders').select(['held_at', 'hold_reason', 'status']).where('order_no', '=', held).executeTakeFirstOrThrow();
    expect(order).toEqual({ held_at: t.now(), hold_reason: 'short_pick', status: 'paid' });
    const { gz, sh } = await books();
    expect(gz).toMatchObject({ onHand: 8, reserved: 0, ledgerOnHand: 8, ledgerReserved: 0 });
    expect(sh).toMatchObject({ reserved: 10, ledgerReserved: 10 });
    const view = (await warehouseCall(t, worker, 'GET', `/waves/${wave.wave.waveNo}`)).body;
    expect(view).toMatchObject({ wave: { status: 'picked' }, stops: [], orders: [{ orderNo: held, state: 'held' }] });
    expect((await warehouseCall(t, worker, 'POST', `/orders/${held}/pack`, { lines: [{ sku: 'MUG-350', quantity: 1 }], weightGrams: 400 })).body.error.code).toBe('order_held');
    // Cancelling a held order gives back what it still holds, once.
    const staff = (await opsCallers(t)).staff;
    const cancel = await t.app.request(`/api/ops/orders/${held}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: staff }, body: JSON.stringify({ reason: '缺货' }) });
    expect(cancel.status).toBe(200);
    expect(await stockBooks(t.db, 'MUG-350', 'GZ01')).toMatchObject({ reserved: 0, ledgerReserved: 0 });
  });

  it('refuses bad input, a SKU not left to pick, and other warehouses, changing nothing', async () => {
    await paidOrder(t, [{ sku: 'TEE-WHITE-L', quantity: 2 }]);
    const wave = await newWave(t, worker);
    const path = `/waves/${wave.wave.waveNo}/shorts`;
    expect((await warehouseCall(t, worker, 'POST', path, { sku: 'TEE-WHITE-L', foundQuantity: 2 })).body.error.code).toBe('nothing_missing');
    expect((await warehouseCall(t, worker, 'POST', path, { sku: 'MUG-350', foundQuantity: 0 })).status).toBe(404);
    expect((await warehouseCall(t, worker, 'POST', path, { sku: 'TEE-WHITE-L', foundQuantity: -1 })).status).toBe(400);
    expect((await warehouseCall(t, worker, 'POST', path, { sku: 'TEE-WHITE-L' })).status).toBe(400);
    expect((await warehouseCall(t, undefined, 'POST', path, { sku: 'TEE-WHITE-L', foundQuantity: 0 })).status).toBe(401);
    const { courier } = await opsCallers(t);
    expect((await warehouseCall(t, courier, 'POST', path, { sku: 'TEE-WHITE-L', foundQuantity: 0 })).status).toBe(403);
    const other = await warehouseWorker(t, 'SH01');
    expect((await warehouseCall(t, other, 'POST', path, { sku: 'TEE-WHITE-L', foundQuantity: 0 })).status).toBe(404);
    expect(await t.db.selectFrom('stock_documents').select('id').where('kind', '=', 'count').execute()).toEqual([]);
    expect((await books()).gz).toMatchObject({ onHand: 10, reserved: 2 });
  });
});
