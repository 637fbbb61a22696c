import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDirectory } from '../../server/demo/demo-directory';
import { DEMO_COURIERS, DEMO_SIGN_INS } from '../../server/demo/demo-accounts';
import { seedDemoIfEmpty } from '../../server/demo/seed-demo';
import { verifyPassword } from '../../server/domain/auth/password';
import { FEEDBACK_CATEGORIES } from '../../shared/feedback/feedback-categories';
import { RETURN_STATUSES } from '../../shared/returns/return-status';
import { TRACKING_STATUSES } from '../../shared/tracking/statuses';
import { createTestDb } from '../support/test-db';

const NOW = Date.UTC(2026, 10, 25, 4, 30, 0);
let handle: Awaited<ReturnType<typeof createTestDb>>;

beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.dispose();
});

async function count(table: 'shipments' | 'tracking_events' | 'orders' | 'couriers' | 'staff'): Promise<number> {
  const row = await handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('demo seed', { timeout: 60_000 }, () => {
  it('fills an empty database with parcels in every status', async () => {
    const progress: number[] = [];
    const result = await seedDemoIfEmpty(handle, { now: NOW, onProgress: (done) => progress.push(done) });
    expect(result.seeded).toBe(true);
    expect(result.shipments).toBe(300);
    expect(await count('shipments')).toBe(300);
    expect(await count('orders')).toBe(300);
    expect(await count('tracking_events')).toBe(result.events);
    expect(result.events).toBeGreaterThan(300 * 5);
    expect(progress.at(-1)).toBe(300);

    const byStatus = await handle.db
      .selectFrom('shipments')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const counts = new Map(byStatus.map((r) => [r.status, Number(r.n)]));
    for (const status of TRACKING_STATUSES) expect(counts.get(status) ?? 0, status).toBeGreaterThanOrEqual(3);

    const maxEvent = await handle.db
      .selectFrom('tracking_events')
      .select((eb) => eb.fn.max('occurred_at').as('t'))
      .executeTakeFirstOrThrow();
    expect(Number(maxEvent.t)).toBeLessThanOrEqual(NOW);
  });

  it('signs in the demo couriers and staff with the listed passwords', async () => {
    expect(await count('couriers')).toBe(DEMO_SIGN_INS.filter((s) => s.role === 'courier').length);
    expect(await count('staff')).toBe(DEMO_SIGN_INS.filter((s) => s.role === 'staff').length);
    const courier = DEMO_SIGN_INS.find((s) => s.role === 'courier')!;
    const row = await handle.db.selectFrom('couriers').selectAll().where('phone', '=', courier.login).executeTakeFirstOrThrow();
    expect(row.name).toBe(courier.name);
    expect(await verifyPassword(courier.password, row.password_hash)).toBe(true);
    const assigned = await handle.db
      .selectFrom('shipments')
      .select('courier_id')
      .where('status', 'in', ['OutForDelivery', 'AttemptFail', 'Delivered'])
      .execute();
    expect(assigned.every((s) => s.courier_id != null)).toBe(true);
  });

  it('does nothing the second time', async () => {
    const events = await count('tracking_events');
    const result = await seedDemoIfEmpty(handle, { now: NOW + 86_400_000 });
    expect(result).toEqual({ seeded: false, shipments: 0, events: 0, returns: 0, claims: 0, feedback: 0, shopOrders: 0 });
    expect(await count('shipments')).toBe(300);
    expect(await count('tracking_events')).toBe(events);
    expect(await count('couriers')).toBe(DEMO_COURIERS.length);
  });

  it('lists one demo parcel per status, unlocked by the recipient phone’s last four digits', async () => {
    const directory = await loadDemoDirectory(handle.db);
    expect(directory.signIns).toEqual(DEMO_SIGN_INS);
    expect(directory.parcels.map((p) => p.status)).toEqual([...TRACKING_STATUSES]);
    for (const parcel of directory.parcels) {
      expect(parcel.phoneLast4).toMatch(/^\d{4}$/);
      const row = await handle.db
        .selectFrom('shipments')
        .innerJoin('orders', 'orders.id', 'shipments.order_id')
        .select(['shipments.status', 'orders.recipient_phone'])
        .where('shipments.tracking_no', '=', parcel.trackingNo)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe(parcel.status);
      expect(row.recipient_phone.slice(-4)).toBe(parcel.phoneLast4);
    }
  });

  it('leaves every parcel waiting for collection in a named locker or station near the recipient, with a code only on its event', async () => {
    const waiting = await handle.db
      .selectFrom('shipments')
      .innerJoin('orders', 'orders.id', 'shipments.order_id')
      .select(['shipments.id', 'shipments.sub_status', 'shipments.pickup_place', 'orders.district'])
      .where('shipments.status', '=', 'AvailableForPickup')
      .execute();
    expect(waiting.length).toBeGreaterThan(3);
    for (const parcel of waiting) {
      const place = JSON.parse(parcel.pickup_place!) as { type: string; name: string; address: string; keepUntil: number };
      expect(place.type).toBe(parcel.sub_status === 'AvailableForPickup_002' ? 'locker' : 'station');
      expect(place.name).toMatch(place.type === 'locker' ? /^(丰巢快递柜|速递易)（.+号柜）$/ : /^(菜鸟驿站|妈妈驿站|兔喜生活)（.+店）$/);
      expect(place.address.startsWith(parcel.district)).toBe(true);
      const drop = await handle.db
        .selectFrom('tracking_events')
        .select(['occurred_at', 'pickup_code'])
        .where('shipment_id', '=', parcel.id)
        .where('status', '=', 'AvailableForPickup')
        .executeTakeFirstOrThrow();
      expect(drop.pickup_code).toMatch(place.type === 'locker' ? /^\d{6}(\d{2})?$/ : /^\d{1,2}-\d-\d{4}$/);
      expect(place.keepUntil).toBe(Number(drop.occurred_at) + (place.type === 'locker' ? 72 : 168) * 3600_000);
      expect(parcel.pickup_place).not.toContain(drop.pickup_code!);
    }
  });
});

describe('demo after-sales', { timeout: 60_000 }, () => {
  let sales: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    sales = await createTestDb();
  });
  afterAll(async () => {
    await sales?.dispose();
  });

  it('leaves returns in every state a person can find them in, each with the numbers the rules give', async () => {
    const uploadDir = join(sales.dir, 'uploads');
    const result = await seedDemoIfEmpty(sales, { now: NOW, afterSales: { uploadDir, timeZone: 'Asia/Shanghai' } });
    expect(result.returns).toBeGreaterThanOrEqual(10);
    expect(result.claims).toBeGreaterThanOrEqual(2);

    const directory = await loadDemoDirectory(sales.db);
    const resting = RETURN_STATUSES.filter((s) => s !== 'requested' && s !== 'approved');
    // Requested and approved are passed through at once (auto-approval, then pickup or drop-off).
    expect(directory.returns.map((r) => r.status)).toEqual(expect.arrayContaining(resting));
    for (const r of directory.returns) {
      const row = await sales.db
        .selectFrom('return_requests as r')
        .innerJoin('shipments as s', 's.id', 'r.shipment_id')
        .innerJoin('orders as o', 'o.id', 'r.order_id')
        .select(['r.status', 's.tracking_no', 'o.recipient_phone'])
        .where('r.return_no', '=', r.returnNo)
        .executeTakeFirstOrThrow();
      expect([row.status, row.tracking_no, row.recipient_phone.slice(-4)]).toEqual([r.status, r.trackingNo, r.phoneLast4]);
    }

    // The demo page's delivered parcel is left free for a visitor to try a no-reason return.
    const offered = directory.parcels.find((p) => p.status === 'Delivered')!;
    expect(directory.returns.map((r) => r.trackingNo)).not.toContain(offered.trackingNo);
    const offeredRow = await sales.db.selectFrom('shipments').select('delivered_at').where('tracking_no', '=', offered.trackingNo).executeTakeFirstOrThrow();
    expect(NOW - offeredRow.delivered_at!).toBeLessThan(5 * 86_400_000);

    // Every refunded return was paid once, for exactly its settled amount.
    const refunded = await sales.db
      .selectFrom('return_requests as r')
      .innerJoin('refunds as f', 'f.return_id', 'r.id')
      .select(['r.settlement', 'f.amount_fen'])
      .where('r.status', 'in', ['refunded', 'closed'])
      .execute();
    expect(refunded.length).toBeGreaterThanOrEqual(2);
    for (const row of refunded) expect(row.amount_fen).toBe((JSON.parse(row.settlement!) as { totalFen: number }).totalFen);

    // Customers' evidence photos are real files in the upload folder.
    const photos = await sales.db.selectFrom('customer_uploads').select('stored_name').execute();
    expect(photos.length).toBeGreaterThan(0);
    for (const photo of photos) expect(existsSync(join(uploadDir, photo.stored_name))).toBe(true);
  });

  it('leaves feedback of every category in both languages, mostly happy, with call-backs open, overdue and done', async () => {
    const feedback = await sales.db.selectFrom('feedback').select(['csat', 'comment', 'shipment_id']).execute();
    expect(feedback.length).toBeGreaterThanOrEqual(25);
    expect(feedback.filter((f) => f.csat >= 4).length).toBeGreaterThan(feedback.length / 2);
    expect(feedback.some((f) => /[\u4e00-\u9fff]/.test(f.comment))).toBe(true);
    expect(feedback.some((f) => /^[\x20-\x7e’]+$/.test(f.comment) && f.comment.length > 0)).toBe(true);
    const categories = new Set((await sales.db.selectFrom('feedback_categories').select('category').execute()).map((c) => c.category));
    expect([...categories].sort()).toEqual([...FEEDBACK_CATEGORIES].sort());

    const followUps = await sales.db.selectFrom('follow_ups').selectAll().execute();
    const open = followUps.filter((f) => f.status === 'open');
    expect(open.some((f) => Number(f.due_at) < NOW)).toBe(true);
    expect(open.some((f) => Number(f.due_at) >= NOW)).toBe(true);
    expect(followUps.some((f) => f.kind === 'exception_overdue')).toBe(true);
    const done = followUps.filter((f) => f.status === 'done');
    expect(done.length).toBeGreaterThanOrEqual(3);
    for (const f of done) expect([f.outcome, f.resolved_by, Number(f.resolved_at) <= NOW]).toEqual([expect.any(String), expect.any(Number), true]);
    expect(done.some((f) => f.customer_note)).toBe(true);

    // The demo page's delivered parcel is left for a visitor to rate.
    const offered = (await loadDemoDirectory(sales.db)).parcels.find((p) => p.status === 'Delivered')!;
    const offeredId = (await sales.db.selectFrom('shipments').select('id').where('tracking_no', '=', offered.trackingNo).executeTakeFirstOrThrow()).id;
    expect(feedback.map((f) => f.shipment_id)).not.toContain(offeredId);
  });
});
