import type { CreateOrderRequest } from '../../shared/api/shop';
import { upsertProduct } from '../../server/domain/catalog/product-repository';
import { upsertWarehouse } from '../../server/domain/catalog/warehouse-repository';
import { takeOrder } from '../../server/domain/orders/order-intake';
import { payOrder } from '../../server/domain/order-lifecycle/order-payment';
import { receiveStock } from '../../server/domain/stock/stock-documents';
import { createCourier } from './accounts';
import { signIn } from './courier-fixtures';
import { staffCookie } from './return-fixtures';
import { BUYER, GUANGZHOU_WAREHOUSE, MUG, SHANGHAI_WAREHOUSE, TEE } from './shop-fixtures';
import type { createTestApp } from './test-app';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The ops face's tests make their shop through the services the shop API calls (the API's
 * keys are not needed to test what staff see): two warehouses, two SKUs, stock of each.
 */
export async function stockedShop(t: TestApp, stock: { sh?: number; gz?: number } = {}) {
  const at = t.now();
  await upsertWarehouse(t.db, 'SH01', SHANGHAI_WAREHOUSE, at);
  await upsertWarehouse(t.db, 'GZ01', GUANGZHOU_WAREHOUSE, at);
  await upsertProduct(t.db, 'TEE-WHITE-L', TEE, at);
  await upsertProduct(t.db, 'MUG-350', MUG, at);
  for (const [warehouse, quantity] of [['SH01', stock.sh ?? 20], ['GZ01', stock.gz ?? 5]] as const) {
    const lines = [{ sku: 'TEE-WHITE-L', quantity }, { sku: 'MUG-350', quantity }];
    await t.db.transaction().execute((trx) => receiveStock(trx, { warehouse, lines }, { type: 'system', id: null }, at, t.deps.config.shopTimeZone));
  }
}

/** An order placed now (stock reserved with it), waiting for payment; its number. */
export async function placeOrder(t: TestApp, lines: CreateOrderRequest['lines'], customer: CreateOrderRequest['customer'] = BUYER): Promise<string> {
  const ctx = { now: t.now(), payWithinMs: t.deps.config.paymentDeadlineMs, timeZone: t.deps.config.shopTimeZone, apiKeyId: null, actor: { type: 'shop_api' as const, id: null } };
  const id = await t.db.transaction().execute((trx) => takeOrder(trx, { customer, lines }, ctx));
  return (await t.db.selectFrom('orders').select('order_no').where('id', '=', id).executeTakeFirstOrThrow()).order_no;
}

export async function paidOrder(t: TestApp, lines: CreateOrderRequest['lines'], customer?: CreateOrderRequest['customer']): Promise<string> {
  const orderNo = await placeOrder(t, lines, customer);
  await payOrder(t.db, t.deps.payments, orderNo, t.now());
  return orderNo;
}

/** A staff session and a courier's, for the calls that must and must not go through. */
export async function opsCallers(t: TestApp) {
  return { staff: await staffCookie(t), courier: await signIn(t, (await createCourier(t.db)).phone) };
}

/** Every caller but staff is turned away: 401 without a session, 403 with a courier's. */
export async function refusedToOthers(t: TestApp, courier: string, method: string, path: string, body?: string, type = 'application/json') {
  const send = (cookie?: string) => t.app.request(path, { method, headers: { 'content-type': type, ...(cookie ? { cookie } : {}) }, body });
  return { anonymous: (await send()).status, courier: (await send(courier)).status };
}
