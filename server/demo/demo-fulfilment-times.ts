import type { DemoOrder, DemoShipment } from './demo-model';

/**
 * The generated parcels' steps before the courier, so the process map and the order-side
 * figures have something real to show on a generated history (a million parcels included).
 * Derived from times the generator already drew (paid, parcel created = packed, first
 * tracking event), not from its random stream, so every other generated value stays as it
 * was: picked somewhere between paid and packed, handed over at the first carrier scan.
 */
const spread = (id: number) => ((id * 2_654_435_761) % 1000) / 1000;

export function demoPickedAt(order: Pick<DemoOrder, 'id' | 'paidAt'>, packedAt: number): number {
  return order.paidAt + Math.round((packedAt - order.paidAt) * (0.4 + 0.5 * spread(order.id)));
}

/** First event's time when it comes after packing, else packing time: the parcel left the shelf then. */
export function demoHandedOverAt(shipment: Pick<DemoShipment, 'createdAt' | 'events'>): number {
  const first = shipment.events[0]?.occurredAt;
  return first !== undefined && first >= shipment.createdAt ? first : shipment.createdAt;
}
