import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import { hashPassword } from '../../server/domain/auth/password';
import { TEST_PASSWORD } from './accounts';
import { signIn } from './courier-fixtures';
import { addShipment, createOrder } from './order-fixtures';
import type { createTestApp } from './test-app';

type TestApp = Pick<Awaited<ReturnType<typeof createTestApp>>, 'app' | 'db'>;

let serial = 0;
let hash: Promise<string> | null = null;

/** A warehouse in Hangzhou with this code; its id. */
export async function createWarehouse(db: Kysely<Database>, code: string): Promise<number> {
  const row = await db
    .insertInto('warehouses')
    .values({ code, name_zh: `杭州仓 ${code}`, name_en: `Hangzhou ${code}`, provinces: '[]', province: '浙江省', city: '杭州市', district: '余杭区', street: '仓前街道1号', created_at: 0, updated_at: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A warehouse worker of that warehouse (a staff row with role `warehouse`), signed in: their cookie. */
export async function signedInWorker(t: TestApp & Parameters<typeof signIn>[0], warehouseId: number): Promise<string> {
  const email = `handover${++serial}@doorstep.test`;
  await t.db.insertInto('staff').values({ name: '仓管 梁', email, password_hash: await (hash ??= hashPassword(TEST_PASSWORD)), role: 'warehouse', warehouse_id: warehouseId, created_at: 0 }).execute();
  return signIn(t, email);
}

/** A paid order (Shanghai, 浦东新区) packed in the warehouse: InfoReceived, not handed over. */
export async function packedParcel(db: Kysely<Database>, warehouseId: number, options: { lat?: number; lng?: number } = {}): Promise<{ trackingNo: string; shipmentId: number; orderNo: string }> {
  const order = await createOrder(db);
  if (options.lat !== undefined) await db.updateTable('orders').set({ lat: options.lat, lng: options.lng ?? null }).where('id', '=', order.orderId).execute();
  const parcel = await addShipment(db, order.orderId, { status: 'InfoReceived' });
  await db.updateTable('shipments').set({ warehouse_id: warehouseId, weight_grams: 1200 }).where('id', '=', parcel.shipmentId).execute();
  return { ...parcel, orderNo: order.orderNo };
}
