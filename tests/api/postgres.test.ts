import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { InProcessTrackingBus } from '../../server/domain/tracking/tracking-bus';
import { silentLogger } from '../../server/http/logger';
import { createParcel } from '../support/factories';
import { startPostgres } from '../support/postgres-server';
import { testConfig } from '../support/test-app';
import { freePort } from '../support/free-port';
import { simulatedPaymentProvider } from '../../server/domain/payments/simulated-payment-provider';
import { simulatedSmsProvider } from '../../server/domain/notifications/simulated-sms-provider';
import { customerUpload, deliveredParcel, DROPOFF_OVERRIDE, postJson, staffCookie, verifyCustomer } from '../support/return-fixtures';
import { createCourier } from '../support/accounts';
import { report, signIn, sync, upload } from '../support/courier-fixtures';

// The scale-out engine: the same migrations and the same API over a real PostgreSQL server.
let pg: ReturnType<typeof startPostgres>;
let handle: DatabaseHandle;

beforeAll(async () => {
  pg = startPostgres(await freePort());
  handle = createDb(pg.url);
}, 60_000);
afterAll(async () => {
  await handle?.close();
  pg?.stop();
});

/**
 * createTestApp's shape over the PostgreSQL pool (so concurrent requests really overlap), with
 * a clock the test can move and its own upload folder; `dispose` removes the folder.
 */
function pgTestApp(startAt = Date.UTC(2026, 10, 21, 4, 0, 0)) {
  const uploadDir = mkdtempSync(join(tmpdir(), 'doorstep-pg-uploads-'));
  let now = startAt;
  const deps = {
    db: handle.db,
    config: testConfig({ uploadDir }),
    bus: new InProcessTrackingBus(),
    logger: silentLogger,
    clock: () => now,
    payments: simulatedPaymentProvider(handle.db, () => now),
    sms: simulatedSmsProvider(handle.db, () => now),
  };
  return {
    app: createApp(deps),
    deps,
    db: handle.db,
    now: () => now,
    setNow: (ms: number) => {
      now = ms;
    },
    dispose: async () => rmSync(uploadDir, { recursive: true, force: true }),
  };
}

describe('PostgreSQL', () => {
  it('runs every migration, and a second run does nothing', async () => {
    const applied = await migrateToLatest(handle.db);
    expect(applied.length).toBeGreaterThan(0);
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('serves tracking and verification with the same answers as SQLite', async () => {
    const parcel = await createParcel(handle.db, {
      phone: '13655554321',
      events: [
        { status: 'InTransit', occurredAt: Date.UTC(2026, 10, 19, 2, 0, 0), city: '广州市' },
        { status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 20, 2, 0, 0), city: '深圳市' },
      ],
    });
    const app = createApp({ db: handle.db, config: testConfig(), bus: new InProcessTrackingBus(), logger: silentLogger, clock: () => Date.UTC(2026, 10, 20, 3, 0, 0), payments: simulatedPaymentProvider(handle.db, Date.now), sms: simulatedSmsProvider(handle.db, Date.now) });
    const view = await (await app.request(`/api/track/${parcel.trackingNo}`)).json();
    expect(view.status).toBe('OutForDelivery');
    expect(view.events.map((e: { occurredAt: number }) => e.occurredAt)).toEqual([
      Date.UTC(2026, 10, 20, 2, 0, 0),
      Date.UTC(2026, 10, 19, 2, 0, 0),
    ]);
    // BIGINT times come back as numbers, not strings.
    expect(typeof view.promisedBy).toBe('number');

    const verify = (digits: string) =>
      app.request(`/api/track/${parcel.trackingNo}/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' },
        body: JSON.stringify({ phoneLast4: digits }),
      });
    expect((await verify('0000')).status).toBe(403);
    const ok = await verify('4321');
    expect(ok.status).toBe(200);
    expect((await ok.json()).details.items).toHaveLength(2);
  });

  it('takes a return through inspection, and a burst of refund presses on a pool of connections pays once', async () => {
    const t = pgTestApp();
    try {
      const f = await deliveredParcel(t, '13500009876');
      const staff = await staffCookie(t);
      const created = await postJson(t, '/api/returns', {
        trackingNo: f.parcel.trackingNo,
        items: [{ orderItemId: f.shirt, quantity: 2 }],
        reasonCode: 'size_fit',
        reasonDetail: 'too_large',
        condition: 'opened',
        method: 'dropoff',
      }, f.customer);
      expect(created.status).toBe(201);
      const { returnNo, quote } = await created.json();
      const received = await postJson(t, `/api/ops/returns/${returnNo}/receive`, { items: [{ orderItemId: f.shirt, acceptedQuantity: 2, damagedQuantity: 0 }], override: DROPOFF_OVERRIDE }, staff);
      expect(received.status).toBe(200);

      const burst = await Promise.all(Array.from({ length: 8 }, () => postJson(t, `/api/ops/returns/${returnNo}/refund`, {}, staff)));
      expect(burst.map((r) => r.status)).toEqual(Array(8).fill(200));
      const ret = await handle.db.selectFrom('return_requests').select(['id', 'status']).where('return_no', '=', returnNo).executeTakeFirstOrThrow();
      expect(ret.status).toBe('refunded');
      const refunds = await handle.db.selectFrom('refunds').select(['amount_fen', 'status', 'idempotency_key']).where('return_id', '=', ret.id).execute();
      expect(refunds).toEqual([{ amount_fen: quote.totalFen, status: 'succeeded', idempotency_key: expect.any(String) }]);
      const paid = await handle.db.selectFrom('simulated_provider_refunds').select('amount_fen').where('idempotency_key', '=', refunds[0]!.idempotency_key).execute();
      expect(paid).toEqual([{ amount_fen: quote.totalFen }]);
      const moved = await handle.db.selectFrom('return_events').select('id').where('return_id', '=', ret.id).where('status', '=', 'refunded').execute();
      expect(moved).toHaveLength(1);
    } finally {
      await t.dispose();
    }
  });

  it('a customer’s choices after a failed attempt sent at once on a pool: one is the event, the other is refused', async () => {
    const t = pgTestApp();
    try {
      const courier = await createCourier(t.db);
      const courierCookie = await signIn(t, courier.phone);
      for (let i = 0; i < 4; i++) {
        const parcel = await createParcel(t.db, {
          courierId: courier.id,
          events: [
            { status: 'InTransit', occurredAt: Date.UTC(2026, 10, 20, 1) },
            { status: 'OutForDelivery', occurredAt: Date.UTC(2026, 10, 21, 1) },
          ],
        });
        const failed = report({ trackingNo: parcel.trackingNo, kind: 'failed_attempt', reasonCode: 'recipient_unavailable', shipmentVersion: 3 });
        expect((await (await sync(t, courierCookie, [failed])).json()).results[0].outcome).toBe('applied');
        const customer = await verifyCustomer(t, parcel.trackingNo, parcel.phone.slice(-4));
        const answers = await Promise.all(
          [{ kind: 'redeliver', day: '2026-11-23' }, { kind: 'hold' }, { kind: 'redeliver', day: '2026-11-22' }].map((choice) =>
            postJson(t, `/api/track/${parcel.trackingNo}/attempt-choice`, choice, customer),
          ),
        );
        expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
        const choices = await t.db.selectFrom('tracking_events').select('id').where('shipment_id', '=', parcel.shipmentId).where('actor_type', '=', 'customer').execute();
        expect(choices).toHaveLength(1);
      }
    } finally {
      await t.dispose();
    }
  });

  it('a claim and a return of one parcel sent at once on a pool: exactly one is accepted, every time', async () => {
    const t = pgTestApp();
    try {
      for (let i = 0; i < 6; i++) {
        const f = await deliveredParcel(t, `1360000${String(i).padStart(4, '0')}`);
        const [claim, ret] = await Promise.all([
          postJson(t, '/api/claims', { trackingNo: f.parcel.trackingNo, kind: 'not_received', note: '' }, f.customer),
          postJson(t, '/api/returns', { trackingNo: f.parcel.trackingNo, items: [{ orderItemId: f.shirt, quantity: 1 }], reasonCode: 'size_fit', reasonDetail: 'too_large', condition: 'opened', method: 'dropoff' }, f.customer),
        ]);
        expect([claim.status, ret.status].filter((s) => s === 201)).toHaveLength(1);
        expect([claim.status, ret.status].filter((s) => s >= 500)).toEqual([]);
        const claims = await handle.db.selectFrom('parcel_claims').select('id').where('shipment_id', '=', f.parcel.shipmentId).execute();
        const returns = await handle.db.selectFrom('return_requests').select('id').where('shipment_id', '=', f.parcel.shipmentId).execute();
        expect(claims.length + returns.length).toBe(1);
      }
    } finally {
      await t.dispose();
    }
  });

  it('keeps one photo for retries racing on a pool, and gives a customer with a courier’s key a photo of their own', async () => {
    const t = pgTestApp(Date.UTC(2026, 10, 21, 4));
    try {
      const f = await deliveredParcel(t, '13500006543');
      const courier = await signIn(t, f.courier.phone);
      const key = crypto.randomUUID();
      const racing = await Promise.all([1, 2, 3].map(() => upload(t, courier, key)));
      expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);
      const ids = new Set(await Promise.all(racing.map(async (r) => ((await r.json()) as { id: string }).id)));
      expect(ids.size).toBe(1);
      const customer = await customerUpload(t, f.parcel.trackingNo, f.customer, key);
      expect(customer.status).toBe(201);
      expect(ids.has(((await customer.json()) as { id: string }).id)).toBe(false);
      expect(await handle.db.selectFrom('uploads').select('id').where('client_key', '=', key).execute()).toEqual([{ id: [...ids][0] }]);
      expect(await handle.db.selectFrom('customer_uploads').select('id').where('client_key', '=', key).execute()).toHaveLength(1);
    } finally {
      await t.dispose();
    }
  });

  it('hands a slowed parcel’s turn to one of a burst of parallel tries on a pool, and a flood from one address keeps no customer out', async () => {
    const t = pgTestApp();
    const { app } = t;
    try {
      const parcel = await createParcel(handle.db, { phone: '13900007777', events: [{ status: 'InTransit', occurredAt: t.now() - 3_600_000 }] });
      const verify = (digits: string, address: string) =>
        app.request(`/api/track/${parcel.trackingNo}/verify`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ phoneLast4: digits }) });
      const flood = await Promise.all([...Array.from({ length: 30 }, (_, i) => verify(String(2000 + i), '198.51.100.66')), verify('7777', '203.0.113.9')]);
      expect(flood.at(-1)!.status).toBe(200);
      expect(flood.slice(0, -1).filter((r) => r.status === 403).length).toBeLessThanOrEqual(5);
      for (let i = 0; i < 10; i++) await verify(String(3000 + i), `198.51.101.${i}`);
      t.setNow(t.now() + 600_000);
      const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => verify(String(4000 + i), `198.51.102.${i}`)));
      expect(burst.filter((r) => r.status === 403).length).toBe(1);
      expect(burst.filter((r) => r.status === 429).length).toBe(11);
    } finally {
      await t.dispose();
    }
  });
});
