import { ORDER_STATUSES, type OrderStatus } from '../../../shared/api/shop';
import type { CustomerOrderShipment, PublicCustomerOrder, VerifiedCustomerOrder } from '../../../shared/api/customer-order';
import { maskName, maskPhone, maskStreet } from '../tracking/masking';
import type { Shipment } from '../tracking/shipment-repository';
import type { OrderLineRecord } from './customer-order-repository';
import type { Order } from './order-repository';

const isOrderStatus = (status: string): status is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(status);

/**
 * The status the customer is told. An order is `shipped` once a parcel of it is on its way,
 * whatever its row still says: orders from before statuses moved past `paid` (the demo's
 * history) would otherwise read "the warehouse is preparing it" beside a delivered parcel.
 */
export function customerOrderStatus(stored: string, hasShipments: boolean): OrderStatus {
  if (!isOrderStatus(stored)) throw new Error(`Order status ${stored} is not one of ${ORDER_STATUSES.join(', ')}`);
  return stored === 'paid' && hasShipments ? 'shipped' : stored;
}

export function publicCustomerOrder(order: Order, status: OrderStatus): PublicCustomerOrder {
  return { orderNo: order.orderNo, status, createdAt: order.createdAt, verified: false };
}

export interface VerifiedOrderParts {
  lines: OrderLineRecord[];
  coupons: Array<{ code: string; discountFen: number }>;
  refundedFen: number;
  shipments: Shipment[];
  verifiedUntil: number;
}

/** What the customer who proved the order is theirs sees: masked as the parcel's verified view masks. */
export function verifiedCustomerOrder(order: Order, parts: VerifiedOrderParts): VerifiedCustomerOrder {
  return {
    orderNo: order.orderNo,
    status: customerOrderStatus(order.status, parts.shipments.length > 0),
    verified: true,
    createdAt: order.createdAt,
    payBy: order.payBy,
    paidAt: order.paidAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    recipient: {
      name: maskName(order.recipientName),
      phone: maskPhone(order.recipientPhone),
      address: { ...order.address, street: maskStreet(order.address.street) },
    },
    lines: parts.lines.map((line) => ({
      sku: line.sku,
      // Products from before English names show their Chinese one in both languages.
      name: { 'zh-CN': line.nameZh, en: line.nameEn || line.nameZh },
      quantity: line.quantity,
      unitPriceFen: line.unitPriceFen,
      lineTotalFen: line.unitPriceFen * line.quantity,
    })),
    breakdown: {
      itemsTotalFen: order.itemsTotalFen,
      coupons: parts.coupons,
      discountFen: order.discountFen,
      shippingFen: order.shippingFen,
      totalFen: order.paidTotalFen,
      refundedFen: parts.refundedFen,
    },
    shipments: parts.shipments.map(shipmentLine),
    verifiedUntil: parts.verifiedUntil,
  };
}

const shipmentLine = (s: Shipment): CustomerOrderShipment => ({
  trackingNo: s.trackingNo,
  status: s.status,
  subStatus: s.subStatus,
  promisedBy: s.promisedBy,
  deliveredAt: s.deliveredAt,
});
