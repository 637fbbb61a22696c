import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { simulatedPaymentProvider } from '../../server/domain/payments/simulated-payment-provider';
import { simulatedSmsProvider } from '../../server/domain/notifications/simulated-sms-provider';
import { InProcessTrackingBus } from '../../server/domain/tracking/tracking-bus';
import { silentLogger } from '../../server/http/logger';
import { createParcel } from '../support/factories';
import { freePort } from '../support/free-port';
import { startPostgres } from '../support/postgres-server';
import { deliveredParcel, postJson, staffCookie } from '../support/return-fixtures';
import { testConfig } from '../support/test-app';

// Feedback and follow-ups on the scale-out engine: the same answers as on SQLite.
let pg: ReturnType<typeof startPostgres>;
let handle: DatabaseHandle;
const HOUR = 3_600_000;

beforeAll(async () => {
  pg = startPostgres(await freePort());
  handle = createDb(pg.url);
  await migrateToLatest(handle.db);
}, 60_000);
afterAll(async () => {
  await handle?.close();
  pg?.stop();
});

function pgApp() {
  let now = Date.UTC(2026, 10, 21, 4, 0, 0);
  const clock = () => now;
  const app = createApp({ db: handle.db, config: testConfig(), bus: new InProcessTrackingBus(), logger: silentLogger, clock, payments: simulatedPaymentProvider(handle.db, clock), sms: simulatedSmsProvider(handle.db, clock) });
  return { app, db: handle.db, now: clock, setNow: (ms: number) => (now = ms), dispose: async () => undefined, deps: undefined as never };
}

describe('feedback on PostgreSQL', () => {
  it('one of two racing submissions is stored; the call-back is listed, answered, and shown to the customer', async () => {
    const t = pgApp();
    const f = await deliveredParcel(t as never, '13600005678');
    const body = { trackingNo: f.parcel.trackingNo, csat: 1, nps: 2, tags: ['damaged'], comment: 'Box crushed, 杯子碎了' };
    const statuses = (await Promise.all([postJson(t as never, '/api/feedback', body, f.customer), postJson(t as never, '/api/feedback', body, f.customer)])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);

    const staff = await staffCookie(t as never);
    const list = await (await t.app.request('/api/ops/follow-ups?status=open', { headers: { cookie: staff } })).json();
    const mine = list.followUps.filter((x: { shipment: { trackingNo: string } }) => x.shipment.trackingNo === f.parcel.trackingNo);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'negative_feedback', dueAt: t.now() + 24 * HOUR, feedback: { csat: 1, categories: ['damaged_in_transit'] } });

    const done = await postJson(t as never, `/api/ops/follow-ups/${mine[0].id}/outcome`, { outcome: 'resend_offered', outcomeNote: 'sent again', customerNote: '已为您补发' }, staff);
    expect(done.status).toBe(200);
    const view = await (await t.app.request(`/api/feedback?trackingNo=${f.parcel.trackingNo}`, { headers: { cookie: f.customer } })).json();
    expect(view.shopResponse).toEqual({ note: '已为您补发', respondedAt: t.now() });
    expect(typeof view.createdAt).toBe('number');
  });

  it('opens the overdue-exception call-back once', async () => {
    const t = pgApp();
    const at = t.now() - 50 * HOUR;
    const parcel = await createParcel(handle.db, { phone: '13600009999', events: [{ status: 'Exception', subStatus: 'Exception_005', occurredAt: at }] });
    await handle.db.updateTable('shipments').set({ updated_at: at }).where('id', '=', parcel.shipmentId).execute();
    const staff = await staffCookie(t as never);
    const look = async () =>
      (await (await t.app.request('/api/ops/follow-ups', { headers: { cookie: staff } })).json()).followUps.filter(
        (x: { shipment: { trackingNo: string } }) => x.shipment.trackingNo === parcel.trackingNo,
      );
    expect(await look()).toMatchObject([{ kind: 'exception_overdue', status: 'open', exception: { since: at } }]);
    expect(await look()).toHaveLength(1);
  });
});
