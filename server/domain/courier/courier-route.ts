import type { Kysely } from 'kysely';
import { orderRoute } from '../../../shared/geo/route-order';
import { shopDay } from '../../../shared/time/shop-day';
import type { Database } from '../../db/schema';
import { loadCourierRoundFacts, loadRoutableStops, saveRound, type RoutableStop } from './courier-route-repository';

/** A day's round is far fewer; past this many the oldest are ordered and the rest follow by age. */
export const ROUTED_STOPS_LIMIT = 500;

/**
 * Puts a courier's open stops in route order (`shipments.route_position`), the one order both
 * their phone's manifest and the desk's list of their stops read. Ordered once per shop day,
 * and again whenever a stop without a position joins the round (assigned, reassigned, a pickup
 * booked): today's stops by geography from the courier's depot (nearest neighbour, then
 * 2-opt), then pickups booked for a later day, by their slot.
 */
export async function ensureRoundOrdered(db: Kysely<Database>, courierId: number, options: { now: number; timeZone: string }): Promise<void> {
  const facts = await loadCourierRoundFacts(db, courierId);
  if (!facts) return;
  const today = shopDay(options.now, options.timeZone);
  const stops = await loadRoutableStops(db, courierId, ROUTED_STOPS_LIMIT);
  if (facts.routeDay === today && stops.every((s) => s.routePosition !== null)) return;
  const order = planRound(stops, facts.depot, (slotStart) => shopDay(slotStart, options.timeZone) > today);
  await saveRound(db, courierId, today, new Map(order.map((stop, i) => [stop.shipmentId, i + 1])), stops);
}

/** The round's order: pure, so the rule reads in one place. */
export function planRound(stops: readonly RoutableStop[], depot: RoutableStop['point'], isLaterDay: (slotStart: number) => boolean): RoutableStop[] {
  const later = (s: RoutableStop) => s.pickupSlotStart !== null && isLaterDay(s.pickupSlotStart);
  const today = stops.filter((s) => !later(s));
  const ahead = stops.filter(later).sort((a, b) => a.pickupSlotStart! - b.pickupSlotStart! || a.shipmentId - b.shipmentId);
  return [...orderRoute(today, (s) => s.point, depot), ...ahead];
}
