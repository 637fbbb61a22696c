import { DAY } from './demo-clock';
import { makeStreetAddress, type StreetAddress } from './demo-addresses';
import type { DemoCustomer } from './demo-model';
import { makeMobileNumber, makePersonName } from './demo-people';
import { DESTINATION_CITIES, demoCity } from './demo-places';
import { randomFor } from './random';

/** Stream ids for deriveSeed: each kind of row draws from its own sequence. */
export const CUSTOMER_STREAM = 1;

/** Fewer customers than orders, so some people order more than once, as they do. */
export function demoCustomerCount(shipments: number): number {
  return Math.max(1, Math.ceil(shipments * 0.7));
}

export interface CustomerProfile {
  customer: DemoCustomer;
  /** Where this customer usually has parcels sent (a key of DEMO_CITIES, plus the street). */
  homeCity: string;
  home: StreetAddress;
}

/**
 * Customer number `id` (1-based), rebuilt from the seed alone. Orders call this again for
 * their customer instead of keeping a million profiles in memory to look them up.
 */
export function customerProfile(seed: number, id: number, now: number): CustomerProfile {
  const random = randomFor(seed, CUSTOMER_STREAM, id);
  const name = makePersonName(random);
  const phone = makeMobileNumber(random);
  const homeCity = DESTINATION_CITIES.pick(random);
  const home = makeStreetAddress(random, demoCity(homeCity));
  // Signed up before the demo's 30-day window (and its few days of slack) began.
  const createdAt = now - 40 * DAY - Math.floor(random.between(0, 1000) * DAY);
  return { customer: { id, name, phone, createdAt }, homeCity, home };
}
