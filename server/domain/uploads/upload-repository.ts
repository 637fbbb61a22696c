import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** How many of `ids` (lower-cased, distinct) this order's customer uploaded: evidence can't be borrowed from another order. */
export async function countOrderPhotos(db: Kysely<Database>, orderId: number, ids: readonly string[]): Promise<number> {
  const lowered = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (lowered.length === 0) return 0;
  const rows = await db.selectFrom('customer_uploads').select('id').where('id', 'in', lowered).where('order_id', '=', orderId).execute();
  return rows.length;
}

/** This courier's uploads among `ids`, with the parcel each already proves (null: none yet). */
export async function findCourierUploads(db: Kysely<Database>, courierId: number, ids: readonly string[]): Promise<Map<string, number | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('uploads').select(['id', 'shipment_id']).where('id', 'in', [...ids]).where('courier_id', '=', courierId).execute();
  return new Map(rows.map((r) => [r.id, r.shipment_id]));
}

/** A photo proves the parcel its report was applied to, and only that one. */
export async function bindUploadsToShipment(db: Kysely<Database>, ids: readonly string[], shipmentId: number): Promise<void> {
  await db.updateTable('uploads').set({ shipment_id: shipmentId }).where('id', 'in', [...ids]).execute();
}
