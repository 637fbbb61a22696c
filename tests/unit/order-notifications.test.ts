import { describe, expect, it } from 'vitest';
import { orderNotificationBody, yuanText } from '../../server/domain/notifications/order-notification-text';
import { MAX_SEND_ATTEMPTS, retryDelayMs } from '../../server/domain/notifications/notification-retry';

const MINUTE = 60_000;

describe('the notification back-off', () => {
  it.each([
    [1, 1 * MINUTE],
    [2, 5 * MINUTE],
    [3, 30 * MINUTE],
    [4, 2 * 60 * MINUTE],
    [5, 6 * 60 * MINUTE],
    [6, null],
    [7, null],
  ])('after failed try %i waits %s ms', (attemptsMade, delay) => {
    expect(retryDelayMs(attemptsMade)).toBe(delay);
  });

  it('gives up after six tries, about nine hours after the first', () => {
    expect(MAX_SEND_ATTEMPTS).toBe(6);
    const waited = [1, 2, 3, 4, 5].reduce((sum, n) => sum + retryDelayMs(n)!, 0);
    expect(waited).toBe((1 + 5 + 30 + 120 + 360) * MINUTE);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s tries made', (attemptsMade) => {
    expect(() => retryDelayMs(attemptsMade)).toThrow(RangeError);
  });
});

describe('amounts in messages', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [35_500, '¥355.00'],
    [12_345, '¥123.45'],
    [100_000_001, '¥1000000.01'],
  ])('%i fen reads %s', (fen, text) => {
    expect(yuanText(fen)).toBe(text);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %s fen', (fen) => {
    expect(() => yuanText(fen)).toThrow(RangeError);
  });
});

describe('the words of an order’s messages', () => {
  it.each([
    ['order_confirmed', { amountFen: 35_500 }, '【Doorstep】您的订单 OD123 已付款 ¥355.00，仓库正在备货。查看订单：/o/OD123'],
    ['order_confirmed', {}, '【Doorstep】您的订单 OD123 已付款，仓库正在备货。查看订单：/o/OD123'],
    ['order_cancelled', { reason: '超时未付款' }, '【Doorstep】您的订单 OD123 已取消（超时未付款）。查看订单：/o/OD123'],
    ['order_cancelled', { amountFen: 9_900, reason: ' ' }, '【Doorstep】您的订单 OD123 已取消，已付的 ¥99.00 将原路退回。查看订单：/o/OD123'],
    ['order_refunded', { amountFen: 7_950 }, '【Doorstep】您的订单 OD123 已退款 ¥79.50，款项将原路退回。查看订单：/o/OD123'],
    ['order_shipped', { trackingNo: 'DS00000012340' }, '【Doorstep】您的订单 OD123 已发货，运单号 DS00000012340，跟踪：/t/DS00000012340。查看订单：/o/OD123'],
    ['order_shipped', {}, '【Doorstep】您的订单 OD123 已发货。查看订单：/o/OD123'],
  ] as const)('%s with %o', (event, params, body) => {
    expect(orderNotificationBody(event, 'OD123', params)).toBe(body);
  });

  it('refuses an amount that is not a number of fen, rather than tell the customer a wrong sum', () => {
    expect(() => orderNotificationBody('order_confirmed', 'OD123', { amountFen: '355' })).toThrow(TypeError);
    expect(() => orderNotificationBody('order_refunded', 'OD123', { amountFen: 3.5 })).toThrow(RangeError);
  });
});
