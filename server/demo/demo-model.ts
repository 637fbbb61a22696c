import type { PickupPointReport } from '../../shared/courier/pickup-point';
import type { TrackingStatus } from '../../shared/tracking/statuses';
import type { DemoProduct } from './demo-products';

/**
 * What the generator produces, before it meets a database. Ids are 1-based positions in the
 * generated set; the seeder shifts them past whatever the tables already hold. Couriers are
 * named by 1-based position in DEMO_COURIERS (`courierNo`), because their database ids
 * exist only once the seeder has inserted them.
 */
export interface DemoCustomer {
  id: number;
  name: string;
  phone: string;
  createdAt: number;
}

export interface DemoOrderItem {
  productId: number;
  quantity: number;
  unitPriceFen: number;
}

export interface DemoOrder {
  id: number;
  orderNo: string;
  customerId: number;
  /** Payment state only; where the parcel is lives in the shipment's event log. */
  status: 'shipped';
  itemsTotalFen: number;
  discountFen: number;
  shippingFen: number;
  paidTotalFen: number;
  paidAt: number;
  recipientName: string;
  recipientPhone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  /** Where the address is on the map (approximate: its district's centre, spread a little). */
  lat: number;
  lng: number;
  createdAt: number;
  items: DemoOrderItem[];
}

export type DemoActorType = 'system' | 'carrier' | 'courier';

export interface DemoTrackingEvent {
  status: TrackingStatus;
  subStatus: string;
  occurredAt: number;
  recordedAt: number;
  province: string | null;
  city: string | null;
  reasonCode: string | null;
  actorType: DemoActorType;
  /** Set when actorType is 'courier'. */
  courierNo: number | null;
  note: string | null;
  recipientName: string | null;
  /** For a drop at a locker or station: what the courier reported (code, name, address, keeping time). */
  pickupPoint: PickupPointReport | null;
}

export interface DemoShipment {
  id: number;
  trackingNo: string;
  orderId: number;
  courierNo: number | null;
  status: TrackingStatus;
  subStatus: string;
  version: number;
  originProvince: string;
  originCity: string;
  destinationProvince: string;
  destinationCity: string;
  promisedBy: number;
  deliveredAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** Oldest first. */
  events: DemoTrackingEvent[];
}

/** One slice of the data set, in the order it must be inserted (customers before orders). */
export interface DemoBatch {
  customers: DemoCustomer[];
  products: DemoProduct[];
  orders: DemoOrder[];
  shipments: DemoShipment[];
}

export type DemoDataSet = DemoBatch;
