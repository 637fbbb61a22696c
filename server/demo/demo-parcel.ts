import { TRACKING_STATUSES, type TrackingStatus } from '../../shared/tracking/statuses';
import { makeTrackingNo } from '../../shared/tracking/tracking-number';
import { makeStreetAddress } from './demo-addresses';
import { demoAddressPoint } from './demo-geo';
import { DAY, MINUTE, endOfShanghaiDay, shanghaiDateStamp, shanghaiHour } from './demo-clock';
import { customerProfile } from './demo-customers';
import { Journey } from './demo-journey';
import type { DemoOrder, DemoShipment } from './demo-model';
import { makeOrderItems, priceOrder } from './demo-orders';
import { makeMobileNumber, makePersonName } from './demo-people';
import { DESTINATION_CITIES, ORIGIN_WAREHOUSES, demoCity } from './demo-places';
import { couriersFor, planRoute } from './demo-route';
import { SCENARIOS } from './demo-scenarios';
import { deriveSeed, randomFor, weighted, type Random } from './random';

/** One paid order and the shipment that carries it: the unit the generator repeats. */
export const PARCEL_STREAM = 2;
const TRACKING_STREAM = 3;

/** The first rounds cycle through every status, so even a tiny demo shows each of them. */
const GUARANTEED_ROUNDS = 4;

const FINAL_STATUS_MIX = weighted<TrackingStatus>([
  ['Delivered', 60], ['InTransit', 9], ['OutForDelivery', 6], ['Pending', 3], ['InfoReceived', 4],
  ['AttemptFail', 4], ['AvailableForPickup', 4], ['Exception', 7], ['Expired', 3],
]);

/**
 * Where on the calendar a parcel's story is placed. `recent`: its last event within the last
 * day (plus up to `extraDays`), because a parcel doesn't sit out for delivery for a week.
 * `spread`: created anywhere in the 30-day window, at least `minAgeDays` ago.
 */
type Placement = { kind: 'recent'; extraDays: number } | { kind: 'spread'; minAgeDays: number };

const PLACEMENT: Record<TrackingStatus, Placement> = {
  Pending: { kind: 'recent', extraDays: 0 },
  InfoReceived: { kind: 'recent', extraDays: 0 },
  InTransit: { kind: 'recent', extraDays: 0 },
  OutForDelivery: { kind: 'recent', extraDays: 0 },
  AttemptFail: { kind: 'recent', extraDays: 1 },
  AvailableForPickup: { kind: 'recent', extraDays: 2 },
  Exception: { kind: 'recent', extraDays: 6 },
  Delivered: { kind: 'spread', minAgeDays: 1.5 },
  Expired: { kind: 'spread', minAgeDays: 12 },
};

const RECENTLY_DELIVERED: Placement = { kind: 'recent', extraDays: 3 };

/**
 * Tracking numbers depend on the seed and the index only (never on `now`), so a test or a
 * screenshot can name a demo parcel. A stride coprime with 10^10 walks the serials without
 * ever repeating one, and keeps neighbours from having neighbouring numbers.
 */
const SERIAL_SPACE = 10_000_000_000;
const SERIAL_STRIDE = 7_654_321;

export function demoTrackingNo(seed: number, index: number): string {
  const base = deriveSeed(seed, TRACKING_STREAM) % 1_000_000_000;
  return makeTrackingNo((base + (index + 1) * SERIAL_STRIDE) % SERIAL_SPACE);
}

/** People order in the daytime and evening; most 3 a.m. orders move to a waking hour. */
function plausibleOrderTime(random: Random, at: number): number {
  const hour = shanghaiHour(at);
  return hour >= 1 && hour < 7 && random.chance(0.8) ? at + Math.round(random.between(6, 14) * 3_600_000) : at;
}

function placementShift(random: Random, placement: Placement, lastEventAt: number, now: number): number {
  const daysTooLate = Math.ceil((lastEventAt - now) / DAY);
  if (placement.kind === 'spread') return Math.max(0, daysTooLate) * DAY;
  // Whole days keep every event at its time of day (couriers in the daytime stay so).
  return (daysTooLate + random.int(0, placement.extraDays)) * DAY;
}

export interface DemoParcel {
  order: DemoOrder;
  shipment: DemoShipment;
}

export function makeDemoParcel(seed: number, now: number, index: number, customerCount: number): DemoParcel {
  const random = randomFor(seed, PARCEL_STREAM, index);
  const id = index + 1;
  const target =
    index < GUARANTEED_ROUNDS * TRACKING_STATUSES.length ? TRACKING_STATUSES[index % TRACKING_STATUSES.length]! : FINAL_STATUS_MIX.pick(random);
  // The first delivered parcel is the one the demo page offers: delivered in the last few days,
  // so a visitor can try a no-reason return, whose window is 7 days.
  const placement = index < TRACKING_STATUSES.length && target === 'Delivered' ? RECENTLY_DELIVERED : PLACEMENT[target];

  const { customer, homeCity, home } = customerProfile(seed, random.int(1, customerCount), now);
  const forSelf = random.chance(0.85);
  const recipientName = forSelf ? customer.name : makePersonName(random);
  const recipientPhone = forSelf ? customer.phone : makeMobileNumber(random);
  const cityName = random.chance(0.8) ? homeCity : DESTINATION_CITIES.pick(random);
  const address = cityName === homeCity ? home : makeStreetAddress(random, demoCity(cityName));
  const point = demoAddressPoint(demoCity(cityName), address.district, address.street);
  const route = planRoute(ORIGIN_WAREHOUSES.pick(random), cityName);
  const courierNo = random.pick(couriersFor(cityName));

  const tentativeAge = placement.kind === 'spread' ? random.between(placement.minAgeDays, 30) : random.between(0, 1);
  const tentativeStart = plausibleOrderTime(random, now - Math.round(tentativeAge * DAY));
  const journey = new Journey(random, { route, courierNo, recipientName, home: address }, tentativeStart);
  SCENARIOS[target](journey);
  const events = journey.events;
  const shift = placementShift(random, placement, events[events.length - 1]!.occurredAt, now);
  for (const event of events) {
    event.occurredAt -= shift;
    event.recordedAt = Math.min(now, event.recordedAt - shift);
  }
  const createdAt = tentativeStart - shift;
  const paidAt = createdAt - Math.round(random.between(0.3, 3) * MINUTE);
  const orderCreatedAt = paidAt - Math.round(random.between(1, 25) * MINUTE);
  const items = makeOrderItems(random);
  const last = events[events.length - 1]!;
  const delivered = events.find((event) => event.status === 'Delivered');
  const reachedCourier = events.some((event) => event.actorType === 'courier' || event.status === 'AvailableForPickup');

  const order: DemoOrder = {
    id,
    orderNo: shanghaiDateStamp(orderCreatedAt) + String(id).padStart(10, '0'),
    customerId: customer.id,
    status: 'shipped',
    ...priceOrder(random, items),
    paidAt,
    recipientName,
    recipientPhone,
    province: route.destination.province,
    city: route.destination.city,
    district: address.district,
    street: address.street,
    lat: point.lat,
    lng: point.lng,
    createdAt: orderCreatedAt,
    items,
  };
  const shipment: DemoShipment = {
    id,
    trackingNo: demoTrackingNo(seed, index),
    orderId: id,
    courierNo: reachedCourier ? courierNo : null,
    status: last.status,
    subStatus: last.subStatus,
    version: 1 + events.length,
    originProvince: route.origin.province,
    originCity: route.origin.city,
    destinationProvince: route.destination.province,
    destinationCity: route.destination.city,
    promisedBy: endOfShanghaiDay(createdAt, route.promisedDays),
    deliveredAt: delivered?.occurredAt ?? null,
    createdAt,
    updatedAt: Math.max(...events.map((event) => event.recordedAt)),
    events,
  };
  return { order, shipment };
}
