import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { computeKpiReport } from '../../server/domain/analytics/kpi-queries';
import { computeProcessMap } from '../../server/domain/analytics/process-map-query';
import { kpiReportFromLog } from '../../shared/analytics/kpi-formulas';
import { processMapFromLog } from '../../shared/analytics/process-map';
import { bucketedPercentile } from '../../shared/analytics/duration-buckets';
import type { KpiLog, LogShipment } from '../../shared/analytics/event-log';
import { kpiReportFromRollups } from '../../server/domain/analytics/kpi-rollup-queries';
import { processMapFromRollups } from '../../server/domain/analytics/process-map-rollup-query';
import { refreshAnalyticsRollups } from '../../server/domain/analytics/rollup-refresh';
import { recordTrackingEvent } from '../../server/domain/tracking/tracking-service';
import type { KpiReport, ProcessMap } from '../../shared/api/ops-analytics';
import { SAMPLE_LOG, SAMPLE_SHIPMENTS } from '../unit/analytics-sample-log';
import { createCourier } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { freePort } from '../support/free-port';
import { startPostgres } from '../support/postgres-server';
import { deliveredParcel, staffCookie } from '../support/return-fixtures';
import { createTestApp } from '../support/test-app';
import { writeKpiLog } from './ops-analytics-log-writer';

const TZ = 'Asia/Shanghai';
const RANGES = [
  { from: '2026-11-10', to: '2026-11-12' },
  { from: '2026-11-09', to: '2026-11-13' },
  { from: '2026-11-11', to: '2026-11-11' },
];

let t: Awaited<ReturnType<typeof createTestApp>>;
let staff: string;
let courierIds: Map<number, number>;

// Every test only reads the log (the refusals add a courier and a customer, whom no figure counts).
beforeAll(async () => {
  t = await createTestApp();
  ({ courierIds } = await writeKpiLog(t.db, SAMPLE_LOG));
  staff = await staffCookie(t);
});
afterAll(() => t.dispose());

const get = (path: string, cookie = staff) => t.app.request(path, { headers: cookie ? { cookie } : {} });

describe('SQL over the event log equals the formulas over the same log (SQLite)', () => {
  it.each(RANGES)('KPIs for $from … $to', async (range) => {
    expect(await computeKpiReport(t.db, range, TZ)).toEqual(kpiReportFromLog(SAMPLE_LOG, range, TZ));
  });

  it.each([{}, { courier: 2 }, { city: '杭州市' }, { courier: 1, city: '上海市' }, { city: '北京市' }])('process map filtered by %j', async (filter) => {
    const query = { ...RANGES[0]!, ...filter };
    const expected = processMapFromLog(SAMPLE_SHIPMENTS, query, TZ);
    const dbQuery = { ...query, courier: 'courier' in filter ? courierIds.get(filter.courier!)! : undefined };
    const actual = await computeProcessMap(t.db, dbQuery, TZ);
    expect({ ...actual, filters: expected.filters }).toEqual(expected);
  });
});

describe('the roll-ups equal the formulas over the same log (durations bucketed as they are)', () => {
  it.each(RANGES)('KPIs for $from … $to', async (range) => {
    await refreshAnalyticsRollups(t.db, TZ, t.now());
    expect(await kpiReportFromRollups(t.db, range, TZ)).toEqual(kpiReportFromLog(SAMPLE_LOG, range, TZ, bucketedPercentile));
  });

  it.each([{}, { courier: 2 }, { city: '杭州市' }, { courier: 1, city: '上海市' }, { city: '北京市' }])('process map filtered by %j', async (filter) => {
    await refreshAnalyticsRollups(t.db, TZ, t.now());
    const query = { ...RANGES[0]!, ...filter };
    const expected = processMapFromLog(SAMPLE_SHIPMENTS, query, TZ, bucketedPercentile);
    const dbQuery = { ...query, courier: 'courier' in filter ? courierIds.get(filter.courier!)! : undefined };
    expect({ ...(await processMapFromRollups(t.db, dbQuery)), filters: expected.filters }).toEqual(expected);
  });
});

describe('the roll-ups follow new writes exactly', () => {
  it('folds in late and out-of-order events, a re-assigned courier and new shipments and orders', async () => {
    const app = await createTestApp();
    try {
      const log: KpiLog = structuredClone(SAMPLE_LOG);
      const { courierIds: ids } = await writeKpiLog(app.db, log);
      await refreshAnalyticsRollups(app.db, TZ, app.now());
      const shipmentE = log.shipments.find((s) => s.id === 5)!;
      const dbE = await app.db.selectFrom('shipments').select(['id', 'tracking_no']).where('courier_id', '=', ids.get(2)!).where('promised_by', '=', shipmentE.promisedBy).executeTakeFirstOrThrow();
      const record = async (status: 'InTransit' | 'OutForDelivery' | 'Delivered', local: string) => {
        const occurredAt = Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
        const { event } = await recordTrackingEvent(app.db, { trackingNo: dbE.tracking_no, status, occurredAt, place: { province: null, city: '上海市' }, actor: { type: 'system', id: null } }, app.now());
        (shipmentE.events as LogShipment['events'][number][]).push({ id: event.id, status, subStatus: event.subStatus, occurredAt, reasonCode: null });
      };
      // E is re-assigned to courier 1, then moves on; one report arrives late, dated between two others.
      await app.db.updateTable('shipments').set({ courier_id: ids.get(1)! }).where('id', '=', dbE.id).execute();
      (shipmentE as { courierId: number | null }).courierId = 1;
      await record('InTransit', '2026-11-13 12:00');
      await record('InTransit', '2026-11-13 10:00');
      await record('OutForDelivery', '2026-11-14 08:00');
      await record('Delivered', '2026-11-14 09:00');
      // A whole new parcel and order, written after the first refresh.
      const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
      const parcelF: LogShipment = {
        id: 99,
        leg: 'delivery',
        courierId: null,
        destinationCity: '杭州市',
        createdAt: at('2026-11-13 08:00'),
        promisedBy: at('2026-11-13 20:00'),
        deliveredAt: at('2026-11-14 11:00'),
        events: [
          { id: 1, status: 'InTransit', subStatus: 'InTransit_002', occurredAt: at('2026-11-13 09:00'), reasonCode: null },
          { id: 2, status: 'OutForDelivery', subStatus: 'OutForDelivery_001', occurredAt: at('2026-11-14 08:30'), reasonCode: null },
          { id: 3, status: 'Delivered', subStatus: 'Delivered_001', occurredAt: at('2026-11-14 11:00'), reasonCode: null },
        ],
      };
      await writeKpiLog(app.db, { orders: [{ createdAt: at('2026-11-13 09:00') }], shipments: [parcelF], returns: [], refunds: [], feedback: [], feedbackCategories: [] });
      log.shipments = [...log.shipments, parcelF];
      await refreshAnalyticsRollups(app.db, TZ, app.now());
      log.orders = [...log.orders, { createdAt: at('2026-11-13 09:00') }];
      for (const range of [{ from: '2026-11-09', to: '2026-11-14' }, { from: '2026-11-13', to: '2026-11-14' }]) {
        expect(await kpiReportFromRollups(app.db, range, TZ)).toEqual(kpiReportFromLog(log, range, TZ, bucketedPercentile));
        for (const filter of [{}, { courier: 1 }, { courier: 2 }] as Array<{ courier?: number }>) {
          const expected = processMapFromLog(log.shipments, { ...range, ...filter }, TZ, bucketedPercentile);
          const actual = await processMapFromRollups(app.db, { ...range, courier: filter.courier !== undefined ? ids.get(filter.courier)! : undefined });
          expect({ ...actual, filters: expected.filters }).toEqual(expected);
        }
      }
      // And a rebuild from scratch (another time zone, then back) gives the same.
      const before = await kpiReportFromRollups(app.db, RANGES[1]!, TZ);
      await refreshAnalyticsRollups(app.db, 'Europe/London', app.now());
      expect((await refreshAnalyticsRollups(app.db, TZ, app.now())).rebuilt).toBe(true);
      expect(await kpiReportFromRollups(app.db, RANGES[1]!, TZ)).toEqual(before);
    } finally {
      app.dispose();
    }
  });
});

describe('发货 counts orders sent out: a resend after a claim is not a second shipment', () => {
  it('SQL and roll-ups leave the resend out as the formula does, so 发货 never exceeds 订单 for it', async () => {
    const app = await createTestApp();
    try {
      const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
      const parcel = (id: number, resend: boolean): LogShipment => ({
        id,
        leg: 'delivery',
        resend,
        courierId: null,
        destinationCity: '杭州市',
        createdAt: at('2026-11-11 10:00'),
        promisedBy: null,
        deliveredAt: null,
        events: [{ id: 1, status: 'InTransit', subStatus: 'InTransit_002', occurredAt: at('2026-11-11 11:00'), reasonCode: null }],
      });
      const log: KpiLog = { orders: [{ createdAt: at('2026-11-11 09:00') }], shipments: [parcel(1, false), parcel(2, true)], returns: [], refunds: [], feedback: [], feedbackCategories: [] };
      await writeKpiLog(app.db, log);
      await refreshAnalyticsRollups(app.db, TZ, app.now());
      const range = { from: '2026-11-11', to: '2026-11-11' };
      const sqlReport = await computeKpiReport(app.db, range, TZ);
      expect(sqlReport).toEqual(kpiReportFromLog(log, range, TZ));
      expect(await kpiReportFromRollups(app.db, range, TZ)).toEqual(kpiReportFromLog(log, range, TZ, bucketedPercentile));
      expect(sqlReport.totals).toMatchObject({ orders: 1, shipments: 1 });
    } finally {
      app.dispose();
    }
  });
});

describe('GET /api/ops/kpis', () => {
  it('answers staff with the report', async () => {
    const res = await get('/api/ops/kpis?from=2026-11-10&to=2026-11-12');
    expect(res.status).toBe(200);
    const body = (await res.json()) as KpiReport;
    expect(body.totals).toMatchObject({ shipments: 4, delivered: 4, onTimeRate: 2 / 3, firstAttemptRate: 0.75, exceptionsPer100: 25, csat: 3.5, nps: 0 });
    expect(body.daily.map((d) => d.day)).toEqual(['2026-11-10', '2026-11-11', '2026-11-12']);
  });

  it.each([
    ['no range', ''],
    ['only from', '?from=2026-11-10'],
    ['to before from', '?from=2026-11-12&to=2026-11-10'],
    ['more than 366 days', '?from=2025-01-01&to=2026-01-02'],
    ['not a day', '?from=2026-11-10&to=tomorrow'],
    ['not a calendar day', '?from=2026-02-29&to=2026-03-01'],
    ['an unknown filter', '?from=2026-11-10&to=2026-11-12&courier=1'],
    ['a repeated parameter', '?from=2026-11-10&to=2026-11-12&to=2026-11-13'],
  ])('refuses %s with 400', async (_name, query) => {
    const res = await get(`/api/ops/kpis${query}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_query');
  });
});

describe('GET /api/ops/process-map', () => {
  it('answers staff with the directly-follows graph, filtered', async () => {
    const all = (await (await get('/api/ops/process-map?from=2026-11-10&to=2026-11-12')).json()) as ProcessMap;
    expect(all.shipments).toBe(4);
    expect(all.edges.find((e) => e.from === 'AttemptFail' && e.to === 'OutForDelivery')).toMatchObject({ count: 1, rework: true });
    const res = await get(`/api/ops/process-map?from=2026-11-10&to=2026-11-12&courier=${courierIds.get(2)}&city=${encodeURIComponent('杭州市')}`);
    expect(res.status).toBe(200);
    const one = (await res.json()) as ProcessMap;
    expect(one).toMatchObject({ shipments: 1, filters: { courier: courierIds.get(2), city: '杭州市' } });
  });

  it.each([
    ['a courier that is not an id', '&courier=abc'],
    ['courier 0', '&courier=0'],
    ['a negative courier', '&courier=-3'],
    ['an empty city', '&city='],
    ['an unknown filter', '&depot=7'],
  ])('refuses %s with 400', async (_name, filter) => {
    expect((await get(`/api/ops/process-map?from=2026-11-10&to=2026-11-12${filter}`)).status).toBe(400);
  });

  it('refuses a bad range with 400', async () => {
    expect((await get('/api/ops/process-map?from=2026-11-12&to=2026-11-10')).status).toBe(400);
  });
});

describe('GET /api/ops/kpis.csv', () => {
  it.each([
    ['daily', 'day,orders,shipments,delivered,promised,on_time,on_time_rate,first_attempt,first_attempt_rate,exceptions,returns,refunds_fen,csat_mean,nps', 4],
    ['exceptions', 'reason_code,count,per_100_shipments', 2],
    ['stages', 'stage,median_ms,p90_ms,count', 6],
    ['returns', 'reason_code,count', 3],
    ['feedback', 'day,category,count', 4],
  ])('exports %s with a BOM and a header row', async (table, header, lines) => {
    const res = await get(`/api/ops/kpis.csv?table=${table}&from=2026-11-10&to=2026-11-12`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`doorstep-${table}-2026-11-10-2026-11-12.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const rows = text.trimEnd().split('\r\n');
    expect(rows[0]).toBe(header);
    expect(rows).toHaveLength(lines);
  });

  it('writes the daily figures as numbers', async () => {
    const text = await (await get('/api/ops/kpis.csv?table=daily&from=2026-11-12&to=2026-11-12')).text();
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[1]).toBe('2026-11-12,1,1,2,1,0,0,1,0.5,0,2,12900,3,-50');
  });

  it.each(['', '&table=everything', '&table=daily&from=2026-11-12'])('refuses %j with 400', async (q) => {
    expect((await get(`/api/ops/kpis.csv?from=2026-11-10&to=2026-11-12${q}`)).status).toBe(400);
  });
});

describe('who may not see the figures', () => {
  let phones = 11_112_000;
  const paths = ['/api/ops/kpis?from=2026-11-10&to=2026-11-12', '/api/ops/process-map?from=2026-11-10&to=2026-11-12', '/api/ops/kpis.csv?table=daily&from=2026-11-10&to=2026-11-12'];

  it.each(paths)('%s: anonymous 401, a courier and a verified customer 401/403', async (path) => {
    expect((await get(path, '')).status).toBe(401);
    const courier = await createCourier(t.db);
    const courierCookie = await signIn(t, courier.phone);
    expect((await get(path, courierCookie)).status).toBe(403);
    const { customer } = await deliveredParcel(t, `135${String(++phones).padStart(8, '0')}`);
    expect([401, 403]).toContain((await get(path, customer)).status);
  });

  it('a bad query from someone who may not ask is refused for who they are, not the query', async () => {
    expect((await get('/api/ops/kpis?from=nonsense', '')).status).toBe(401);
  });
});

describe('PostgreSQL: the same SQL gives the same answers', () => {
  let pg: ReturnType<typeof startPostgres>;
  let handle: DatabaseHandle;
  let pgCouriers: Map<number, number>;

  beforeAll(async () => {
    pg = startPostgres(await freePort());
    handle = createDb(pg.url);
    await migrateToLatest(handle.db);
    ({ courierIds: pgCouriers } = await writeKpiLog(handle.db, SAMPLE_LOG));
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
    pg?.stop();
  });

  it.each(RANGES)('KPIs for $from … $to', async (range) => {
    expect(await computeKpiReport(handle.db, range, TZ)).toEqual(kpiReportFromLog(SAMPLE_LOG, range, TZ));
  });

  it('the roll-ups, built and read on PostgreSQL', async () => {
    expect((await refreshAnalyticsRollups(handle.db, TZ, Date.UTC(2026, 10, 21))).rebuilt).toBe(true);
    for (const range of RANGES) expect(await kpiReportFromRollups(handle.db, range, TZ)).toEqual(kpiReportFromLog(SAMPLE_LOG, range, TZ, bucketedPercentile));
    const range = RANGES[0]!;
    expect(await processMapFromRollups(handle.db, range)).toEqual(processMapFromLog(SAMPLE_SHIPMENTS, range, TZ, bucketedPercentile));
    const one = await processMapFromRollups(handle.db, { ...range, courier: pgCouriers.get(2)!, city: '杭州市' });
    expect({ ...one, filters: { courier: 2, city: '杭州市' } }).toEqual(processMapFromLog(SAMPLE_SHIPMENTS, { ...range, courier: 2, city: '杭州市' }, TZ, bucketedPercentile));
    expect((await refreshAnalyticsRollups(handle.db, TZ, Date.UTC(2026, 10, 21))).foldedShipments).toBe(0);
  });

  it('process map, whole and for one courier', async () => {
    const range = RANGES[0]!;
    const whole = await computeProcessMap(handle.db, range, TZ);
    expect(whole).toEqual(processMapFromLog(SAMPLE_SHIPMENTS, range, TZ));
    const one = await computeProcessMap(handle.db, { ...range, courier: pgCouriers.get(2)! }, TZ);
    expect({ ...one, filters: { courier: 2, city: null } }).toEqual(processMapFromLog(SAMPLE_SHIPMENTS, { ...range, courier: 2 }, TZ));
  });
});
