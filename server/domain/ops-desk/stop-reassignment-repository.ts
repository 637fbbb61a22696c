import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface NewStopReassignment {
  shipmentId: number;
  fromCourierId: number | null;
  toCourierId: number;
  byStaffId: number;
  /** The shipment version the move replaced. */
  fromVersion: number;
  note: string | null;
  reassignedAt: number;
}

/** Keeps who moved a stop from whom to whom: the parcel did not move, so no tracking event says it. */
export async function insertStopReassignment(db: Kysely<Database>, move: NewStopReassignment): Promise<void> {
  await db
    .insertInto('stop_reassignments')
    .values({
      shipment_id: move.shipmentId,
      from_courier_id: move.fromCourierId,
      to_courier_id: move.toCourierId,
      by_staff_id: move.byStaffId,
      from_version: move.fromVersion,
      note: move.note,
      reassigned_at: move.reassignedAt,
    })
    .execute();
}
