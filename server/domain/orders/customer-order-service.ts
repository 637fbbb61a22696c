import type { Kysely } from 'kysely';
import { ORDER_NO_PATTERN, type CustomerOrderView, type VerifiedCustomerOrder } from '../../../shared/api/customer-order';
import { badRequest, notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import { findSessionForOrder } from '../tracking/customer-session-repository';
import { openCustomerSession, provePhoneDigits } from '../tracking/phone-digits-proof';
import { findDeliveryShipmentsOfOrder } from '../tracking/shipment-repository';
import { findOrderCoupons, findOrderLines, hasDeliveryShipments, sumRefundedToCustomer } from './customer-order-repository';
import { customerOrderStatus, publicCustomerOrder, verifiedCustomerOrder } from './customer-order-view';
import { findOrderByNo, type Order } from './order-repository';

/** An order number from a URL: the shape the server makes, or 400 before it costs a read. */
export function parseOrderNo(raw: string): string {
  const orderNo = raw.trim();
  if (!ORDER_NO_PATTERN.test(orderNo)) throw badRequest('invalid_order_number', `${raw.slice(0, 40)} is not an order number`);
  return orderNo;
}

async function requireOrderByNo(db: Kysely<Database>, orderNo: string): Promise<Order> {
  const order = await findOrderByNo(db, orderNo);
  if (!order) throw notFound('order_not_found', `No order ${orderNo}`);
  return order;
}

async function verifiedView(db: Kysely<Database>, order: Order, verifiedUntil: number): Promise<VerifiedCustomerOrder> {
  const [lines, coupons, refundedFen, shipments] = await Promise.all([
    findOrderLines(db, order.id),
    findOrderCoupons(db, order.id),
    sumRefundedToCustomer(db, order.id),
    findDeliveryShipmentsOfOrder(db, order.id),
  ]);
  return verifiedCustomerOrder(order, { lines, coupons, refundedFen, shipments, verifiedUntil });
}

/**
 * The order page's view: the verified one for a browser holding a live session for this order
 * (proved on this page or on any parcel of it; a session for another order counts for nothing),
 * the public one, with nothing personal in it, for everyone else.
 */
export async function getCustomerOrder(db: Kysely<Database>, input: { orderNo: string; tokens: readonly string[] }, now: number): Promise<CustomerOrderView> {
  const order = await requireOrderByNo(db, input.orderNo);
  const session = await findSessionForOrder(db, input.tokens, order.id, now);
  if (session) return verifiedView(db, order, session.expiresAt);
  return publicCustomerOrder(order, customerOrderStatus(order.status, await hasDeliveryShipments(db, order.id)));
}

/**
 * Proof that the order is the customer's by the recipient phone's last 4 digits, with the
 * parcel's limits (phone-digits-proof): 403 for wrong digits, 429 when the limits refuse the
 * try. Opens a session for the order, good for its parcels' pages too.
 */
export async function verifyOrderByPhoneLast4(
  db: Kysely<Database>,
  input: { orderNo: string; phoneLast4: string; clientKey: string; deviceToken?: string },
  now: number,
): Promise<{ token: string; expiresAt: number; deviceToken: string; view: VerifiedCustomerOrder }> {
  const order = await requireOrderByNo(db, input.orderNo);
  const deviceToken = await provePhoneDigits(db, { target: 'order', id: order.id }, { ...input, recipientPhone: order.recipientPhone }, now);
  const { token, expiresAt } = await openCustomerSession(db, order.id, now);
  return { token, expiresAt, deviceToken, view: await verifiedView(db, order, expiresAt) };
}
