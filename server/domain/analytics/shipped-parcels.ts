import { sql } from 'kysely';

/**
 * SQL condition on a shipment aliased `s`: it is not a parcel sent again after a lost-parcel
 * claim. 发货 (shipped) sits beside 订单 (orders) and counts orders sent out; a resend is the
 * same order again (it shows in the claims figures), so counting it made 发货 exceed 订单.
 * The claim gets its resend id in the transaction that creates the parcel, so a roll-up
 * never sees the parcel without it. Mirrors `resend` in shared/analytics/event-log.ts.
 */
export const notAResend = sql<boolean>`NOT EXISTS (SELECT 1 FROM parcel_claims c WHERE c.resend_shipment_id = s.id)`;
