import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { openStopWhere } from '../ops-desk/open-stop-query';

/** A packed parcel waiting in a warehouse to be handed over, with where it goes. */
export interface PackedParcel {
  shipmentId: number;
  trackingNo: string;
  orderNo: string;
  destination: { province: string; city: string; district: string };
  weightGrams: number | null;
}

/** A parcel as the hand-over scan sees it: whose it is and whether it has left already. */
export interface HandoverParcel extends PackedParcel {
  warehouseId: number | null;
  leg: string;
  status: string;
  handedOverAt: number | null;
}

const parcelColumns = [
  's.id',
  's.tracking_no',
  's.warehouse_id',
  's.leg',
  's.status',
  's.handed_over_at',
  's.weight_grams',
  'o.order_no',
  'o.province',
  'o.city',
  'o.district',
] as const;

type ParcelRow = {
  id: number;
  tracking_no: string;
  warehouse_id: number | null;
  leg: string;
  status: string;
  handed_over_at: number | null;
  weight_grams: number | null;
  order_no: string;
  province: string;
  city: string;
  district: string;
};

function toHandoverParcel(r: ParcelRow): HandoverParcel {
  return {
    shipmentId: r.id,
    trackingNo: r.tracking_no,
    orderNo: r.order_no,
    destination: { province: r.province, city: r.city, district: r.district },
    weightGrams: r.weight_grams,
    warehouseId: r.warehouse_id,
    leg: r.leg,
    status: r.status,
    handedOverAt: r.handed_over_at === null ? null : Number(r.handed_over_at),
  };
}

/** Packed in this warehouse, not handed over yet, not a return leg: the queue, oldest first. */
export async function listPackedParcels(db: Kysely<Database>, warehouseId: number, limit: number): Promise<PackedParcel[]> {
  const rows = await db
    .selectFrom('shipments as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .select(parcelColumns)
    .where('s.warehouse_id', '=', warehouseId)
    .where('s.status', '=', 'InfoReceived')
    .where('s.handed_over_at', 'is', null)
    .where('s.leg', '=', 'delivery')
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map(toHandoverParcel);
}

export async function findHandoverParcel(db: Kysely<Database>, trackingNo: string): Promise<HandoverParcel | null> {
  const row = await db
    .selectFrom('shipments as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .select(parcelColumns)
    .where('s.tracking_no', '=', trackingNo)
    .executeTakeFirst();
  return row ? toHandoverParcel(row) : null;
}

/**
 * The hand-over's guard: marks the parcel as gone to `to` only while it is still a packed
 * parcel of this warehouse not handed over. Under concurrency the second of two scans finds it
 * handed over (PostgreSQL re-checks the row after the first commits; SQLite runs one writer at
 * a time) and changes nothing. Off any round it was on: the new courier's round orders it.
 */
export async function claimPackedParcel(
  db: Kysely<Database>,
  parcel: { shipmentId: number; warehouseId: number },
  to: { courierId: number | null; carrierCode: string | null },
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('shipments')
    .set({ courier_id: to.courierId, carrier_code: to.carrierCode, handed_over_at: now, route_position: null })
    .where('id', '=', parcel.shipmentId)
    .where('warehouse_id', '=', parcel.warehouseId)
    .where('leg', '=', 'delivery')
    .where('status', 'in', ['Pending', 'InfoReceived'])
    .where('handed_over_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many open stops each courier holds now. */
export async function countOpenStops(db: Kysely<Database>, courierIds: readonly number[]): Promise<Map<number, number>> {
  if (courierIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('shipments as s')
    .select(['s.courier_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.courier_id', 'in', [...courierIds])
    .where(openStopWhere)
    .groupBy('s.courier_id')
    .execute();
  return new Map(rows.map((r) => [r.courier_id!, Number(r.n)]));
}
