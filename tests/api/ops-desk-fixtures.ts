import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import { recordTrackingEvent } from '../../server/domain/tracking/tracking-service';
import type { TrackingStatus } from '../../shared/tracking/statuses';
import { createCourier } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { createParcel } from '../support/factories';
import { staffCookie, verifyCustomer } from '../support/return-fixtures';
import { createTestApp, jsonHeaders } from '../support/test-app';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export const HOUR = 3_600_000;

/** Records an event as a courier's phone would have, through the one path that moves shipments. */
export async function courierEvent(
  db: Kysely<Database>,
  trackingNo: string,
  courierId: number,
  status: TrackingStatus,
  occurredAt: number,
  extra: { reasonCode?: string; subStatus?: string } = {},
) {
  return recordTrackingEvent(
    db,
    { trackingNo, status, subStatus: extra.subStatus, occurredAt, place: { province: '广东省', city: '深圳市' }, reasonCode: extra.reasonCode ?? null, actor: { type: 'courier', id: courierId } },
    occurredAt,
  );
}

/** A parcel out with `courierId` since `at` − 2 h and reported in Exception at `at` (version 4). */
export async function parcelInException(t: TestApp, courierId: number, at: number, reasonCode = 'refused') {
  const parcel = await createParcel(t.db, {
    courierId,
    events: [
      { status: 'InTransit', subStatus: 'InTransit_005', occurredAt: at - 5 * HOUR, city: '深圳市' },
      { status: 'OutForDelivery', occurredAt: at - 2 * HOUR, city: '深圳市' },
    ],
  });
  const exceptionSub = reasonCode === 'refused' ? 'Exception_003' : reasonCode === 'parcel_damaged' ? 'Exception_005' : undefined;
  await courierEvent(t.db, parcel.trackingNo, courierId, 'Exception', at, { reasonCode, subStatus: exceptionSub });
  return parcel;
}

/** Cookies of everyone who is not staff: a courier, a verified customer, and nobody. */
export async function outsiders(t: TestApp) {
  const courier = await createCourier(t.db);
  const parcel = await createParcel(t.db, { courierId: courier.id });
  return {
    courier: await signIn(t, courier.phone),
    customer: await verifyCustomer(t, parcel.trackingNo, parcel.phone.slice(-4)),
    anonymous: '',
  };
}

export async function staff(t: TestApp) {
  return staffCookie(t);
}

export function send(t: TestApp, method: 'POST' | 'PUT', path: string, body: unknown, cookie = '') {
  return t.app.request(path, { method, headers: { ...jsonHeaders, cookie }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export function get(t: TestApp, path: string, cookie = '') {
  return t.app.request(path, { headers: { ...jsonHeaders, cookie } });
}

export async function shipmentRow(t: TestApp, trackingNo: string) {
  return t.db.selectFrom('shipments').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow();
}

export async function eventCount(t: TestApp, shipmentId: number) {
  return Number((await t.db.selectFrom('tracking_events').select((eb) => eb.fn.countAll<number>().as('n')).where('shipment_id', '=', shipmentId).executeTakeFirstOrThrow()).n);
}
