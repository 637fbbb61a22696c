import { describe, expect, it } from 'vitest';
import type { CustomerOrderView, VerifiedCustomerOrder } from '../../shared/api/customer-order';
import { orderStatusHint, otherDiscountFen, totalKind } from '../../client/components/orders/order-status-words';

const NOW = Date.UTC(2026, 10, 21, 4, 0, 0);

function verified(overrides: Partial<VerifiedCustomerOrder>): VerifiedCustomerOrder {
  return {
    orderNo: 'OD1',
    status: 'paid',
    verified: true,
    createdAt: NOW - 3_600_000,
    payBy: null,
    paidAt: NOW - 3_000_000,
    cancelledAt: null,
    cancelReason: null,
    recipient: { name: '李*', phone: '138****1234', address: { province: '上海市', city: '上海市', district: '浦东新区', street: '世纪大道****' } },
    lines: [],
    breakdown: { itemsTotalFen: 10_000, coupons: [], discountFen: 0, shippingFen: 0, totalFen: 10_000, refundedFen: 0 },
    shipments: [],
    verifiedUntil: NOW + 86_400_000,
    ...overrides,
  };
}

describe('the order status sentence', () => {
  it.each<[string, CustomerOrderView, ReturnType<typeof orderStatusHint>]>([
    ['public: none', { orderNo: 'OD1', status: 'pending_payment', createdAt: NOW, verified: false }, null],
    ['waiting, before the deadline', verified({ status: 'pending_payment', paidAt: null, payBy: NOW + 60_000 }), { key: 'pay_by', at: NOW + 60_000 }],
    ['waiting, past the deadline', verified({ status: 'pending_payment', paidAt: null, payBy: NOW }), { key: 'pay_by_passed' }],
    ['waiting, no deadline', verified({ status: 'pending_payment', paidAt: null }), null],
    ['paid', verified({ status: 'paid' }), { key: 'paid' }],
    ['shipped', verified({ status: 'shipped' }), { key: 'shipped' }],
    ['cancelled with a reason', verified({ status: 'cancelled', cancelReason: '超时未付款' }), { key: 'cancelled_reason', reason: '超时未付款' }],
    ['cancelled without one', verified({ status: 'cancelled' }), null],
  ])('%s', (_, view, hint) => {
    expect(orderStatusHint(view, NOW)).toEqual(hint);
  });
});

describe('the breakdown’s words', () => {
  it('shows a discount the coupons do not explain on its own line', () => {
    expect(otherDiscountFen({ discountFen: 1_500, coupons: [{ discountFen: 1_000 }] })).toBe(500);
    expect(otherDiscountFen({ discountFen: 1_000, coupons: [{ discountFen: 600 }, { discountFen: 400 }] })).toBe(0);
  });

  it.each([
    [{ paidAt: NOW, status: 'paid' as const }, 'total_paid'],
    [{ paidAt: NOW, status: 'cancelled' as const }, 'total_paid'],
    [{ paidAt: null, status: 'pending_payment' as const }, 'total_due'],
    [{ paidAt: null, status: 'cancelled' as const }, 'total_order'],
  ])('calls the total of %o %s', (order, kind) => {
    expect(totalKind(order)).toBe(kind);
  });
});
