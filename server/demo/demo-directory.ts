import type { Kysely } from 'kysely';
import type { DemoDirectory, DemoParcel } from '../../shared/api/tracking-view';
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
    if (row) parcels.push({ trackingNo: row.tracking_no, status, phoneLast4: row.recipient_phone.replace(/\D/g, '').slice(-4) });
  }
  return { signIns: DEMO_SIGN_INS, parcels };
}
