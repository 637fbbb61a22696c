import type { Kysely } from 'kysely';
import type { Browser } from 'playwright-core';
import type { Database } from '../../server/db/schema';
import { addCourierAreas } from '../../server/domain/areas/courier-area-repository';
import { createCourier, createStaff } from './accounts';
import { createParcel } from './factories';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * On the e2e server (real clock): a parcel delivered two days ago by a courier of our own, so
 * a quality return is well inside its window and the return pickup goes to that courier, plus a
 * staff member for the returns desk. The order is the factory's: 2 × T-shirt ¥79, 1 × earbuds
 * ¥199, a ¥10 coupon, free shipping, paid ¥347.
 */
export async function deliveredParcelToReturn(db: Kysely<Database>, now = Date.now()) {
  const courier = await createCourier(db, { name: '退货取件员', phone: '17712340077' });
  // They serve the customer's district (the factory's address), so the pickup is theirs to make.
  await addCourierAreas(db, courier.id, [{ city: '深圳市', district: '南山区' }]);
  const staff = await createStaff(db, 'returns-desk@doorstep.test');
  const deliveredAt = now - 2 * DAY;
  const parcel = await createParcel(db, {
    courierId: courier.id,
    phone: '13900002468',
    deliveredAt,
    events: [
      { status: 'OutForDelivery', occurredAt: deliveredAt - 2 * HOUR, city: '深圳市' },
      { status: 'Delivered', occurredAt: deliveredAt, city: '深圳市', recipientName: '王小明' },
    ],
  });
  const lines = await db
    .selectFrom('order_items as i')
    .innerJoin('products as p', 'p.id', 'i.product_id')
    .select(['i.id', 'i.quantity', 'i.unit_price_fen', 'p.name'])
    .where('i.order_id', '=', parcel.orderId)
    .orderBy('i.id')
    .execute();
  const [shirt, earbuds] = lines.map((l) => ({ orderItemId: l.id, name: l.name, quantity: l.quantity, unitPriceFen: l.unit_price_fen }));
  if (!shirt || !earbuds || shirt.quantity !== 2 || earbuds.quantity !== 1) throw new Error('the parcel factory no longer makes the order this fixture describes');
  return { parcel, courier, staff, shirt, earbuds };
}

/** A real PNG for a file input: a screenshot the phone can decode and compress like a camera shot. */
export async function photoOfDefect(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 320, height: 240 } });
  await page.setContent('<body style="background:linear-gradient(#b91c1c,#f59e0b)"><h1>开线</h1></body>');
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return png;
}
