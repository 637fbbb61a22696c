/**
 * The words of the messages an order sends to its customer, in Simplified Chinese: SMS in
 * mainland China is read in Chinese, and carriers there require the sender's signature in
 * 【】. Rendered when the message is queued, so what was sent is what the outbox row says,
 * whatever these templates become later.
 */

export const ORDER_NOTIFICATION_EVENTS = ['order_confirmed', 'order_cancelled', 'order_refunded', 'order_shipped'] as const;
export type OrderNotificationEvent = (typeof ORDER_NOTIFICATION_EVENTS)[number];

/**
 * What a message may mention besides the order number: `amountFen` (integer fen: paid for
 * order_confirmed, refunded for order_cancelled and order_refunded), `trackingNo`
 * (order_shipped), `reason` (order_cancelled, words for the customer). Each is optional.
 */
export type OrderNotificationParams = Record<string, string | number>;

export const SMS_SIGNATURE = '【Doorstep】';

/** 12345 fen → ¥123.45, in integers: never through floating point. */
export function yuanText(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`Not an amount in fen: ${fen}`);
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

function amountOf(params: OrderNotificationParams): string | null {
  const fen = params.amountFen;
  if (fen === undefined) return null;
  if (typeof fen !== 'number') throw new TypeError('amountFen must be a number of fen');
  return yuanText(fen);
}

const textOf = (value: string | number | undefined) => (value === undefined || String(value).trim() === '' ? null : String(value).trim());

/** The link path of the order's page; the customer proves it is theirs there with the phone's last 4 digits. */
export const orderPagePath = (orderNo: string) => `/o/${orderNo}`;

/** The link path of a parcel's tracking page (the client's /t/:trackingNo). */
export const parcelPagePath = (trackingNo: string) => `/t/${trackingNo}`;

export function orderNotificationBody(event: OrderNotificationEvent, orderNo: string, params: OrderNotificationParams): string {
  const amount = amountOf(params);
  const news = ((): string => {
    switch (event) {
      case 'order_confirmed':
        return `已付款${amount ? ` ${amount}` : ''}，仓库正在备货`;
      case 'order_cancelled': {
        const reason = textOf(params.reason);
        return `已取消${reason ? `（${reason}）` : ''}${amount ? `，已付的 ${amount} 将原路退回` : ''}`;
      }
      case 'order_refunded':
        return `已退款${amount ? ` ${amount}` : ''}，款项将原路退回`;
      case 'order_shipped': {
        const trackingNo = textOf(params.trackingNo);
        // The parcel's own tracking page, so the customer follows it without opening the order.
        return `已发货${trackingNo ? `，运单号 ${trackingNo}，跟踪：${parcelPagePath(trackingNo)}` : ''}`;
      }
    }
  })();
  return `${SMS_SIGNATURE}您的订单 ${orderNo} ${news}。查看订单：${orderPagePath(orderNo)}`;
}
