import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertWarehouse } from '../../server/domain/catalog/warehouse-repository';
import { SYSTEM_ACTOR } from '../../server/domain/stock/stock-actor';
import { moveStock } from '../../server/domain/stock/stock-ledger';
import { createTestApp } from '../support/test-app';
import { deliveredParcel, DROPOFF_OVERRIDE, postJson, staffCookie } from '../support/return-fixtures';
import { GUANGZHOU_WAREHOUSE } from '../support/shop-fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
let f: Awaited<ReturnType<typeof deliveredParcel>>;
let staff: string;
let warehouseId: number;
let shirtProductId: number;

beforeEach(async () => {
  t = await createTestApp();
  f = await deliveredParcel(t);
  staff = await staffCookie(t);
  // The shirts were received, sold and shipped from Guangzhou through the ledger; the earbuds
  // predate warehouses (no warehouse on their line).
  warehouseId = (await upsertWarehouse(t.db, 'GZ01', GUANGZHOU_WAREHOUSE, t.now())).warehouse.id;
  const shirt = await t.db.selectFrom('order_items').select(['product_id', 'order_id']).where('id', '=', f.shirt).executeTakeFirstOrThrow();
  shirtProductId = shirt.product_id;
  await t.db.updateTable('order_items').set({ warehouse_id: warehouseId }).where('id', '=', f.shirt).execute();
  await t.db.transaction().execute(async (trx) => {
    const at = { warehouseId, productId: shirtProductId, actor: SYSTEM_ACTOR };
    await moveStock(trx, { ...at, kind: 'receipt', quantity: 10 }, t.now());
    await moveStock(trx, { ...at, kind: 'reservation', quantity: 2, orderId: shirt.order_id }, t.now());
    await moveStock(trx, { ...at, kind: 'shipment', quantity: 2, orderId: shirt.order_id }, t.now());
  });
});
afterEach(() => t.dispose());

const shelf = () => t.db.selectFrom('stock_levels').select(['on_hand', 'reserved']).where('warehouse_id', '=', warehouseId).where('product_id', '=', shirtProductId).executeTakeFirstOrThrow();

describe('returned units back on the shelf', () => {
  it('puts accepted units back through the ledger at inspection, and not the damaged ones', async () => {
    expect(await shelf()).toEqual({ on_hand: 8, reserved: 0 });
    const created = await (
      await postJson(t, '/api/returns', { trackingNo: f.parcel.trackingNo, items: [{ orderItemId: f.shirt, quantity: 2 }, { orderItemId: f.earbuds, quantity: 1 }], reasonCode: 'no_reason', condition: 'unopened', method: 'dropoff' }, f.customer)
    ).json();
    const res = await postJson(
      t,
      `/api/ops/returns/${created.returnNo}/receive`,
      { items: [{ orderItemId: f.shirt, acceptedQuantity: 1, damagedQuantity: 1 }, { orderItemId: f.earbuds, acceptedQuantity: 1, damagedQuantity: 0 }], override: DROPOFF_OVERRIDE },
      staff,
    );
    expect(res.status).toBe(200);
    expect(await shelf()).toEqual({ on_hand: 9, reserved: 0 });
    const restocked = await t.db.selectFrom('stock_ledger').select(['kind', 'on_hand_delta', 'return_id', 'actor_type']).where('kind', '=', 'return_restock').execute();
    expect(restocked).toEqual([{ kind: 'return_restock', on_hand_delta: 1, return_id: expect.any(Number), actor_type: 'staff' }]);
  });
});
