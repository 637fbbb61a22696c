/**
 * What the shop may subscribe to. Payloads are small: ids, numbers, statuses and times, and
 * the numbers the shop already knows (order no, tracking no, return no); no names, phones or
 * addresses. Every body is `{ id, type, createdAt, data }` where `id` is the event id (also
 * the Doorstep-Event-Id header), the same on every retry.
 */
export const WEBHOOK_EVENT_TYPES = ['order.confirmed', 'shipment.status_changed', 'shipment.exception', 'return.refunded', 'stock.low'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by "send a test" to one endpoint, whatever it subscribed to. */
export const WEBHOOK_PING = 'ping';

export interface WebhookPayloads {
  /** The order was paid. */
  'order.confirmed': { orderNo: string; amountFen: number; paidAt: number };
  /** Any change of status or sub-status of a parcel. */
  'shipment.status_changed': { trackingNo: string; from: string; to: string; subStatus: string; occurredAt: number };
  /** The parcel's status became Exception (also told as shipment.status_changed). */
  'shipment.exception': { trackingNo: string; subStatus: string; reasonCode: string | null; occurredAt: number };
  /** The return's refund was paid. */
  'return.refunded': { returnNo: string; orderNo: string; amountFen: number; refundedAt: number };
  /** A low-stock alert opened: available stock fell below safety stock. */
  'stock.low': { alertId: number; productId: number; warehouseId: number; available: number; safetyStock: number; openedAt: number };
}

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
