import type { Kysely } from 'kysely';
import type { DemoDirectory, DemoParcel, DemoReturn } from '../../shared/api/tracking-view';
import { RETURN_STATUSES, type ReturnStatus } from '../../shared/returns/return-status';
import { TRACKING_STATUSES } from '../../shared/tracking/statuses';
import type { Database } from '../db/schema';
import { DEMO_SIGN_INS } from './demo-accounts';

/**
 * What the demo page offers: the sign-ins, and one parcel in each status with the last four
 * phone digits that unlock its verified view. The lowest id per status, so the choice is
 * stable for a given data set. A status lookup walks shipments in id order and stops at the
 * first match; the generator puts one parcel of every status among the first few ids, so
 * this stays a handful of rows even over a million shipments.
 */
export async function loadDemoDirectory(db: Kysely<Database>): Promise<DemoDirectory> {
  const parcels: DemoParcel[] = [];
  for (const status of TRACKING_STATUSES) {
    const row = await db
      .selectFrom('shipments')
      .innerJoin('orders', 'orders.id', 'shipments.order_id')
      .select(['shipments.tracking_no', 'orders.recipient_phone'])
      .where('shipments.status', '=', status)
      .orderBy('shipments.id')
      .limit(1)
      .executeTakeFirst();
    if (row) parcels.push({ trackingNo: row.tracking_no, status, phoneLast4: lastFourDigits(row.recipient_phone) });
  }
  return { signIns: DEMO_SIGN_INS, parcels, returns: await loadDemoReturns(db) };
}

/** The first return in each status, with what it takes to open it (its parcel and digits). */
async function loadDemoReturns(db: Kysely<Database>): Promise<DemoReturn[]> {
  const rows = await db
    .selectFrom('return_requests as r')
    .innerJoin('shipments as s', 's.id', 'r.shipment_id')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .select(['r.return_no', 'r.status', 's.tracking_no', 'o.recipient_phone'])
    .orderBy('r.id')
    .limit(200)
    .execute();
  const firstByStatus = new Map<string, DemoReturn>();
  for (const row of rows) {
    if (firstByStatus.has(row.status)) continue;
    firstByStatus.set(row.status, { returnNo: row.return_no, status: row.status as ReturnStatus, trackingNo: row.tracking_no, phoneLast4: lastFourDigits(row.recipient_phone) });
  }
  return RETURN_STATUSES.flatMap((status) => firstByStatus.get(status) ?? []);
}

function lastFourDigits(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}
