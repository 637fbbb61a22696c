import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUpView } from '../../shared/api/feedback';
import { createApp } from '../../server/app';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { listCorrectedFeedback } from '../../server/domain/feedback/feedback-corrections-repository';
import { simulatedPaymentProvider } from '../../server/domain/payments/simulated-payment-provider';
import { simulatedSmsProvider } from '../../server/domain/notifications/simulated-sms-provider';
import { InProcessTrackingBus } from '../../server/domain/tracking/tracking-bus';
import { silentLogger } from '../../server/http/logger';
import { freePort } from '../support/free-port';
import { startPostgres } from '../support/postgres-server';
import { deliveredParcel, postJson, staffCookie } from '../support/return-fixtures';
import { jsonHeaders, testConfig } from '../support/test-app';

// Staff corrections on the scale-out engine: the same answers as on SQLite, and two staff
// correcting one feedback at once leave one of their sets, never both mixed.
let pg: ReturnType<typeof startPostgres>;
let handle: DatabaseHandle;

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
  const now = Date.UTC(2026, 10, 21, 4, 0, 0);
  const clock = () => now;
  const app = createApp({ db: handle.db, config: testConfig(), bus: new InProcessTrackingBus(), logger: silentLogger, clock, payments: simulatedPaymentProvider(handle.db, clock), sms: simulatedSmsProvider(handle.db, clock) });
  return { app, db: handle.db, now: clock, setNow: () => undefined, dispose: async () => undefined, deps: undefined as never };
}

describe('feedback corrections on PostgreSQL', () => {
  it('a correction shows in the call-back list and the dashboard at once; two at once leave one whole set', async () => {
    const t = pgApp();
    const f = await deliveredParcel(t as never, '13600007777');
    expect((await postJson(t as never, '/api/feedback', { trackingNo: f.parcel.trackingNo, csat: 1, nps: 2, tags: ['damaged'], comment: '箱子压坏了，东西也放错了地方' }, f.customer)).status).toBe(201);
    const staff = await staffCookie(t as never);
    const mine = async () =>
      ((await (await t.app.request('/api/ops/follow-ups', { headers: { cookie: staff } })).json()).followUps as FollowUpView[]).find((x) => x.shipment.trackingNo === f.parcel.trackingNo)!;
    const id = (await mine()).feedback!.id;
    const put = (categories: string[]) => t.app.request(`/api/ops/feedback/${id}/categories`, { method: 'PUT', headers: { ...jsonHeaders, cookie: staff }, body: JSON.stringify({ categories }) });

    const res = await put(['wrong_place', 'damaged_in_transit']);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ feedbackId: id, categories: ['wrong_place', 'damaged_in_transit'], correctedBy: { at: t.now() } });
    expect((await mine()).feedback).toMatchObject({ categories: ['wrong_place', 'damaged_in_transit'], correctedBy: { at: t.now() } });
    const report = await (await t.app.request('/api/ops/kpis?from=2026-11-21&to=2026-11-21', { headers: { cookie: staff } })).json();
    expect(report.feedbackCategoriesByDay.filter((r: { category: string }) => r.category === 'wrong_place')).toEqual([{ day: '2026-11-21', category: 'wrong_place', count: 1 }]);

    const sets = [['packaging'], ['courier_behaviour', 'delivery_late', 'praise']];
    const statuses = await Promise.all(Array.from({ length: 8 }, (_, i) => put(sets[i % 2]!)));
    expect(statuses.map((r) => r.status)).toEqual(Array(8).fill(200));
    const stored = (await handle.db.selectFrom('feedback_categories').select('category').where('feedback_id', '=', id).execute()).map((r) => r.category).sort();
    expect([['packaging'], ['courier_behaviour', 'delivery_late', 'praise']]).toContainEqual(stored);
    const history = await handle.db.selectFrom('feedback_corrections').select('categories').where('feedback_id', '=', id).orderBy('id').execute();
    expect(history).toHaveLength(9);
    // What the list and the training data call the latest is what is stored.
    expect([...JSON.parse(history.at(-1)!.categories)].sort()).toEqual(stored);
    const training = (await listCorrectedFeedback(handle.db)).find((x) => x.feedbackId === id);
    expect([...training!.labels].sort()).toEqual(stored);
  });
});
