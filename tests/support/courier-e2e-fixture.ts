import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import { createCourier } from './accounts';
import { createParcel, type ParcelFixture } from './factories';

/**
 * A courier of our own on the e2e server with `count` parcels waiting at the local station
 * (InTransit, version 2), in route order: the test knows exactly what the manifest holds.
 */
export async function courierWithStops(db: Kysely<Database>, count: number) {
  const courier = await createCourier(db, { name: '测试快递员', phone: '17712345678' });
  const parcels: ParcelFixture[] = [];
  for (let i = 0; i < count; i++) {
    const parcel = await createParcel(db, {
      courierId: courier.id,
      phone: `1360000${String(1000 + i)}`,
      events: [{ status: 'InTransit', subStatus: 'InTransit_005', occurredAt: Date.now() - 3600_000, city: '深圳市' }],
    });
    await db.updateTable('shipments').set({ route_position: i + 1 }).where('id', '=', parcel.shipmentId).execute();
    parcels.push(parcel);
  }
  return { courier, parcels };
}
