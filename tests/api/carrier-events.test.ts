import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kuaidi100Sign, signCarrierPush } from '../../server/domain/carriers/push-signature';
import { createStaff } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { createTestApp } from '../support/test-app';
import { get, outsiders, send, type TestApp } from './ops-desk-fixtures';
import { carrierParcel, journey, push, pushResults, SALT, SECRET, sendThreeTimesOutOfOrder, T0 } from './carrier-events-scenario';

let t: TestApp;
let staff: string;

beforeEach(async () => {
  t = await createTestApp();
  staff = await signIn(t, (await createStaff(t.db)).email);
  const res = await send(t, 'POST', '/api/ops/carriers', { code: 'sf', name: '顺丰速运', secret: SECRET, kuaidi100Salt: SALT }, staff);
  expect(res.status).toBe(201);
});
afterEach(() => t.dispose());

describe('POST /api/ops/carriers', () => {
  it('adds a carrier and never shows its secrets again', async () => {
    const res = await send(t, 'POST', '/api/ops/carriers', { code: 'zto', name: '中通快递', secret: 'another-secret-0123456789' }, staff);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ code: 'zto', name: '中通快递', active: true, kuaidi100: false, createdAt: t.now() });
    const listed = await (await get(t, '/api/ops/carriers', staff)).json();
    expect(listed).toEqual({ carriers: [expect.objectContaining({ code: 'sf', kuaidi100: true }), expect.objectContaining({ code: 'zto' })] });
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    expect(JSON.stringify(listed)).not.toContain(SALT);
  });

  it('refuses a taken code (409) and bad input (400), changing nothing', async () => {
    const taken = await send(t, 'POST', '/api/ops/carriers', { code: 'sf', name: 'x', secret: 'another-secret-0123456789' }, staff);
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe('carrier_exists');
    for (const body of [{}, { code: 'SF!', name: 'x', secret: SECRET }, { code: 'yd', name: 'x', secret: 'short' }, { code: 'yd', name: '', secret: SECRET }, { code: 'yd', name: 'x', secret: SECRET, extra: 1 }, '{bad']) {
      expect((await send(t, 'POST', '/api/ops/carriers', body, staff)).status, JSON.stringify(body)).toBe(400);
    }
    expect(await t.db.selectFrom('carriers').select('code').execute()).toEqual([{ code: 'sf' }]);
  });

  it('lets only staff in: anonymous 401, a courier 403', async () => {
    const who = await outsiders(t);
    for (const [cookie, status] of [[who.anonymous, 401], [who.courier, 403]] as const) {
      expect((await get(t, '/api/ops/carriers', cookie)).status).toBe(status);
      expect((await send(t, 'POST', '/api/ops/carriers', { code: 'yd', name: '韵达', secret: SECRET }, cookie)).status).toBe(status);
      expect((await send(t, 'POST', '/api/ops/carriers/sf/deactivate', {}, cookie)).status).toBe(status);
    }
  });

  it('deactivates a carrier: its pushes are then refused like a stranger\'s (401), and it can come back', async () => {
    const parcel = await carrierParcel(t.db, 'sf');
    const off = await send(t, 'POST', '/api/ops/carriers/sf/deactivate', {}, staff);
    expect(await off.json()).toMatchObject({ code: 'sf', active: false });
    expect((await push(t, 'sf', { events: journey(parcel.trackingNo).slice(0, 1) })).status).toBe(401);
    expect((await send(t, 'POST', '/api/ops/carriers/nope/deactivate', {}, staff)).status).toBe(404);
    await send(t, 'POST', '/api/ops/carriers/sf/activate', {}, staff);
    expect((await push(t, 'sf', { events: journey(parcel.trackingNo).slice(0, 1) })).status).toBe(200);
  });
});

describe('POST /api/carriers/:code/events', () => {
  it('applies each event once however often and in whatever order it arrives, in time order', async () => {
    await sendThreeTimesOutOfOrder(t, 'sf');
  });

  it('places events of one push in time order, whatever order they came in', async () => {
    const parcel = await carrierParcel(t.db, 'sf');
    const [e1, e2, e3] = journey(parcel.trackingNo);
    expect(await pushResults(t, 'sf', [e3, e1, e2])).toEqual(['e3', 'e1', 'e2'].map((eventId) => ({ eventId, outcome: 'applied' })));
    expect((await t.db.selectFrom('shipments').select('status').where('id', '=', parcel.shipmentId).executeTakeFirstOrThrow()).status).toBe('OutForDelivery');
  });

  it('records a late event without moving the status back, and keeps a refused move in the log only', async () => {
    const parcel = await carrierParcel(t.db, 'sf', 'InTransit');
    const [e1, , e3, e4] = journey(parcel.trackingNo);
    expect(await pushResults(t, 'sf', [e3])).toEqual([{ eventId: 'e3', outcome: 'applied' }]);
    expect(await pushResults(t, 'sf', [e1])).toEqual([{ eventId: 'e1', outcome: 'recorded_late' }]);
    expect((await t.db.selectFrom('shipments').select('status').where('id', '=', parcel.shipmentId).executeTakeFirstOrThrow()).status).toBe('OutForDelivery');
    await pushResults(t, 'sf', [e4]);
    // After delivery the carrier says it is on its way again: kept in the log, status stays Delivered.
    const after = { eventId: 'e5', trackingNo: parcel.trackingNo, status: 'InTransit', occurredAt: T0 + 40 * 3_600_000 };
    expect(await pushResults(t, 'sf', [after])).toEqual([{ eventId: 'e5', outcome: 'recorded', code: 'already_final' }]);
    const shipment = await t.db.selectFrom('shipments').select(['status', 'public_timeline']).where('id', '=', parcel.shipmentId).executeTakeFirstOrThrow();
    expect(shipment.status).toBe('Delivered');
    expect((JSON.parse(shipment.public_timeline) as { status: string }[]).map((e) => e.status)).toEqual(['InTransit', 'Delivered', 'OutForDelivery', 'InTransit']);
  });

  it('rejects events it cannot place, one by one, applying the rest', async () => {
    const mine = await carrierParcel(t.db, 'sf');
    const ownCourier = await carrierParcel(t.db, null);
    const results = await pushResults(t, 'sf', [
      { eventId: 'a', trackingNo: 'DS0000000000', status: 'InTransit', occurredAt: T0 },
      { eventId: 'b', trackingNo: ownCourier.trackingNo, status: 'InTransit', occurredAt: T0 },
      { eventId: 'c', trackingNo: mine.trackingNo, status: 'Shipped', occurredAt: T0 },
      { eventId: 'd', trackingNo: mine.trackingNo, status: 'InTransit', subStatus: 'Delivered_001', occurredAt: T0 },
      { eventId: 'e', trackingNo: mine.trackingNo, status: 'InTransit', subStatus: 'InTransit_999', occurredAt: T0 },
      { eventId: 'f', trackingNo: mine.trackingNo, status: 'InTransit', occurredAt: '2026-11-20 14:00' },
      { trackingNo: mine.trackingNo, status: 'InTransit', occurredAt: T0 },
      { eventId: 'g', trackingNo: mine.trackingNo, status: 'InTransit', occurredAt: T0 + 1 },
    ]);
    expect(results).toEqual([
      { eventId: 'a', outcome: 'rejected', code: 'unknown_tracking_number' },
      { eventId: 'b', outcome: 'rejected', code: 'not_with_this_carrier' },
      { eventId: 'c', outcome: 'rejected', code: 'bad_status' },
      { eventId: 'd', outcome: 'rejected', code: 'sub_status_mismatch' },
      { eventId: 'e', outcome: 'rejected', code: 'unknown_sub_status' },
      { eventId: 'f', outcome: 'rejected', code: 'bad_time' },
      { eventId: '', outcome: 'rejected', code: 'bad_event_id' },
      { eventId: 'g', outcome: 'applied' },
    ]);
    expect(await t.db.selectFrom('tracking_events').select('carrier_event_id').where('carrier_code', '=', 'sf').execute()).toEqual([{ carrier_event_id: 'g' }]);
  });

  it('refuses unsigned, badly signed, stale, future and malformed pushes, and unknown carriers, all 401', async () => {
    const parcel = await carrierParcel(t.db, 'sf');
    const body = { events: journey(parcel.trackingNo).slice(0, 1) };
    const raw = JSON.stringify(body);
    const now = Math.floor(t.now() / 1000);
    const cases: [string, Response][] = [
      ['unsigned', await push(t, 'sf', body, { header: null })],
      ['wrong secret', await push(t, 'sf', body, { secret: 'not-the-secret-0123456789' })],
      ['stale', await push(t, 'sf', body, { at: t.now() - 301_000 })],
      ['future', await push(t, 'sf', body, { at: t.now() + 301_000 })],
      ['malformed', await push(t, 'sf', body, { header: 'sha256=abc' })],
      ['other body', await push(t, 'sf', body, { header: signCarrierPush(SECRET, raw + ' ', now) })],
      ['unknown carrier', await push(t, 'nobody', body)],
    ];
    for (const [name, res] of cases) expect(res.status, name).toBe(401);
    expect((await push(t, 'sf', body, { at: t.now() - 299_000 })).status).toBe(200);
  });

  it('answers bad JSON and bad envelopes 400, after the signature', async () => {
    const parcel = await carrierParcel(t.db, 'sf');
    const one = journey(parcel.trackingNo)[0]!;
    expect((await push(t, 'sf', '{"events": [')).status).toBe(400);
    expect((await push(t, 'sf', { events: [] })).status).toBe(400);
    expect((await push(t, 'sf', { events: one })).status).toBe(400);
    expect((await push(t, 'sf', { events: Array.from({ length: 501 }, (_, i) => ({ ...one, eventId: `x${i}` })) })).status).toBe(400);
    const full = await push(t, 'sf', { events: Array.from({ length: 500 }, (_, i) => ({ ...one, eventId: `x${i}` })) });
    expect(full.status).toBe(200);
  });
});

describe('POST /api/carriers/kuaidi100/:code', () => {
  const kuaidiForm = (param: string, sign: string) => {
    const form = new URLSearchParams({ param, sign });
    return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() };
  };
  const paramFor = (nu: string) =>
    JSON.stringify({
      status: 'polling',
      billstatus: 'got',
      message: '',
      lastResult: {
        nu,
        com: 'shunfeng',
        state: '5',
        ischeck: '0',
        data: [
          { context: '[上海市]快递员正在派件', time: '2026-11-21 09:12:00', ftime: '2026-11-21 09:12:00', areaName: '上海,上海市', status: '派件' },
          { context: '[上海市]到达 上海浦东集散中心', time: '2026-11-21 02:40:00', ftime: '2026-11-21 02:40:00', areaName: '上海,上海市', status: '在途' },
          { context: '[杭州市]顺丰速运 已收取快件', time: '2026-11-20 15:05:00', ftime: '2026-11-20 15:05:00', status: '揽收' },
        ],
      },
    });

  it('takes the aggregator\'s push, once however often it is repeated', async () => {
    const parcel = await carrierParcel(t.db, 'sf');
    const param = paramFor(parcel.trackingNo);
    for (let i = 0; i < 3; i++) {
      const res = await t.app.request('/api/carriers/kuaidi100/sf', kuaidiForm(param, kuaidi100Sign(param, SALT)));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ result: true, returnCode: '200', message: '成功' });
    }
    const rows = await t.db.selectFrom('tracking_events').select(['status', 'sub_status', 'occurred_at', 'province', 'city']).where('shipment_id', '=', parcel.shipmentId).orderBy('occurred_at').execute();
    expect(rows.map((r) => [r.sub_status, Number(r.occurred_at), r.city])).toEqual([
      ['InTransit_002', Date.UTC(2026, 10, 20, 7, 5), null],
      ['InTransit_001', Date.UTC(2026, 10, 20, 18, 40), '上海市'],
      ['OutForDelivery_001', Date.UTC(2026, 10, 21, 1, 12), '上海市'],
    ]);
    expect((await t.db.selectFrom('shipments').select('status').where('id', '=', parcel.shipmentId).executeTakeFirstOrThrow()).status).toBe('OutForDelivery');
  });

  it('refuses a bad sign, a lower-case-hex sign of another salt, or a carrier without a salt (401), and bad param (400)', async () => {
    const parcel = await carrierParcel(t.db, 'sf');
    const param = paramFor(parcel.trackingNo);
    const bad = await t.app.request('/api/carriers/kuaidi100/sf', kuaidiForm(param, kuaidi100Sign(param, 'other')));
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ result: false, returnCode: '401' });
    expect((await t.app.request('/api/carriers/kuaidi100/sf', kuaidiForm(param, ''))).status).toBe(401);
    expect((await t.app.request('/api/carriers/kuaidi100/nobody', kuaidiForm(param, kuaidi100Sign(param, SALT)))).status).toBe(401);
    await send(t, 'POST', '/api/ops/carriers', { code: 'zto', name: '中通', secret: SECRET }, staff);
    expect((await t.app.request('/api/carriers/kuaidi100/zto', kuaidiForm(param, kuaidi100Sign(param, SALT)))).status).toBe(401);
    const notJson = '{nope';
    const res = await t.app.request('/api/carriers/kuaidi100/sf', kuaidiForm(notJson, kuaidi100Sign(notJson, SALT)));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ result: false, returnCode: '400' });
    expect(await t.db.selectFrom('tracking_events').select('id').where('carrier_code', '=', 'sf').execute()).toEqual([]);
  });
});

describe('the API reference', () => {
  it('documents both push endpoints, with the accepted time forms', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { description?: string }>> };
    expect(doc.paths['/carriers/{carrierCode}/events']?.post?.description).toContain('ISO-8601');
    expect(doc.paths['/carriers/{carrierCode}/events']?.post?.description).toContain('epoch milliseconds');
    expect(doc.paths['/carriers/kuaidi100/{carrierCode}']?.post?.description).toContain('MD5');
  });
});
