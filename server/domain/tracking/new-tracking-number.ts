import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { makeTrackingNo } from '../../../shared/tracking/tracking-number';
import type { Database } from '../../db/schema';

/**
 * A fresh, unused tracking number for a shipment made by the app (a return pickup, a re-sent
 * parcel). Random rather than sequential so numbers don't reveal volumes or neighbours.
 */
export async function newTrackingNo(db: Kysely<Database>): Promise<string> {
  for (;;) {
    const trackingNo = makeTrackingNo(randomInt(1, 10 ** 10));
    const taken = await db.selectFrom('shipments').select('id').where('tracking_no', '=', trackingNo).executeTakeFirst();
    if (!taken) return trackingNo;
  }
}
