import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerOrderViewSchema, publicCustomerOrderSchema, verifiedCustomerOrderSchema, type VerifiedCustomerOrder } from '../../shared/api/customer-order';
import { addRefund, addShipment, createOrder, ORDER_CREATED_AT, type OrderFixture } from '../support/order-fixtures';
import { createTestApp, jsonHeaders } from '../support/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let order: OrderFixture;

const verify = (orderNo: string, body: unknown, headers: Record<string, string> = jsonHeaders) =>
  t.app.request(`/api/orders/${orderNo}/verify`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const view = (orderNo: string, cookie = '') => t.app.request(`/api/orders/${orderNo}`, { headers: cookie ? { cookie } : {} });
const cookiesFrom = (res: Response) => res.headers.getSetCookie();
const cookieNamed = (res: Response, name: string) => cookiesFrom(res).find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? '';
const count = async (table: 'customer_sessions' | 'order_verify_attempts' | 'verify_attempts') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeEach(async () => {
  t = await createTestApp();
  order = await createOrder(t.db, { phone: '13812341234', coupons: [{ code: 'WELCOME10', discountFen: 1_000 }], shippingFen: 800 });
});
afterEach(() => t.dispose());

describe('GET /api/orders/:orderNo without proof', () => {
  it('answers only the status and when it was ordered: nothing personal', async () => {
    const res = await view(order.orderNo);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toEqual({ orderNo: order.orderNo, status: 'paid', createdAt: ORDER_CREATED_AT, verified: false });
    expect(publicCustomerOrderSchema.parse(body)).toEqual(body);
    expect(JSON.stringify(body)).not.toMatch(/李|1234|世纪大道|T恤|7900/);
  });

  it('calls an order shipped once a parcel of it is on its way', async () => {
    await addShipment(t.db, order.orderId);
    expect(await (await view(order.orderNo)).json()).toMatchObject({ status: 'shipped', verified: false });
  });

  it('answers 404 order_not_found for an unknown number and 400 for one that cannot be a number', async () => {
    const unknown = await view('ODR999999');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'order_not_found' } });
    const malformed = await view(`${'A'.repeat(41)}`);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'invalid_order_number' } });
    expect((await verify('ODR999999', { phoneLast4: '1234' })).status).toBe(404);
  });
});

describe('POST /api/orders/:orderNo/verify', () => {
  it('opens the verified view for the right digits: lines, the paid-price breakdown, the masked recipient, the parcels', async () => {
    const parcel = await addShipment(t.db, order.orderId, { status: 'Delivered', deliveredAt: ORDER_CREATED_AT + 2 * 86_400_000 });
    await addShipment(t.db, order.orderId, { status: 'InTransit', leg: 'return' });
    await addRefund(t.db, order.orderId, 7_900);
    // Not paid back yet: not counted as refunded.
    await addRefund(t.db, order.orderId, 500, 'pending');

    const res = await verify(order.orderNo, { phoneLast4: '1234' });
    expect(res.status).toBe(200);
    const own = cookiesFrom(res).find((c) => c.startsWith(`ds_order_${order.orderNo}=`)) ?? '';
    expect(own).toMatch(/^ds_order_ODR\d+=[A-Za-z0-9_-]{22};/);
    expect(own).toMatch(/HttpOnly/i);
    expect(own).toMatch(/SameSite=Lax/i);
    expect(own).toMatch(/Path=\/api/);

    const body = verifiedCustomerOrderSchema.parse(await res.json());
    expect(body).toEqual<VerifiedCustomerOrder>({
      orderNo: order.orderNo,
      status: 'shipped',
      verified: true,
      createdAt: ORDER_CREATED_AT,
      payBy: ORDER_CREATED_AT + 30 * 60_000,
      paidAt: ORDER_CREATED_AT + 60_000,
      cancelledAt: null,
      cancelReason: null,
      recipient: { name: '李*', phone: '138****1234', address: { province: '上海市', city: '上海市', district: '浦东新区', street: '世纪大道****' } },
      lines: [
        { sku: expect.stringMatching(/^SKU-/), name: { 'zh-CN': '纯棉T恤 白色 L', en: 'Cotton T-shirt, white, L' }, quantity: 2, unitPriceFen: 7_900, lineTotalFen: 15_800 },
        { sku: expect.stringMatching(/^SKU-/), name: { 'zh-CN': '无线蓝牙耳机', en: 'Wireless earbuds' }, quantity: 1, unitPriceFen: 19_900, lineTotalFen: 19_900 },
      ],
      breakdown: { itemsTotalFen: 35_700, coupons: [{ code: 'WELCOME10', discountFen: 1_000 }], discountFen: 1_000, shippingFen: 800, totalFen: 35_500, refundedFen: 7_900 },
      // The return leg is not one of the order's parcels to the customer.
      shipments: [{ trackingNo: parcel.trackingNo, status: 'Delivered', subStatus: 'Delivered_001', promisedBy: ORDER_CREATED_AT + 3 * 86_400_000, deliveredAt: ORDER_CREATED_AT + 2 * 86_400_000 }],
      verifiedUntil: t.now() + 7 * 24 * 3600_000,
    });
  });

  it('keeps the session for later reads, for a week', async () => {
    const cookie = cookieNamed(await verify(order.orderNo, { phoneLast4: '1234' }), `ds_order_${order.orderNo}`);
    expect(customerOrderViewSchema.parse(await (await view(order.orderNo, cookie)).json()).verified).toBe(true);
    expect((await (await view(order.orderNo)).json()).verified).toBe(false);

    t.setNow(t.now() + 7 * 24 * 3600_000 + 1);
    const expired = await view(order.orderNo, cookie);
    expect((await expired.json()).verified).toBe(false);
    // The stale cookie is dropped, so the page asks for the digits again.
    expect(cookieNamed(expired, `ds_order_${order.orderNo}`)).toBe(`ds_order_${order.orderNo}=`);
  });

  it('shows an unpaid order with its deadline and a cancelled one with its reason', async () => {
    const unpaid = await createOrder(t.db, { phone: '13700005678', status: 'pending_payment' });
    const waiting = verifiedCustomerOrderSchema.parse(await (await verify(unpaid.orderNo, { phoneLast4: '5678' })).json());
    expect(waiting).toMatchObject({ status: 'pending_payment', payBy: ORDER_CREATED_AT + 30 * 60_000, paidAt: null });

    const cancelledAt = ORDER_CREATED_AT + 31 * 60_000;
    const gone = await createOrder(t.db, { phone: '13700009999', status: 'cancelled', cancelledAt, cancelReason: '超时未付款' });
    const cancelled = verifiedCustomerOrderSchema.parse(await (await verify(gone.orderNo, { phoneLast4: '9999' })).json());
    expect(cancelled).toMatchObject({ status: 'cancelled', paidAt: null, cancelledAt, cancelReason: '超时未付款', shipments: [] });
  });

  it('refuses wrong digits with 403 and no session', async () => {
    const res = await verify(order.orderNo, { phoneLast4: '4321' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'verification_failed' } });
    expect(cookiesFrom(res)).toEqual([]);
    expect(await count('customer_sessions')).toBe(0);
  });

  it.each([
    ['three digits', { phoneLast4: '123' }],
    ['letters', { phoneLast4: '12a4' }],
    ['a number', { phoneLast4: 1234 }],
    ['nothing', {}],
    ['an extra field', { phoneLast4: '1234', orderNo: 'x' }],
    ['malformed JSON', '{"phoneLast4":'],
  ])('answers 400 for %s, counting no try', async (_, body) => {
    const res = await verify(order.orderNo, body);
    expect(res.status).toBe(400);
    expect(await count('order_verify_attempts')).toBe(0);
    expect(await count('customer_sessions')).toBe(0);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await verify(order.orderNo, 'phoneLast4=1234', { ...jsonHeaders, 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });

  it('answers 429 with Retry-After after 5 wrong tries from one address, even for the right digits, then lets go', async () => {
    for (let i = 0; i < 5; i++) expect((await verify(order.orderNo, { phoneLast4: `000${i}` })).status).toBe(403);
    const limited = await verify(order.orderNo, { phoneLast4: '1234' });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: 'too_many_attempts' } });
    expect(limited.headers.get('retry-after')).toBe('900');
    // The order's tries are its own; the parcels' table is untouched.
    expect(await count('order_verify_attempts')).toBe(5);
    expect(await count('verify_attempts')).toBe(0);

    t.setNow(t.now() + 15 * 60_000 + 1);
    expect((await verify(order.orderNo, { phoneLast4: '1234' })).status).toBe(200);
  });

  it('slows an order guessed at from many addresses, and says it is the order', async () => {
    const from = (n: number) => ({ ...jsonHeaders, 'x-forwarded-for': `198.51.100.${n}` });
    for (let i = 0; i <= 10; i++) expect((await verify(order.orderNo, { phoneLast4: String(1000 + i) }, from(i))).status).toBe(403);
    const slowed = await verify(order.orderNo, { phoneLast4: '1011' }, from(11));
    expect(slowed.status).toBe(429);
    expect(await slowed.json()).toMatchObject({ error: { code: 'slowed_down', message: expect.stringContaining('wrong tries for this order') } });
  });
});

describe('whose session counts', () => {
  it('does not open an order with another order’s session, under either cookie', async () => {
    const other = await createOrder(t.db, { phone: '13600001111' });
    const otherCookie = cookieNamed(await verify(other.orderNo, { phoneLast4: '1111' }), `ds_order_${other.orderNo}`);
    const token = otherCookie.split('=')[1];
    const asOwn = await view(order.orderNo, `ds_order_${order.orderNo}=${token}`);
    expect(await asOwn.json()).toEqual({ orderNo: order.orderNo, status: 'paid', createdAt: ORDER_CREATED_AT, verified: false });
    const asParcel = await view(order.orderNo, `ds_parcel_DS00000000001=${token}`);
    expect((await asParcel.json()).verified).toBe(false);
  });

  it('opens the order for a customer who proved one of its parcels', async () => {
    const parcel = await addShipment(t.db, order.orderId);
    const parcelVerified = await t.app.request(`/api/track/${parcel.trackingNo}/verify`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ phoneLast4: '1234' }) });
    const cookie = cookieNamed(parcelVerified, `ds_parcel_${parcel.trackingNo}`);
    expect(cookie).not.toBe('');
    expect((await (await view(order.orderNo, cookie)).json()).verified).toBe(true);
  });

  it('opens the order’s parcels for a customer who proved the order', async () => {
    const parcel = await addShipment(t.db, order.orderId);
    const res = await verify(order.orderNo, { phoneLast4: '1234' });
    const cookie = cookieNamed(res, `ds_parcel_${parcel.trackingNo}`);
    expect(cookie).toMatch(/^ds_parcel_DS\d{11}=/);
    const details = await t.app.request(`/api/track/${parcel.trackingNo}/details`, { headers: { cookie } });
    expect(details.status).toBe(200);
    expect((await details.json()).orderNo).toBe(order.orderNo);
  });
});
