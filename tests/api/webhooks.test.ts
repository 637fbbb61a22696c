import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedWebhookEndpoint, WebhookDeliveryList, WebhookEndpointView } from '../../shared/api/webhooks';
import { payOrder } from '../../server/domain/order-lifecycle/order-payment';
import { checkNotificationSignature } from '../../server/domain/payments/notification-signature';
import { sendDueWebhooks } from '../../server/domain/webhooks/webhook-sender';
import { createOrder } from '../support/order-fixtures';
import { createTestApp } from '../support/test-app';
import { get, outsiders, send, staff, type TestApp } from './ops-desk-fixtures';

let t: TestApp;
let cookie: string;

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A receiver on 127.0.0.1 that answers with the statuses given, in turn (the last one repeats). */
async function listener(statuses: number[] = [200]) {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      res.end(res.statusCode === 200 ? 'thanks' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const register = (body: unknown, who = cookie) => send(t, 'POST', '/api/ops/webhooks', body, who);
const deliveries = async (id: number) => (await (await get(t, `/api/ops/webhooks/${id}/deliveries`, cookie)).json()) as WebhookDeliveryList;
const sendNow = () => sendDueWebhooks(t.db, { allowPrivate: true }, t.now());

async function registered(url: string, events: string[] = ['order.confirmed']): Promise<CreatedWebhookEndpoint> {
  const res = await register({ url, events });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedWebhookEndpoint;
}

async function paidOrder() {
  const order = await createOrder(t.db, { status: 'pending_payment', payBy: null });
  await payOrder(t.db, t.deps.payments, order.orderNo, t.now());
  return order;
}

describe('with private addresses allowed (tests, local development)', () => {
  beforeEach(async () => {
    t = await createTestApp({ webhookAllowPrivate: true });
    cookie = await staff(t);
  }, 30_000);
  afterEach(() => t.dispose());

  it('registers an endpoint and shows its secret once', async () => {
    const created = await registered('http://127.0.0.1:9/hooks', ['order.confirmed', 'stock.low']);
    expect(created).toMatchObject({ id: expect.any(Number), secret: expect.stringMatching(/^whsec_[\w-]{32}$/), events: ['order.confirmed', 'stock.low'], active: true });
    const list = JSON.stringify(await (await get(t, '/api/ops/webhooks', cookie)).json());
    expect(list).toContain('127.0.0.1:9');
    expect(list).not.toContain(created.secret);
    expect(JSON.stringify(await deliveries(created.id))).not.toContain(created.secret);
  });

  it('pays an order → the listener receives order.confirmed once, signed', async () => {
    const l = await listener();
    try {
      const endpoint = await registered(l.url);
      const order = await paidOrder();
      expect(await sendNow()).toEqual({ delivered: 1, retried: 0, failed: 0 });
      expect(await sendNow()).toEqual({ delivered: 0, retried: 0, failed: 0 });
      expect(l.received).toHaveLength(1);
      const [got] = l.received;
      expect(checkNotificationSignature(got!.headers['doorstep-signature'] as string, got!.body, endpoint.secret, t.now())).toBe('ok');
      const body = JSON.parse(got!.body) as { id: string; type: string; data: unknown };
      expect(body).toMatchObject({ type: 'order.confirmed', data: { orderNo: order.orderNo, amountFen: order.totalFen, paidAt: t.now() } });
      expect(got!.headers).toMatchObject({ 'content-type': 'application/json', 'doorstep-event-id': body.id, 'doorstep-event-type': 'order.confirmed' });
      const [d] = (await deliveries(endpoint.id)).deliveries;
      expect(d).toMatchObject({ eventId: body.id, status: 'delivered', attempts: 1, lastStatusCode: 200, lastResponseExcerpt: 'thanks' });
    } finally {
      await l.close();
    }
  });

  it('retries a 500 after the back-off with the same event id, then delivers once', async () => {
    const l = await listener([500, 200]);
    try {
      const endpoint = await registered(l.url);
      await paidOrder();
      expect(await sendNow()).toEqual({ delivered: 0, retried: 1, failed: 0 });
      // Not due yet: nothing is sent before the minute is up.
      t.setNow(t.now() + 59_000);
      expect(await sendNow()).toEqual({ delivered: 0, retried: 0, failed: 0 });
      t.setNow(t.now() + 1_000);
      expect(await sendNow()).toEqual({ delivered: 1, retried: 0, failed: 0 });
      expect(l.received).toHaveLength(2);
      expect(l.received[0]!.headers['doorstep-event-id']).toBe(l.received[1]!.headers['doorstep-event-id']);
      const [d] = (await deliveries(endpoint.id)).deliveries;
      expect(d).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
      const attempts = await t.db.selectFrom('webhook_attempts').select(['attempt', 'status_code', 'response_excerpt']).orderBy('id').execute();
      expect(attempts).toEqual([
        { attempt: 1, status_code: 500, response_excerpt: 'not now' },
        { attempt: 2, status_code: 200, response_excerpt: 'thanks' },
      ]);
    } finally {
      await l.close();
    }
  });

  it('gives up after seven tries, and staff can send a failed delivery again', async () => {
    const l = await listener([503]);
    try {
      const endpoint = await registered(l.url);
      await paidOrder();
      for (let i = 0; i < 7; i++) {
        await sendNow();
        t.setNow(t.now() + 24 * 3_600_000);
      }
      expect(l.received).toHaveLength(7);
      const [d] = (await deliveries(endpoint.id)).deliveries;
      expect(d).toMatchObject({ status: 'failed', attempts: 7, lastStatusCode: 503 });
      const again = await t.app.request(`/api/ops/webhooks/${endpoint.id}/deliveries/${d!.id}/redeliver`, { method: 'POST', headers: { cookie } });
      expect(again.status).toBe(202);
      expect(await sendNow()).toEqual({ delivered: 0, retried: 1, failed: 0 });
      const twice = await t.app.request(`/api/ops/webhooks/${endpoint.id}/deliveries/${d!.id}/redeliver`, { method: 'POST', headers: { cookie } });
      expect(twice.status).toBe(409);
    } finally {
      await l.close();
    }
  });

  it('two senders at once deliver each event once', async () => {
    const l = await listener();
    try {
      await registered(l.url);
      await paidOrder();
      await paidOrder();
      const [a, b] = await Promise.all([sendNow(), sendNow()]);
      expect(a.delivered + b.delivered).toBe(2);
      expect(l.received).toHaveLength(2);
      expect(new Set(l.received.map((r) => r.headers['doorstep-event-id'])).size).toBe(2);
    } finally {
      await l.close();
    }
  });

  it('writes nothing when no endpoint wants the event, and stops writing after deactivation', async () => {
    const endpoint = await registered('http://127.0.0.1:9/hooks', ['stock.low']);
    await paidOrder();
    expect(await t.db.selectFrom('webhook_deliveries').selectAll().execute()).toEqual([]);
    const off = await t.app.request(`/api/ops/webhooks/${endpoint.id}`, { method: 'DELETE', headers: { cookie } });
    expect(off.status).toBe(200);
    expect(((await off.json()) as WebhookEndpointView).active).toBe(false);
  });

  it('queues a ping to one endpoint', async () => {
    const l = await listener();
    try {
      const endpoint = await registered(l.url);
      expect((await t.app.request(`/api/ops/webhooks/${endpoint.id}/test`, { method: 'POST', headers: { cookie } })).status).toBe(202);
      await sendNow();
      expect(l.received.map((r) => r.headers['doorstep-event-type'])).toEqual(['ping']);
    } finally {
      await l.close();
    }
  });
});

describe('with private addresses refused (the default)', () => {
  beforeEach(async () => {
    t = await createTestApp();
    cookie = await staff(t);
  }, 30_000);
  afterEach(() => t.dispose());

  it.each([
    ['a loopback address', { url: 'http://127.0.0.1:8080/h', events: ['order.confirmed'] }, 'webhook_url_private'],
    ['localhost', { url: 'http://localhost/h', events: ['order.confirmed'] }, 'webhook_url_private'],
    ['the metadata service', { url: 'http://169.254.169.254/', events: ['order.confirmed'] }, 'webhook_url_private'],
    ['a private IPv6 address', { url: 'http://[fd00::1]/', events: ['order.confirmed'] }, 'webhook_url_private'],
    ['not a URL', { url: 'shop', events: ['order.confirmed'] }, 'webhook_url_invalid'],
    ['ftp', { url: 'ftp://shop.example.com/', events: ['order.confirmed'] }, 'webhook_url_invalid'],
    ['an unknown event', { url: 'https://shop.example.com/h', events: ['order.shipped'] }, 'invalid_request'],
    ['no events', { url: 'https://shop.example.com/h', events: [] }, 'invalid_request'],
    ['an event twice', { url: 'https://shop.example.com/h', events: ['stock.low', 'stock.low'] }, 'invalid_request'],
    ['no URL', { events: ['stock.low'] }, 'invalid_request'],
    ['an unknown field', { url: 'https://shop.example.com/h', events: ['stock.low'], secret: 'mine' }, 'invalid_request'],
  ])('refuses %s with 400 and stores nothing', async (_name, body, code) => {
    const res = await register(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code } });
    expect(await t.db.selectFrom('webhook_endpoints').selectAll().execute()).toEqual([]);
  });

  it('takes a public URL', async () => {
    expect((await register({ url: 'https://shop.example.com/hooks', events: ['return.refunded'] })).status).toBe(201);
  });

  it('refuses to send to a name that resolves to loopback, at send time', async () => {
    await t.db
      .insertInto('webhook_endpoints')
      .values({ url: 'http://localhost:9/h', events: '["order.confirmed"]', secret: 's', created_by: null, created_at: t.now() })
      .execute();
    await paidOrder();
    expect(await sendDueWebhooks(t.db, { allowPrivate: false }, t.now())).toEqual({ delivered: 0, retried: 1, failed: 0 });
    const row = await t.db.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(row.last_error).toMatch(/private or local address/);
    expect(row.last_status_code).toBeNull();
  });

  it('refuses callers who are not staff', async () => {
    const who = await outsiders(t);
    for (const [name, c] of Object.entries(who)) {
      const res = await register({ url: 'https://shop.example.com/h', events: ['stock.low'] }, c);
      expect([401, 403], name).toContain(res.status);
      if (name === 'anonymous') expect(res.status).toBe(401);
      if (name === 'courier') expect(res.status).toBe(403);
      expect((await get(t, '/api/ops/webhooks/1/deliveries', c)).status).toBeGreaterThanOrEqual(401);
    }
    expect(await t.db.selectFrom('webhook_endpoints').selectAll().execute()).toEqual([]);
  });

  it('answers 404 for deliveries of an endpoint that does not exist', async () => {
    expect((await get(t, '/api/ops/webhooks/999/deliveries', cookie)).status).toBe(404);
    expect((await get(t, '/api/ops/webhooks/abc/deliveries', cookie)).status).toBe(404);
  });
});
